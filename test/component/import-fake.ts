// Import channels for the fake api of component tests: a small two-sheet file with a TCVN3 note,
// a preview whose counts follow the choices, a commit, a history and an undo.
import type {
  ImportOpenOutput,
  ImportPreview,
  ImportPreviewInput,
  ImportProgress,
  ImportRecord,
  ImportSheetInfo
} from '@shared/api'
import { ApiError, createFakeApi, unit, type FakeData } from './fake-api'

function openOutput(): ImportOpenOutput {
  return {
    sessionId: 's-1',
    fileName: 'DS đảng viên ấp 3.xlsx',
    format: 'xlsx',
    encoding: null,
    legacy: [{ encoding: 'TCVN3 (ABC)', cells: 4 }],
    rememberedMapping: false,
    sheets: [
      {
        index: 0,
        name: 'Ấp 3',
        headerRow: 7,
        headerStart: 7,
        dataRows: 5,
        unitHint: 'Chi bộ Ấp 3',
        skippedReason: null,
        columns: [
          { index: 0, letter: 'A', header: 'STT', field: 'rowNumber', samples: ['1', '2', '3'] },
          {
            index: 1,
            letter: 'B',
            header: 'Họ và tên',
            field: 'fullName',
            samples: ['Nguyễn Văn Dũng', 'Trần Thị Bình']
          },
          {
            index: 2,
            letter: 'C',
            header: 'Năm sinh (ghi chú)',
            field: 'note',
            samples: ['1980', '12/03/1975']
          },
          {
            index: 3,
            letter: 'D',
            header: 'Số thẻ ĐV',
            field: 'partyCardNumber',
            samples: ['01234567', '12345']
          }
        ]
      },
      {
        index: 1,
        name: 'Ghi chú',
        headerRow: null,
        headerStart: null,
        dataRows: 0,
        unitHint: null,
        skippedReason: 'Không tìm thấy dòng tiêu đề cột (Họ và tên, Ngày sinh …).',
        columns: []
      }
    ]
  }
}

/** The unit a file names that the data has not got (with ImportFakeOptions.newUnit). */
export const NEW_UNIT = 'CHI BỘ CÔNG AN XÃ'

/** The plan for NEW_UNIT: created under the chosen parent, with the name the user gave it if any. */
function newUnitPlan(input: ImportPreviewInput): ImportPreview['units'][number] {
  const choice = input.unitChoices?.find((c) => c.name === NEW_UNIT)
  if (input.parentUnitId == null) {
    return {
      name: NEW_UNIT,
      rows: 1,
      action: 'unresolved',
      unitId: null,
      parentId: null,
      message: `Chưa có đơn vị "${NEW_UNIT}": hãy chọn đơn vị có sẵn, hoặc chọn đơn vị cấp trên để tạo mới.`,
      createName: null,
      similar: null
    }
  }
  return {
    name: NEW_UNIT,
    rows: 1,
    action: 'create',
    unitId: null,
    parentId: input.parentUnitId,
    message: null,
    createName: choice?.createName ?? 'Chi bộ công an xã',
    similar: null
  }
}

function previewFor(input: ImportPreviewInput, options: { newUnit?: boolean } = {}): ImportPreview {
  const birthMapped = input.sheets?.[0]?.mapping?.['2'] === 'birthDate'
  const unitChosen = input.unitId != null
  const rows: ImportPreview['rows'] = [
    {
      sheet: 'Ấp 3',
      row: 9,
      action: 'create',
      fullName: 'Nguyễn Văn Dũng',
      unitName: 'Chi bộ Ấp 3',
      personId: null,
      changes: [],
      reason: null
    },
    {
      sheet: 'Ấp 3',
      row: 10,
      action: 'update',
      fullName: 'Trần Thị Bình',
      unitName: 'Chi bộ Ấp 3',
      personId: 7,
      changes: [{ field: 'birthDate', label: 'Ngày sinh', from: '1975', to: '12/03/1975' }],
      reason: 'Khớp theo số thẻ 12345678.'
    },
    {
      sheet: 'Ấp 3',
      row: 11,
      action: 'skip',
      fullName: 'Lê Văn Cường',
      unitName: null,
      personId: null,
      changes: [],
      reason: 'Số thẻ đảng viên gồm 8 chữ số.'
    }
  ]
  const filtered =
    input.filter === 'problems'
      ? rows.filter((r) => r.action === 'skip')
      : input.filter
        ? rows.filter((r) => r.action === input.filter)
        : rows
  return {
    sessionId: input.sessionId,
    counts: {
      total: 3,
      create: 1,
      update: birthMapped ? 1 : 0,
      unchanged: birthMapped ? 0 : 1,
      skip: 1,
      errors: 1,
      warnings: 0,
      unitsCreated: 0
    },
    units: [
      {
        name: 'Chi bộ Ấp 3',
        rows: 2,
        action: unitChosen ? 'existing' : 'existing',
        unitId: unitChosen ? input.unitId! : 2,
        parentId: 1,
        message: null,
        createName: null,
        similar: null
      },
      ...(options.newUnit ? [newUnitPlan(input)] : [])
    ],
    rows: filtered,
    rowsTotal: filtered.length,
    problems: [
      {
        sheet: 'Ấp 3',
        row: 11,
        column: 'D',
        field: 'partyCardNumber',
        severity: 'error',
        message: 'Số thẻ đảng viên gồm 8 chữ số.',
        outcome: 'dropped',
        value: '123'
      }
    ],
    problemsTotal: 1,
    blockers: options.newUnit && input.parentUnitId == null ? [newUnitPlan(input).message!] : []
  }
}

