// The Tuyên truyền screens, for the propaganda spec.
import { AppPage } from './app-page'

export class PropagandaPage extends AppPage {
  async tab(label: string): Promise<void> {
    await this.page.locator('.el-tabs__item', { hasText: label }).click()
  }

  async choose(selectId: string, option: string): Promise<void> {
    await this.byTestId(selectId).click()
    await this.pickOption(option)
  }

  /** Types a count into a number box and leaves it, as a user tabbing on does. */
  async count(id: string, n: number): Promise<void> {
    await this.input(id).fill(String(n))
    await this.input(id).press('Tab')
  }

  /** Waits for the success message of a save and for it to go, so screenshots show the page. */
  async saved(dialog: string): Promise<string> {
    await this.byTestId(dialog).waitFor({ state: 'hidden' })
    const text = await this.messageText()
    await this.page.locator('.el-message').waitFor({ state: 'detached' })
    return text
  }
}
