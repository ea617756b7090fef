import { defineStore } from 'pinia'
import { TERM_TOPIC } from '@shared/seed-topics'
import { computed, ref, shallowRef, watch } from 'vue'
import type {
  StudyAttendanceResult,
  StudyChecklist,
  StudyCoverage,
  StudyProgress,
  StudySession,
  StudySessionFields,
  StudySheetPreview,
  StudyTopic,
  StudyTopicInput
} from '@shared/api'
import { call } from '../api'
import { useAppStore } from './app'

/** The whole-term topic 2021–2025: offered as the title of a new year of that term. */
export const TERM_TOPIC_TITLE = TERM_TOPIC.title

/** Study of the yearly topic in the app's working year: topics, sessions, attendance, coverage. */
export const useStudyStore = defineStore('study', () => {
  const app = useAppStore()
  const topics = ref<StudyTopic[]>([])
  /** The topic of the working year, once the topics are loaded. */
  const topic = computed(() => topics.value.find((t) => t.year === app.year) ?? null)
  const sessions = ref<StudySession[]>([])
  const sessionsLoaded = ref(false)
  const coverage = shallowRef<StudyCoverage | null>(null)
  const progress = shallowRef<StudyProgress | null>(null)
  const checklist = ref<StudyChecklist | null>(null)

  const yearChoices = computed(() => {
    const now = new Date().getFullYear()
    const years = new Set<number>(topics.value.map((t) => t.year))
    for (let y = now - 1; y <= now + 1; y++) years.add(y)
    if (app.year !== null) years.add(app.year)
    return [...years].sort((a, b) => b - a)
  })

  // What was loaded belongs to the year it was loaded for: drop it the moment the year changes,
  // before any view reloads.
  watch(
    () => app.year,
    (_, old) => {
      if (old === null) return
      sessions.value = []
      sessionsLoaded.value = false
      coverage.value = null
      progress.value = null
    },
    { flush: 'sync' }
  )
  const ensureYear = () => app.ensureYear()

  async function loadTopics(): Promise<void> {
    topics.value = await call('study:listTopics', null)
  }

  async function saveTopic(input: StudyTopicInput): Promise<StudyTopic> {
    const saved = await call('study:saveTopic', input)
    await loadTopics()
    return saved
  }

  async function loadSessions(): Promise<void> {
    const y = await ensureYear()
    sessions.value = await call('study:listSessions', { year: y, unitId: null })
    sessionsLoaded.value = true
  }

  async function createSession(fields: StudySessionFields): Promise<StudySession> {
    const s = await call('study:createSession', fields)
    await loadSessions()
    return s
  }

  async function updateSession(id: number, fields: StudySessionFields): Promise<StudySession> {
    const s = await call('study:updateSession', { id, fields })
    await loadSessions()
    return s
  }

  async function deleteSession(id: number): Promise<void> {
    await call('study:deleteSession', { id })
    await loadSessions()
  }

  async function loadCoverage(unitId: number | null): Promise<StudyCoverage> {
    const y = await ensureYear()
    const c = await call('study:coverage', { year: y, unitId })
    coverage.value = c
    return c
  }

  async function loadProgress(unitId: number | null): Promise<StudyProgress> {
    const y = await ensureYear()
    const p = await call('study:progress', { year: y, unitId })
    progress.value = p
    return p
  }

  async function loadMissing(unitId: number | null, limit = 200) {
    const y = await ensureYear()
    return call('study:listMissing', { year: y, unitId, limit })
  }

  async function openChecklist(sessionId: number, unitId: number): Promise<StudyChecklist> {
    const c = await call('study:checklist', { sessionId, unitId })
    checklist.value = c
    return c
  }

  async function saveAttendance(
    sessionId: number,
    present: number[],
    absent: number[]
  ): Promise<StudyAttendanceResult> {
    const r = await call('study:setAttendance', { sessionId, present, absent })
    // The session's counts changed: refresh its row without reloading the list.
    sessions.value = sessions.value.map((s) =>
      s.id === sessionId
        ? { ...s, attendedMembers: r.attendedMembers, attendedNonMembers: r.attendedNonMembers }
        : s
    )
    coverage.value = null
    progress.value = null
    return r
  }

  const previewSheet = (sessionId: number): Promise<StudySheetPreview | null> =>
    call('study:previewSheet', { sessionId })

  /** perUnit: after the scope's list, one sheet per chi bộ with people missing. */
  async function exportMissing(unitId: number | null, place: string, perUnit: boolean) {
    const y = await ensureYear()
    return call('study:exportMissing', { year: y, unitId, place, perUnit })
  }

  /** The coverage table per unit, as shown, to .xlsx; null when cancelled. */
  async function exportCoverage(unitId: number | null, place: string) {
    const y = await ensureYear()
    return call('study:exportCoverage', { year: y, unitId, place: place.trim() || undefined })
  }

  /** The coverage of one scope without touching the one the screens show (the overview's drill-down). */
  async function coverageOf(unitId: number | null): Promise<StudyCoverage> {
    return call('study:coverage', { year: await ensureYear(), unitId })
  }

  return {
    topic,
    topics,
    sessions,
    sessionsLoaded,
    coverage,
    progress,
    checklist,
    yearChoices,
    loadTopics,
    saveTopic,
    loadSessions,
    createSession,
    updateSession,
    deleteSession,
    loadCoverage,
    loadProgress,
    loadMissing,
    openChecklist,
    saveAttendance,
    previewSheet,
    exportMissing,
    exportCoverage,
    coverageOf
  }
})
