// Page objects: what a user does, in the words of the screens, so specs read like steps.
import type { Locator, Page } from 'playwright-core'

export class AppPage {
  constructor(readonly page: Page) {}

  byTestId(id: string): Locator {
    return this.page.locator(`[data-testid="${id}"]`)
  }

  /** The text box of a field, whether the test id sits on the input or on its wrapper. */
  input(id: string): Locator {
    return this.page
      .locator(
        `input[data-testid="${id}"], textarea[data-testid="${id}"], [data-testid="${id}"] input`
      )
      .first()
  }

  async go(section: string): Promise<void> {
    await this.byTestId(`nav-${section}`).click()
  }

  /** Clicks a visible dropdown option by its text (Element Plus renders options in a popper). */
  async pickOption(text: string): Promise<void> {
    await this.page
      .locator(
        '.el-select-dropdown__item:visible, .el-tree-node__content:visible, .el-autocomplete-suggestion li:visible',
        { hasText: text }
      )
      .first()
      .click()
  }

  /** Waits until an element's text, spaces collapsed, contains `expected`. */
  async waitText(id: string, expected: string): Promise<void> {
    await this.page.waitForFunction(
      ([sel, want]) =>
        document.querySelector(sel)?.textContent?.replace(/\s+/g, ' ').includes(want) ?? false,
      [`[data-testid="${id}"]`, expected] as const,
      { timeout: 10_000 }
    )
  }

  /** Waits for a message holding `text` (the last one may still be the step before's). */
  async waitMessage(text: string): Promise<string> {
    const msg = this.page.locator('.el-message', { hasText: text }).last()
    await msg.waitFor()
    return msg.innerText()
  }

  async messageText(): Promise<string> {
    const msg = this.page.locator('.el-message').last()
    await msg.waitFor()
    return msg.innerText()
  }
}

export class UnitsPage extends AppPage {
  async addRoot(name: string, level: string): Promise<void> {
    await this.byTestId('units-add-root').click()
    await this.fillForm(name, level)
  }

  async addChild(parent: string, name: string, level: string): Promise<void> {
    await this.select(parent)
    await this.byTestId('units-add-child').click()
    await this.fillForm(name, level)
  }

  async select(name: string): Promise<void> {
    await this.byTestId(`units-node-${name}`).click()
  }

  /** Merges the unit `name` into `into` through the "Gộp vào đơn vị khác" dialog. */
  async merge(name: string, into: string, date: string): Promise<void> {
    await this.select(name)
    await this.byTestId('units-merge').click()
    await this.byTestId('unit-merge-into').click()
    // The unit tree behind the dialog holds the same names: pick from the dropdown only.
    await this.page.locator('.el-select-dropdown__item:visible', { hasText: into }).first().click()
    await this.input('unit-merge-date').fill(date)
    await this.byTestId('unit-merge-save').click()
  }

  private async fillForm(name: string, level: string): Promise<void> {
    // Level first: its suggestion list would cover the Save button, so submit with Enter
    // from the name box, which closes the list, as a user typing quickly does.
    await this.input('unit-form-level').fill(level)
    await this.input('unit-form-name').fill(name)
    await this.input('unit-form-name').press('Enter')
    await this.byTestId('unit-form').waitFor({ state: 'hidden' })
  }
}

export class PeoplePage extends AppPage {
  async selectUnit(name: string): Promise<void> {
    await this.byTestId(`people-units-node-${name}`).click()
  }

  async search(text: string): Promise<void> {
    await this.input('people-search').fill(text)
  }

  async total(): Promise<number> {
    return Number(await this.byTestId('people-total').getAttribute('data-total'))
  }

  async waitForTotal(n: number): Promise<void> {
    await this.page.waitForFunction(
      (expected) =>
        document.querySelector('[data-testid="people-total"]')?.getAttribute('data-total') ===
        String(expected),
      n
    )
  }

  rows(): Locator {
    return this.byTestId('people-row')
  }

  async openAddForm(): Promise<void> {
    await this.byTestId('people-add').click()
    await this.byTestId('person-dialog').waitFor()
  }

  async fillPerson(fields: {
    fullName: string
    birthDate?: string
    partyCardNumber?: string
    gender?: 'male' | 'female'
  }): Promise<void> {
    await this.input('person-fullName').fill(fields.fullName)
    if (fields.gender) await this.byTestId(`person-gender-${fields.gender}`).click()
    if (fields.birthDate) await this.input('person-birthDate').fill(fields.birthDate)
    if (fields.partyCardNumber)
      await this.input('person-partyCardNumber').fill(fields.partyCardNumber)
  }

  async save(): Promise<void> {
    await this.byTestId('person-save').click()
  }
}
