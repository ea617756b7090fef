import { afterEach, describe, expect, it } from 'vitest'
import { flushPromises } from '@vue/test-utils'
import { ElInputNumber, ElSelect } from 'element-plus'
import type { ImportProgress } from '@shared/api'
import { createMemoryHistory } from 'vue-router'
import ImportView from '@renderer/views/ImportView.vue'
import { createAppRouter } from '@renderer/router'
import { PROGRESS_POLL_MS } from '@renderer/stores/import'
import { $$, byTestId, click, installApi, mountView, sleep } from '../helpers'
import { createImportApi, type ImportFakeOptions } from '../import-fake'

async function mountWizard(fake: ReturnType<typeof createImportApi>, path = '/import') {
  installApi(fake.api)
  const router = createAppRouter(createMemoryHistory())
  await router.push(path)
  const wrapper = mountView(ImportView, { plugins: [router] })
  await router.isReady()
  await flushPromises()
  return { wrapper, router }
}

const stepOf = () => byTestId('import-steps')?.getAttribute('data-step')

/** Clicks the primary button of the open message box (confirm). */
async function confirmBox(): Promise<void> {
  await flushPromises()
  // The latest box: an earlier one may still be fading out.
  const btn = $$('.el-message-box__btns .el-button--primary').at(-1)
  if (!btn) throw new Error('no message box')
  btn.click()
  await flushPromises()
  await sleep(50)
  await flushPromises()
}

/** Opens the file and goes through every step with what was detected, up to the confirmed import. */
async function commitConfirmed(): Promise<void> {
  await click('import-choose')
  await click('import-next')
  await click('import-next')
  await click('import-commit')
  await confirmBox() // some rows are skipped: the user confirms
}

