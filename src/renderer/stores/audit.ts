import { defineStore } from 'pinia'
import { reactive, ref } from 'vue'
import type { AuditAction, AuditEntry, AuditFilter } from '@shared/api'
import { call } from '../api'

export const AUDIT_PAGE_SIZE = 50

/** The audit log as "Dữ liệu & sao lưu" shows it: a page, a filter; read and exported only. */
export const useAuditStore = defineStore('audit', () => {
  const filter = reactive<{ action: AuditAction | null; from: string | null; to: string | null }>({
    action: null,
    from: null,
    to: null
  })
  const page = ref(1)
  const rows = ref<AuditEntry[]>([])
  const total = ref(0)
  const loading = ref(false)

  const current = (): AuditFilter => ({ action: filter.action, from: filter.from, to: filter.to })

  async function load(): Promise<void> {
    loading.value = true
    try {
      const result = await call('audit:list', {
        ...current(),
        offset: (page.value - 1) * AUDIT_PAGE_SIZE,
        limit: AUDIT_PAGE_SIZE
      })
      rows.value = result.rows
      total.value = result.total
    } finally {
      loading.value = false
    }
  }

  async function setFilter(patch: Partial<AuditFilter>): Promise<void> {
    Object.assign(filter, patch)
    page.value = 1
    await load()
  }

  async function setPage(n: number): Promise<void> {
    page.value = n
    await load()
  }

  /** Saves what the filter selects; null when the user cancelled the dialog. */
  async function exportLog() {
    const result = await call('audit:export', current())
    // The export is itself an entry.
    if (result) await load()
    return result
  }

  return { filter, page, rows, total, loading, load, setFilter, setPage, exportLog }
})
