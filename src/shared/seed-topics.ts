// The yearly topics seeded into a new data file (DOMAIN.md, "Yearly topics"), kept once, as
// data, in resources/topics.json; users edit them per year in the app.
import data from '../../resources/topics.json'

export interface SeedTopic {
  year: number
  title: string
  note: string
}

/** The whole-term topic 2021–2025: offered as the default title for a year of that term. */
export const TERM_TOPIC: { from: number; to: number; title: string } = data.term
export const SEED_TOPICS: SeedTopic[] = data.topics
