// The Chuyên đề & học tập screens, for the study spec.
import { AppPage } from './app-page'

export class StudyPage extends AppPage {
  async text(id: string): Promise<string> {
    return (await this.byTestId(id).innerText()).trim()
  }

  async choose(selectId: string, option: string): Promise<void> {
    await this.byTestId(selectId).click()
    await this.pickOption(option)
  }
}
