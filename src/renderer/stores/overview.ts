import { defineStore } from 'pinia'
import { ref } from 'vue'
import { PERSON_STATUSES, type PersonStatus } from '@shared/api'
import { call } from '../api'
import { ON_ROLL_STATUSES, usePeopleStore } from './people'

export interface OverviewCounts {
  units: number
  onRoll: number
  members: number
  nonMembers: number
  byStatus: Record<PersonStatus, number>
}

/** Counts the core can answer today, each from a one-row people:list query. */
export const useOverviewStore = defineStore('overview', () => {
  const counts = ref<OverviewCounts | null>(null)

  async function load(): Promise<void> {
    const people = usePeopleStore()
    const [units, onRoll, members, nonMembers, ...perStatus] = await Promise.all([
      call('units:list', { includeRetired: false }).then((list) => list.length),
      people.count({ statuses: ON_ROLL_STATUSES }),
      people.count({ statuses: ON_ROLL_STATUSES, kind: 'member' }),
      people.count({ statuses: ON_ROLL_STATUSES, kind: 'non_member' }),
      ...PERSON_STATUSES.map((s) => people.count({ statuses: [s] }))
    ])
    const byStatus = Object.fromEntries(PERSON_STATUSES.map((s, i) => [s, perStatus[i]])) as Record<
      PersonStatus,
      number
    >
    counts.value = { units, onRoll, members, nonMembers, byStatus }
  }

  return { counts, load }
})
