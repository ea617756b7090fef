// Thi đua & điển hình in the words of its screens: record an exemplar or a model, reward the
// ticked ones with one decision, switch tabs.
import { AppPage } from './app-page'

export class ExemplarsPage extends AppPage {
  async tab(label: string): Promise<void> {
    await this.page.locator('.el-tabs__item', { hasText: label }).click()
  }

  /** Opens a select by its test id and clicks the option with this text. */
  async choose(id: string, option: string): Promise<void> {
    await this.byTestId(id).click()
    await this.pickOption(option)
  }

  async recordModel(f: { name: string; unit: string; achievement: string; form: string }) {
    await this.byTestId('register-add').click()
    await this.byTestId('exemplar-dialog').waitFor()
    await this.byTestId('exemplar-kind-model').click()
    await this.input('exemplar-name').fill(f.name)
    await this.choose('exemplar-unit', f.unit)
    await this.input('exemplar-achievement').fill(f.achievement)
    await this.choose('exemplar-proposed-form', f.form)
    await this.choose('exemplar-proposer', f.unit)
    await this.byTestId('exemplar-save').click()
    await this.byTestId('exemplar-dialog').waitFor({ state: 'hidden' })
  }

  /** A person found by typing the name without diacritics, as a clerk in a hurry would. */
  async recordPerson(f: { search: string; name: string; achievement: string; form: string }) {
    await this.byTestId('register-add').click()
    await this.byTestId('exemplar-dialog').waitFor()
    await this.byTestId('exemplar-person').click()
    await this.input('exemplar-person').pressSequentially(f.search)
    await this.pickOption(f.name)
    await this.input('exemplar-achievement').fill(f.achievement)
    await this.choose('exemplar-proposed-form', f.form)
    await this.byTestId('exemplar-save').click()
    await this.byTestId('exemplar-dialog').waitFor({ state: 'hidden' })
  }
}
