// The anniversaries seeded into a new data file (DOMAIN part 5), kept once, as data, in
// resources/anniversaries.json; users edit them and add their own in the app.
import data from '../../resources/anniversaries.json'

export interface SeedAnniversary {
  title: string
  /** YYYY, YYYY-MM or YYYY-MM-DD: as precise as the source. */
  date: string
  source: string
}

export const SEED_ANNIVERSARIES: SeedAnniversary[] = data.events
