// The audit log and erasure in Chromium: a person with a study record is erased from the people
// list after the confirm lists that record; the "Nhật ký thao tác" tab then shows the backup and
// the erasure, filtered by action, and exports through the save dialog.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { screenshot } from './harness/browser'
import { useApp } from './harness/use-app'
import { AppPage, PeoplePage } from './pages/app-page'

const e2e = useApp()

async function call<T>(channel: string, input: unknown): Promise<T> {
  const r = await e2e.harness.core.dispatch(channel as never, input as never)
  if (!r.ok) throw new Error(`${channel}: ${r.error.message}`)
  return r.value as T
}

describe('audit log and erasure, end to end', () => {
  it('erases a person after a confirm that lists their records, and logs it', async () => {
    const cell = await call<{ id: number }>('units:create', {
      parentId: null,
      name: 'Chi bộ Ấp 5',
      level: 'Chi bộ'
    })
    const fields = {
      unitId: cell.id,
      kind: 'member',
      gender: 'female',
      birthDate: '1988-07-14',
      ethnicity: null,
      religion: null,
      hometown: null,
      residence: null,
      memberType: 'official',
      partyJoinDate: null,
      partyOfficialDate: null,
      partyCardNumber: null,
      partyProfileNumber: null,
      nationalId: '079199887766',
      position: null,
      role: null,
      education: null,
      politicalTheory: null,
      phone: null,
      note: null
    }
    const xoan = await call<{ id: number }>('people:create', {
      ...fields,
      fullName: 'Lương Thị Thu Xoan'
    })
    await call('people:create', { ...fields, fullName: 'Trần Thị Bình', nationalId: null })
    const topic = (await call<{ id: number; year: number }[]>('study:listTopics', null))[0]
    const session = await call<{ id: number }>('study:createSession', {
      topicId: topic.id,
      kind: 'cell_meeting',
      heldOn: `${topic.year}-05-20`,
      hostUnitId: cell.id,
      title: null,
      points: [],
      extraNonMembers: 0,
      note: null
    })
    await call('study:setAttendance', { sessionId: session.id, present: [xoan.id], absent: [] })

    const people = new PeoplePage(e2e.page)
    await people.go('people')
    await people.waitForTotal(2)
    await people.rows().filter({ hasText: 'Lương Thị Thu Xoan' }).click()
    await people.byTestId('people-erase').click()
    await people.waitText('person-erase-records', '1 điểm danh học tập')
    await expect(people.byTestId('person-erase-confirm').isDisabled()).resolves.toBe(true)
    await people.byTestId('person-erase-with-records').click()
    await screenshot(e2e.page, 'xoa-vinh-vien-xac-nhan')
    await people.byTestId('person-erase-confirm').click()
    await people.waitForTotal(1)
    await people.waitMessage('Đã xóa vĩnh viễn "Lương Thị Thu Xoan"')

    const app = new AppPage(e2e.page)
    await app.go('data')
    await app.byTestId('backup-create').click()
    await e2e.page.locator('[data-testid^="backup-restore-sao-luu_"]').first().waitFor()
    await e2e.page.getByRole('tab', { name: 'Nhật ký thao tác' }).click()
    await app.waitText('audit-list', 'Xóa vĩnh viễn một người cùng 1 bản ghi')
    await app.waitText('audit-list', 'Sao lưu thủ công')
    await screenshot(e2e.page, 'nhat-ky-thao-tac')

    await app.byTestId('audit-action-filter').click()
    await app.pickOption('Xóa vĩnh viễn một người')
    await e2e.page.waitForFunction(
      () =>
        !document
          .querySelector('[data-testid="audit-list"]')
          ?.textContent?.includes('Sao lưu thủ công')
    )
    const saved = join(e2e.harness.dataDir, 'nhat-ky.xlsx')
    e2e.harness.dialogs.save.push(saved)
    await app.byTestId('audit-export').click()
    await e2e.page.locator('.el-message', { hasText: 'Đã xuất 1 mục nhật ký' }).waitFor()
    expect(existsSync(saved)).toBe(true)
    expect(e2e.errors).toEqual([])
  })
})
