// The Đánh giá xếp loại screens: the members' table with a rating cell per stage.
import type { Locator } from 'playwright-core'
import { AppPage } from './app-page'

/** The level a rating cell shows: on its light button, or in its box while that is in use. */
const RATING_TEXT = '.rating-cell__value:not(.rating-cell__value--empty)'

export class EvaluationPage extends AppPage {
  row(name: string): Locator {
    return this.page.locator('[data-testid="evaluation-table"] tr.member', {
      has: this.byTestId(`evaluation-row-${name}`)
    })
  }

  /**
   * Fast entry from the keyboard: click the cell (a light button until used, then a text box,
   * focused with its list open), type the start of the level, Enter; waits for the saved level.
   */
  async rate(name: string, stage: 'self' | 'proposed' | 'decided', typed: string): Promise<void> {
    const select = this.row(name).locator(`[data-testid="rating-${stage}"]`)
    await select.click()
    await select.locator('input:focus').waitFor()
    await this.page.keyboard.type(typed)
    await this.page.keyboard.press('Enter')
    await this.page.waitForFunction(
      ([n, s, shown]) => {
        const row = [
          ...document.querySelectorAll('[data-testid="evaluation-table"] tr.member')
        ].find((tr) => tr.querySelector(`[data-testid="evaluation-row-${n}"]`))
        return !!row?.querySelector(`[data-testid="rating-${s}"] ${shown}`)?.textContent?.trim()
      },
      [name, stage, RATING_TEXT] as const
    )
  }

  async fill(kind: 'selfToProposed' | 'proposedToDecided' | 'notRatedByRules'): Promise<void> {
    await this.byTestId('evaluation-fill').click()
    await this.byTestId(`evaluation-fill-${kind}`).click()
    await this.page.locator('.el-message--success').last().waitFor()
  }

  async ratingText(name: string, stage: string): Promise<string> {
    return (
      await this.row(name)
        .locator(`[data-testid="rating-${stage}"]`)
        .locator(RATING_TEXT)
        .innerText()
    ).trim()
  }
}