/** Sheet 0 read with its header at row 9: other columns, and no name column found. */
function sheetAtRow9(): ImportSheetInfo {
  return {
    index: 0,
    name: 'Ấp 3',
    headerRow: 9,
    headerStart: 9,
    dataRows: 3,
    unitHint: 'Chi bộ Ấp 3',
    skippedReason: 'Không có cột Họ và tên.',
    columns: [
      {
        index: 0,
        letter: 'A',
        header: 'Người',
        field: null,
        samples: ['Trần Văn Một', 'Trần Văn Hai']
      },
      {
        index: 1,
        letter: 'B',
        header: 'Năm sinh',
        field: 'birthDate',
        samples: ['14/11/1984', '1972']
      }
    ]
  }
}

function importData(): FakeData {
  return {
    units: [
      unit(1, null, 'Đảng ủy xã Tân Lập', 'Đảng ủy cơ sở'),
      unit(2, 1, 'Chi bộ Ấp 3', 'Chi bộ', 4)
    ],
    people: [],
    backups: []
  }
}

export interface ImportFakeOptions {
  refuse?: { code: string; message: string }
  refuseUndo?: string
  /** The open (or the commit, or the export) answers when this settles. */
  slowOpen?: Promise<void>
  slowCommit?: Promise<void>
  slowExport?: Promise<void>
  /** A cancel makes the slow call answer CANCELLED at once, as the core does between slices. */
  honourCancel?: boolean
  /** The file also names a chi bộ the data has not got (NEW_UNIT), to be created under a parent. */
  newUnit?: boolean
  /** What import:progress answers (the test moves it along). */
  progress?: { current: ImportProgress | null }
}

export function createImportApi(options: ImportFakeOptions = {}) {
  const history: ImportRecord[] = []
  let cancelled: (() => void) | null = null
  /** Waits for `slow`, or for a cancel when the fake honours them. */
  const wait = async (slow: Promise<void> | undefined, what: string) => {
    if (!slow) return
    const cancel = new Promise<'cancelled'>((resolve) => (cancelled = () => resolve('cancelled')))
    const out = await Promise.race([
      slow,
      options.honourCancel ? cancel : new Promise<never>(() => undefined)
    ])
    cancelled = null
    if (out === 'cancelled')
      throw new ApiError('CANCELLED', `Đã hủy ${what}; chưa có gì được ghi vào dữ liệu.`)
  }
  return createFakeApi(importData(), {
    'import:open': async () => {
      await wait(options.slowOpen, 'đọc tệp')
      if (options.refuse) throw new ApiError(options.refuse.code, options.refuse.message)
      return openOutput()
    },
    'import:progress': () => {
      if (!options.progress?.current)
        throw new ApiError('NOT_FOUND', 'Không có việc nhập nào đang chạy với mã này.')
      return options.progress.current
    },
    'import:cancel': () => {
      cancelled?.()
      return null
    },
    'import:layout': ({ headerRow }) => {
      if (headerRow === null) return openOutput().sheets[0]
      if (headerRow !== 9)
        throw new ApiError(
          'VALIDATION',
          `Dòng ${headerRow} của trang "Ấp 3" trống hoặc nằm ngoài bảng; hãy chọn dòng có tên các cột (Họ và tên, Ngày sinh …).`
        )
      return sheetAtRow9()
    },
    'import:preview': (input) => previewFor(input, options),
    'import:commit': async (input) => {
      await wait(options.slowCommit, 'nhập')
      const p = previewFor(input, options)
      history.unshift({
        id: 5,
        fileName: 'DS đảng viên ấp 3.xlsx',
        importedAt: new Date(2025, 6, 1, 9, 30).toISOString(),
        created: p.counts.create,
        updated: p.counts.update,
        unchanged: p.counts.unchanged,
        skipped: p.counts.skip,
        unitsCreated: 0,
        undoneAt: null,
        canUndo: true
      })
      return {
        importId: 5,
        fileName: 'DS đảng viên ấp 3.xlsx',
        created: p.counts.create,
        updated: p.counts.update,
        unchanged: p.counts.unchanged,
        skipped: p.counts.skip,
        unitsCreated: 0,
        errors: p.problems,
        warnings: [],
        backup: 'sao-luu_2025-07-01.sqlite'
      }
    },
    // Cloned as IPC would: the page never shares objects with the core.
    'import:history': () => structuredClone(history),
    'import:undo': ({ importId }) => {
      if (options.refuseUndo) throw new ApiError('CONFLICT', options.refuseUndo)
      const r = history.find((h) => h.id === importId)!
      r.undoneAt = new Date(2025, 6, 1, 10, 0).toISOString()
      r.canUndo = false
      return { importId, removedPeople: r.created, restoredPeople: r.updated, removedUnits: 0 }
    },
    'import:close': () => null,
    'import:exportProblems': async () => {
      await wait(options.slowExport, 'việc lưu tệp kèm lỗi')
      return { path: '/tmp/DS_can-sua.xlsx', rows: 1 }
    }
  })
}
