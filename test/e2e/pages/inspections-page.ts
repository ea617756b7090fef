// Kiểm tra, giám sát in the words of its screens: the plan, an inspection's drawer, recommendations.
import { AppPage } from './app-page'

export class InspectionsPage extends AppPage {
  async tab(label: string): Promise<void> {
    await this.page.locator('.el-tabs__item', { hasText: label }).first().click()
  }

  /** Chooses in a select (opened by its test id) the options named, then closes it. */
  async choose(id: string, ...options: string[]): Promise<void> {
    await this.byTestId(id).click()
    for (const o of options) await this.pickOption(o)
    await this.page.keyboard.press('Escape')
    // The next select opened while this one's list is still closing would be shut by the same
    // transition: wait until no list is shown.
    await this.page.locator('.el-select-dropdown:visible').first().waitFor({ state: 'hidden' })
  }

  async addPlanItem(o: {
    kind: 'Kiểm tra' | 'Giám sát'
    content: string
    targets: string[]
    unit: string
    quarter: number
  }): Promise<void> {
    await this.byTestId('plan-add').click()
    await this.byTestId('plan-form-kind').locator('label', { hasText: o.kind }).click()
    await this.input('plan-form-content').fill(o.content)
    await this.choose('plan-form-targets', ...o.targets)
    await this.choose('plan-form-unit', o.unit)
    await this.choose('plan-form-quarter', `Quý ${o.quarter}`)
    await this.byTestId('plan-form-save').click()
    await this.page.locator('[data-testid="plan-form"]').waitFor({ state: 'hidden' })
  }

  /** Moves the open inspection on one step and waits for it to show. */
  async nextStep(expected: string): Promise<void> {
    await this.byTestId('inspection-next').click()
    await this.waitText('inspection-status', expected)
  }
}
