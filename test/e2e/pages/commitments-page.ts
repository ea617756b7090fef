// The Cam kết screens: a unit's roster and one person's commitment in the drawer.
import { AppPage } from './app-page'

export class CommitmentsPage extends AppPage {
  async selectUnit(name: string): Promise<void> {
    await this.byTestId(`commitments-units-node-${name}`).click()
    await this.byTestId('commitments-unit').filter({ hasText: name }).waitFor()
  }

  async openPerson(name: string): Promise<void> {
    await this.byTestId(`commitment-open-${name}`).click()
    await this.page.locator('[data-testid="person-who"]:visible').waitFor()
    await this.waitText('person-drawer', name)
  }

  async closeDrawer(): Promise<void> {
    await this.page.keyboard.press('Escape')
    await this.byTestId('person-drawer').waitFor({ state: 'hidden' })
  }

  async quietMessages(): Promise<void> {
    await this.page.locator('.el-message').first().waitFor({ state: 'detached', timeout: 10_000 })
  }
}
