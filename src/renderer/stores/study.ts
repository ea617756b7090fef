import { defineStore } from 'pinia'
import { TERM_TOPIC } from '@shared/seed-topics'
import { computed, ref, shallowRef } from 'vue'
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

/** The whole-term topic 2021–2025: offered as the title of a new year of that term. */
export const TERM_TOPIC_TITLE = TERM_TOPIC.title

/** Study of the yearly topic: the working year (shared by every view), sessions, attendance, coverage. */
export const useStudyStore = defineStore('study', () => {
  const year = ref<number | null>(null)
  const topic = ref<StudyTopic | null>(null)
  const topics = ref<StudyTopic[]>([])
  const sessions = ref<StudySession[]>([])
  const sessionsLoaded = ref(false)
  const coverage = shallowRef<StudyCoverage | null>(null)
  const progress = shallowRef<StudyProgress | null>(null)
  const checklist = ref<StudyChecklist | null>(null)

  const yearChoices = computed(() => {
    const now = new Date().getFullYear()
    const years = new Set<number>(topics.value.map((t) => t.year))
    for (let y = now - 1; y <= now + 1; y++) years.add(y)
    if (year.value !== null) years.add(year.value)
    return [...years].sort((a, b) => b - a)
  })

  async function loadYear(): Promise<void> {
    const w = await call('study:getYear', null)
    year.value = w.year
    topic.value = w.topic
  }

  /** Loads the year once; views call it on mount, the header too. */
  async function ensureYear(): Promise<number> {
    if (year.value === null) await loadYear()
    return year.value!
  }

  async function setYear(next: number): Promise<void> {
    const w = await call('study:setYear', { year: next })
    year.value = w.year
    topic.value = w.topic
    sessions.value = []
    sessionsLoaded.value = false
    coverage.value = null
    progress.value = null
  }

  async function loadTopics(): Promise<void> {
    topics.value = await call('study:topics', null)
  }

  async function saveTopic(input: StudyTopicInput): Promise<StudyTopic> {
    const saved = await call('study:saveTopic', input)
    await loadTopics()
    if (saved.year === year.value) topic.value = saved
    return saved
  }

  async function loadSessions(): Promise<void> {
    const y = await ensureYear()
    sessions.value = await call('study:sessions', { year: y, unitId: null })
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
    return call('study:missing', { year: y, unitId, limit })
  }

  async function openChecklist(sessionId: number, unitId: number): Promise<StudyChecklist> {
    const c = await call('study:checklist', { sessionId, unitId })
    checklist.value = c
    return c
  }

  async function saveAttendance(sessionId: number, present: number[], absent: number[]): Promise<StudyAttendanceResult> {
    const r = await call('study:setAttendance', { sessionId, present, absent })
    // The session's counts changed: refresh its row without reloading the list.
    sessions.value = sessions.value.map((s) =>
      s.id === sessionId ? { ...s, attendedMembers: r.attendedMembers, attendedNonMembers: r.attendedNonMembers } : s
    )
    coverage.value = null
    progress.value = null
    return r
  }

  const previewSheet = (sessionId: number): Promise<StudySheetPreview | null> => call('study:previewSheet', { sessionId, chooseFile: true })

  /** perUnit: after the scope's list, one sheet per chi bộ with people missing. */
  async function exportMissing(unitId: number | null, place: string, perUnit: boolean) {
    const y = await ensureYear()
    return call('study:exportMissing', { year: y, unitId, place, perUnit })
  }

  return {
    year,
    topic,
    topics,
    sessions,
    sessionsLoaded,
    coverage,
    progress,
    checklist,
    yearChoices,
    loadYear,
    ensureYear,
    setYear,
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
    exportMissing
  }
})
