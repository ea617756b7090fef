// The Báo cáo screens, for the reports spec.
import { AppPage } from './app-page'

export class ReportsPage extends AppPage {
  async tab(label: string): Promise<void> {
    await this.byTestId('report-tabs').getByRole('tab', { name: label, exact: true }).click()
  }

  async chooseUnit(name: string): Promise<void> {
    await this.byTestId('report-unit').click()
    await this.pickOption(name)
    await this.waitText('annex', name)
  }

  async choosePeriod(label: string): Promise<void> {
    await this.byTestId('report-period-kind').click()
    await this.pickOption(label)
  }

  /** Types the text of one part of the report. */
  async write(part: string, text: string): Promise<void> {
    await this.input(`report-part-${part}`).fill(text)
  }

  /** Waits for a success message and for it to go, so screenshots show the page. */
  async message(): Promise<string> {
    const text = await this.messageText()
    await this.page.locator('.el-message').waitFor({ state: 'detached' })
    return text
  }

  async status(unitId: number): Promise<string> {
    return this.byTestId(`tracker-status-${unitId}`).innerText()
  }
}
