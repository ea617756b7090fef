// The import's kind of job (see core/jobs): its phases in the user's words, and what a cancel in
// each tells them. Once writing has begun a cancel is not honoured: the write is one transaction.
import type { ImportPhase } from '../../shared/api'
import { Job, type JobKind } from '../jobs/job'

type WorkPhase = Exclude<ImportPhase, 'done'>

const IMPORT_JOB: JobKind<WorkPhase> = {
  first: 'reading',
  phases: {
    reading: 'Đang đọc tệp',
    checking: 'Đang kiểm tra từng dòng',
    matching: 'Đang đối chiếu với dữ liệu hiện có',
    writing: 'Đang ghi vào dữ liệu',
    exporting: 'Đang ghi tệp kèm lỗi',
    done: 'Xong'
  },
  cancelled: {
    reading: 'Đã hủy đọc tệp; chưa có gì được ghi vào dữ liệu.',
    checking: 'Đã hủy việc kiểm tra danh sách; chưa có gì được ghi vào dữ liệu.',
    matching: 'Đã hủy việc kiểm tra danh sách; chưa có gì được ghi vào dữ liệu.',
    writing: 'Đã hủy; chưa có gì được ghi vào dữ liệu.',
    exporting: 'Đã hủy việc lưu tệp kèm lỗi; không có tệp nào được ghi.',
    done: 'Đã hủy; chưa có gì được ghi vào dữ liệu.'
  },
  uncancellable: ['writing']
}

/** Opening, previewing, committing or copying a member list, as import:progress and import:cancel see it. */
export class ImportJob extends Job<WorkPhase> {
  constructor() {
    super(IMPORT_JOB)
  }
}