describe('import wizard', () => {
  afterEach(() => {
    document.body.innerHTML = ''
  })

  it('walks file → sheets → mapping → preview → import, with counts, problems and the summary', async () => {
    const fake = createImportApi()
    const { wrapper } = await mountWizard(fake)
    expect(stepOf()).toBe('file')
    expect(byTestId('import-step-file')?.textContent).toContain('Chọn tệp')

    await click('import-choose')
    expect(fake.callsTo('import:open')).toEqual([
      { requestId: expect.stringMatching(/^[A-Za-z0-9_-]{8,100}$/) }
    ])
    expect(stepOf()).toBe('sheets')
    expect(byTestId('import-file-name')?.textContent).toBe('DS đảng viên ấp 3.xlsx')
    expect(byTestId('import-legacy-note')?.textContent).toContain('4 ô chữ gõ bằng bảng mã TCVN3')
    const sheets = byTestId('import-sheets')!.textContent!
    expect(sheets).toContain('Dòng 7')
    expect(sheets).toContain('Chi bộ Ấp 3')
    expect(sheets).toContain('Không tìm thấy dòng tiêu đề cột')

    await click('import-next')
    expect(stepOf()).toBe('mapping')
    const mapping = byTestId('import-mapping-0')!.textContent!
    expect(mapping).toContain('Họ và tên')
    expect(mapping).toContain('Nguyễn Văn Dũng')

    await click('import-next')
    expect(stepOf()).toBe('preview')
    expect(fake.callsTo('import:preview')).toHaveLength(1)
    expect(byTestId('import-count-create')?.getAttribute('data-count')).toBe('1')
    expect(byTestId('import-count-unchanged')?.getAttribute('data-count')).toBe('1')
    expect(byTestId('import-count-skip')?.getAttribute('data-count')).toBe('1')
    expect(byTestId('import-count-errors')?.getAttribute('data-count')).toBe('1')
    const rows = byTestId('import-rows')!.textContent!
    expect(rows).toContain('Ngày sinh: 1975 → 12/03/1975')
    expect(rows).toContain('Số thẻ đảng viên gồm 8 chữ số.')
    const problems = byTestId('import-problems')!.textContent!
    expect(problems).toContain('Ấp 3')
    expect(problems).toContain('11')
    expect(problems).toContain('D')
    expect(problems).toContain('Lỗi')
    expect(byTestId('import-problem-message')?.textContent).toBe('Số thẻ đảng viên gồm 8 chữ số.')
    expect(byTestId('import-units')!.textContent).toContain('Chi bộ Ấp 3')
    expect(byTestId('import-commit-summary')!.textContent).toContain('1 dòng bị bỏ qua')

    // A file with problems can be saved back with the bad cells marked.
    await click('import-export-problems')
    expect(fake.callsTo('import:exportProblems')).toEqual([{ sessionId: 's-1' }])
    expect(byTestId('import-exported')?.textContent).toContain('/tmp/DS_can-sua.xlsx')

    await click('import-commit')
    await confirmBox() // some rows are skipped: the user confirms
    expect(fake.callsTo('import:commit')).toHaveLength(1)
    expect(fake.callsTo('import:commit')[0]).toMatchObject({
      sessionId: 's-1',
      kind: 'member',
      sheets: [
        { index: 0, include: true },
        { index: 1, include: false }
      ]
    })
    expect(stepOf()).toBe('import')
    expect(byTestId('import-done')?.textContent).toContain('Đã nhập xong')
    expect(byTestId('import-done-created')?.getAttribute('data-count')).toBe('1')
    expect(byTestId('import-done-skipped')?.getAttribute('data-count')).toBe('1')
    wrapper.unmount()
  })

  it('sends a corrected column mapping to import:preview as an override', async () => {
    const fake = createImportApi()
    const { wrapper } = await mountWizard(fake)
    await click('import-choose')
    await click('import-next')

    // Column C was taken for a note; the user says it is the birth date.
    const selects = wrapper.findAllComponents(ElSelect)
    const colC = selects.find((s) => s.attributes('data-testid') === 'import-field-0-C')
    expect(colC).toBeDefined()
    colC!.vm.$emit('update:modelValue', 'birthDate')
    await flushPromises()
    // And column A (STT) is ignored.
    selects
      .find((s) => s.attributes('data-testid') === 'import-field-0-A')!
      .vm.$emit('update:modelValue', '')
    await flushPromises()
    expect(byTestId('import-mapping-reset-0')).not.toBeNull()
    // The ignored column says so (not an empty box with the placeholder).
    expect(byTestId('import-field-0-A')?.textContent).toContain('Bỏ qua cột này')

    await click('import-next')
    const input = fake.callsTo('import:preview').at(-1)!
    expect(input.sheets![0]).toEqual({
      index: 0,
      include: true,
      mapping: { '0': null, '2': 'birthDate' }
    })
    expect(byTestId('import-count-update')?.getAttribute('data-count')).toBe('1')

    // Back, undo the change of column C: the next preview sends only column A.
    await click('import-back')
    wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.attributes('data-testid') === 'import-field-0-C')!
      .vm.$emit('update:modelValue', 'note')
    await flushPromises()
    await click('import-next')
    expect(fake.callsTo('import:preview').at(-1)!.sheets![0]).toEqual({
      index: 0,
      include: true,
      mapping: { '0': null }
    })
    wrapper.unmount()
  })

  it('shows the rows of one kind when a count is clicked, and keeps that filter when the preview is asked again', async () => {
    const fake = createImportApi()
    const { wrapper } = await mountWizard(fake)
    await click('import-choose')
    await click('import-next')
    await click('import-next')
    expect($$('[data-testid="import-row-name"]').map((e) => e.textContent)).toEqual([
      'Nguyễn Văn Dũng',
      'Trần Thị Bình',
      'Lê Văn Cường'
    ])

    await click('import-count-skip')
    expect(fake.callsTo('import:preview').at(-1)).toMatchObject({
      offset: 0,
      filter: 'skip',
      limit: 50
    })
    expect($$('[data-testid="import-row-name"]').map((e) => e.textContent)).toEqual([
      'Lê Văn Cường'
    ])
    expect(
      byTestId('import-rows')?.closest('.el-tabs')?.querySelector('.el-tabs__item.is-active')
        ?.textContent
    ).toContain('Các dòng (1)')

    // Back to the mapping, a column changed, forward again: a fresh preview, still narrowed to the skipped rows.
    await click('import-back')
    wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.attributes('data-testid') === 'import-field-0-C')!
      .vm.$emit('update:modelValue', 'birthDate')
    await flushPromises()
    const asked = fake.callsTo('import:preview').length
    await click('import-next')
    expect(fake.callsTo('import:preview')).toHaveLength(asked + 1)
    expect(fake.callsTo('import:preview').at(-1)).toMatchObject({ offset: 0, filter: 'skip' })
    expect($$('[data-testid="import-row-name"]').map((e) => e.textContent)).toEqual([
      'Lê Văn Cường'
    ])
    wrapper.unmount()
  })

  it('shows a refused file on the first step with what to do', async () => {
    const message =
      'Tệp này là bảng tính Excel 97-2003 (.xls), định dạng cũ phần mềm không đọc trực tiếp. Hãy mở bằng Excel và Lưu thành .xlsx (Tệp > Lưu thành > Sổ làm việc Excel (*.xlsx)), rồi nhập tệp .xlsx vừa lưu.'
    const fake = createImportApi({ refuse: { code: 'FILE_XLS', message } })
    const { wrapper } = await mountWizard(fake)
    await click('import-choose')
    expect(stepOf()).toBe('file')
    const alert = byTestId('import-open-error')!
    expect(alert.getAttribute('data-code')).toBe('FILE_XLS')
    expect(alert.textContent).toContain('Không nhập được tệp này')
    expect(alert.textContent).toContain('mở bằng Excel và Lưu thành .xlsx')
    wrapper.unmount()
  })

  it('undoes an import from the history after a confirm', async () => {
    const fake = createImportApi()
    const { wrapper } = await mountWizard(fake)
    await commitConfirmed()
    await click('import-go-history')
    await flushPromises()
    const table = byTestId('import-history-table')!.textContent!
    expect(table).toContain('DS đảng viên ấp 3.xlsx')
    expect(table).toContain('01/07/2025 09:30')

    await click('import-undo-5')
    expect(fake.callsTo('import:undo')).toHaveLength(0) // not before the confirm
    await confirmBox()
    expect(fake.callsTo('import:undo')).toEqual([{ importId: 5 }])
    expect(byTestId('import-undone-5')?.textContent).toContain('Đã hoàn tác lúc 01/07/2025 10:00')
    wrapper.unmount()
  })

  it('shows why an undo was refused', async () => {
    const refusal =
      'Không thể hoàn tác: đã có dữ liệu khác (học tập, cam kết, đánh giá …) gắn với người được thêm trong lần nhập này.'
    const fake = createImportApi({ refuseUndo: refusal })
    const { wrapper } = await mountWizard(fake)
    await commitConfirmed()
    await click('import-go-history')
    await click('import-undo-5')
    await confirmBox()
    expect(byTestId('import-undo-error')?.textContent).toContain(refusal)
    expect($$('[data-testid="import-undo-5"]')).toHaveLength(1)
    wrapper.unmount()
  })

  it('shows a progress state while a file is read, and lets the user stop waiting', async () => {
    let finish!: () => void
    const fake = createImportApi({ slowOpen: new Promise<void>((r) => (finish = r)) })
    const { wrapper } = await mountWizard(fake)
    await click('import-choose')
    expect(byTestId('import-progress')?.getAttribute('data-busy')).toBe('open')
    expect(byTestId('import-progress')?.textContent).toContain('Đang đọc tệp')

    await click('import-cancel')
    expect(byTestId('import-progress')).toBeNull()
    expect(stepOf()).toBe('file')
    const requestId = fake.callsTo('import:open')[0].requestId
    expect(requestId).toMatch(/^[A-Za-z0-9_-]{8,100}$/)
    expect(fake.callsTo('import:cancel')).toEqual([{ sessionId: requestId }])

    // The core had finished before the cancel reached it: the wizard stays where it is and frees
    // the session it no longer wants.
    finish()
    await flushPromises()
    expect(stepOf()).toBe('file')
    expect(fake.callsTo('import:close')).toEqual([{ sessionId: 's-1' }])
    wrapper.unmount()
  })

  it('shows how far the reading has got on a determinate bar, and cancels it in the core', async () => {
    const progress: { current: ImportProgress | null } = { current: null }
    const fake = createImportApi({
      slowOpen: new Promise<void>(() => undefined),
      honourCancel: true,
      progress
    })
    const { wrapper } = await mountWizard(fake)
    await click('import-choose')
    const requestId = fake.callsTo('import:open')[0].requestId!
    // Nothing known yet: the bar only moves.
    expect(byTestId('import-progress-bar')).toBeNull()
    expect(byTestId('import-progress-text')?.textContent).toBe('Đang đọc tệp…')

    progress.current = {
      phase: 'reading',
      done: 30,
      total: 120,
      message: 'Đang đọc tệp… 3.000 dòng'
    }
    await sleep(PROGRESS_POLL_MS + 100)
    await flushPromises()
    expect(fake.callsTo('import:progress').at(-1)).toEqual({ sessionId: requestId })
    expect(byTestId('import-progress')?.getAttribute('data-phase')).toBe('reading')
    expect(byTestId('import-progress')?.getAttribute('data-percent')).toBe('25')
    expect(byTestId('import-progress-bar')?.textContent).toContain('25%')
    expect(byTestId('import-progress-text')?.textContent).toBe('Đang đọc tệp… 3.000 dòng')

    progress.current = {
      phase: 'checking',
      done: 90,
      total: 100,
      message: 'Đang tìm danh sách trong tệp…'
    }
    await sleep(PROGRESS_POLL_MS + 100)
    await flushPromises()
    expect(byTestId('import-progress')?.getAttribute('data-percent')).toBe('90')

    // Hủy reaches the core, which refuses the open with CANCELLED: no error is shown for it.
    await click('import-cancel')
    expect(fake.callsTo('import:cancel')).toEqual([{ sessionId: requestId }])
    await sleep(10)
    await flushPromises()
    expect(byTestId('import-progress')).toBeNull()
    expect(byTestId('import-open-error')).toBeNull()
    expect(stepOf()).toBe('file')
    // Polling stops with the call.
    const polls = fake.callsTo('import:progress').length
    await sleep(PROGRESS_POLL_MS + 100)
    expect(fake.callsTo('import:progress')).toHaveLength(polls)
    wrapper.unmount()
  })

  it('lets the user cancel a commit before it writes, and says that is the only time it can', async () => {
    const progress: { current: ImportProgress | null } = {
      current: {
        phase: 'matching',
        done: 10,
        total: 40,
        message: 'Đang đối chiếu với dữ liệu hiện có…'
      }
    }
    const fake = createImportApi({
      slowCommit: new Promise<void>(() => undefined),
      honourCancel: true,
      progress
    })
    const { wrapper } = await mountWizard(fake)
    await commitConfirmed()
    expect(stepOf()).toBe('import')
    expect(byTestId('import-progress')?.getAttribute('data-busy')).toBe('commit')
    expect(byTestId('import-commit-stop-note')?.textContent).toContain(
      'Chỉ hủy được trước khi bắt đầu ghi'
    )
    await sleep(PROGRESS_POLL_MS + 100)
    await flushPromises()
    expect(byTestId('import-progress')?.getAttribute('data-percent')).toBe('25')

    await click('import-cancel')
    expect(fake.callsTo('import:cancel')).toEqual([{ sessionId: 's-1' }])
    await sleep(10)
    await flushPromises()
    // Nothing was written: back to the preview, with a plain note rather than an error.
    expect(stepOf()).toBe('preview')
    expect(byTestId('import-progress')).toBeNull()
    expect(
      $$('.el-message--info')
        .map((m) => m.textContent)
        .join(' ')
    ).toContain('Đã hủy nhập; chưa có gì được ghi vào dữ liệu.')
    expect($$('.el-message--error')).toHaveLength(0)
    wrapper.unmount()
  })

  it('shows how far the marked copy is written, cancels it in the core, then says where the next one was saved', async () => {
    const progress: { current: ImportProgress | null } = { current: null }
    const options: ImportFakeOptions = {
      slowExport: new Promise<void>(() => undefined),
      honourCancel: true,
      progress
    }
    const fake = createImportApi(options)
    const { wrapper } = await mountWizard(fake)
    await click('import-choose')
    await click('import-next')
    await click('import-next')
    expect(stepOf()).toBe('preview')

    await click('import-export-problems')
    expect(byTestId('import-progress')?.getAttribute('data-busy')).toBe('export')
    expect(byTestId('import-progress-text')?.textContent).toBe('Đang lưu tệp có đánh dấu lỗi…')
    // Nothing else can start meanwhile.
    expect(byTestId('import-commit')?.hasAttribute('disabled')).toBe(true)
    expect(byTestId('import-back')?.hasAttribute('disabled')).toBe(true)

    progress.current = {
      phase: 'exporting',
      done: 5000,
      total: 20_000,
      message: 'Đang ghi tệp kèm lỗi… 5.000 dòng'
    }
    await sleep(PROGRESS_POLL_MS + 100)
    await flushPromises()
    expect(fake.callsTo('import:progress').at(-1)).toEqual({ sessionId: 's-1' })
    expect(byTestId('import-progress')?.getAttribute('data-phase')).toBe('exporting')
    expect(byTestId('import-progress')?.getAttribute('data-percent')).toBe('25')
    expect(byTestId('import-progress-text')?.textContent).toBe('Đang ghi tệp kèm lỗi… 5.000 dòng')

    // Hủy reaches the core, which answers CANCELLED: a plain note, no error, nothing said to be saved.
    await click('import-cancel')
    expect(fake.callsTo('import:cancel')).toEqual([{ sessionId: 's-1' }])
    await sleep(10)
    await flushPromises()
    expect(byTestId('import-progress')).toBeNull()
    expect(
      $$('.el-message--info')
        .map((m) => m.textContent)
        .join(' ')
    ).toContain('Đã hủy lưu tệp có đánh dấu lỗi; không có tệp nào được ghi.')
    expect($$('.el-message--error')).toHaveLength(0)
    expect(byTestId('import-exported')).toBeNull()
    expect(stepOf()).toBe('preview')

    // Asked again, it runs to the end: the wizard says where the file is.
    let finish!: () => void
    options.slowExport = new Promise<void>((r) => (finish = r))
    await click('import-export-problems')
    expect(byTestId('import-progress')?.getAttribute('data-busy')).toBe('export')
    expect(byTestId('import-cancel')).not.toBeNull()
    finish()
    await flushPromises()
    expect(byTestId('import-progress')).toBeNull()
    expect(byTestId('import-exported')?.textContent).toContain('Đã lưu: /tmp/DS_can-sua.xlsx')
    expect(
      $$('.el-message--success')
        .map((m) => m.textContent)
        .join(' ')
    ).toContain('Đã lưu tệp có đánh dấu lỗi (1 dòng cần sửa): /tmp/DS_can-sua.xlsx')
    expect(fake.callsTo('import:exportProblems')).toEqual([
      { sessionId: 's-1' },
      { sessionId: 's-1' }
    ])
    wrapper.unmount()
  })

  it('reads a sheet again from the header row the user types, and sends it with the preview', async () => {
    const fake = createImportApi()
    const { wrapper } = await mountWizard(fake)
    await click('import-choose')
    const input = () =>
      wrapper
        .findAllComponents(ElInputNumber)
        .find((c) => c.attributes('data-testid') === 'import-header-row-0')!
    expect(input().props('modelValue')).toBe(7)

    // A row that is empty: the core's reason is shown under the input, nothing changes.
    input().vm.$emit('change', 4)
    await flushPromises()
    expect(fake.callsTo('import:layout')).toEqual([{ sessionId: 's-1', index: 0, headerRow: 4 }])
    expect(byTestId('import-header-error-0')?.textContent).toContain(
      'Dòng 4 của trang "Ấp 3" trống'
    )
    expect(byTestId('import-header-text-0')?.textContent).toBe('Dòng 7')

    input().vm.$emit('change', 9)
    await flushPromises()
    expect(byTestId('import-header-error-0')).toBeNull()
    expect(byTestId('import-header-text-0')?.textContent).toBe('Dòng 9')
    expect(byTestId('import-sheets')!.textContent).toContain('Không có cột Họ và tên.')
    expect(byTestId('import-header-auto-0')).not.toBeNull()

    // The mapping shows the columns under row 9; the user names the name column.
    await click('import-next')
    const mapping = byTestId('import-mapping-0')!.textContent!
    expect(mapping).toContain('Người')
    expect(mapping).toContain('14/11/1984')
    wrapper
      .findAllComponents(ElSelect)
      .find((s) => s.attributes('data-testid') === 'import-field-0-A')!
      .vm.$emit('update:modelValue', 'fullName')
    await flushPromises()
    await click('import-next')
    expect(fake.callsTo('import:preview').at(-1)!.sheets![0]).toEqual({
      index: 0,
      include: true,
      headerRow: 9,
      mapping: { '0': 'fullName' }
    })

    // Back to the detected header: the choice and the columns chosen for it are forgotten.
    await click('import-back')
    await click('import-back')
    await click('import-header-auto-0')
    expect(fake.callsTo('import:layout').at(-1)).toEqual({
      sessionId: 's-1',
      index: 0,
      headerRow: null
    })
    expect(byTestId('import-header-text-0')?.textContent).toBe('Dòng 7')
    await click('import-next')
    await click('import-next')
    expect(fake.callsTo('import:preview').at(-1)!.sheets![0]).toEqual({ index: 0, include: true })
    wrapper.unmount()
  })
})
