// Element Plus's texts as the app gives them (its `vi` locale with the English left in it put in
// Vietnamese): empty tables, pagination, date pickers, message box buttons, every one of them.
import { describe, expect, it } from 'vitest'
import vi from 'element-plus/es/locale/lang/vi'
import { uiLocale } from '../../../src/renderer/locale'
import { ENGLISH_WORDS } from '../../helpers/english'

/** Every text of a locale, with where it sits ("el.datepicker.confirm"). */
function texts(node: unknown, at: string): [string, string][] {
  if (typeof node === 'string') return [[at, node]]
  if (Array.isArray(node)) return node.flatMap((v, i) => texts(v, `${at}.${i}`))
  if (node && typeof node === 'object')
    return Object.entries(node).flatMap(([k, v]) => texts(v, `${at}.${k}`))
  return []
}

/** English that is not a word a reader meets: placeholders ({count}) and the empty ones. */
const english = (t: string) => ENGLISH_WORDS.test(t.replace(/\{\w+\}/g, ''))

describe("Element Plus's own texts", () => {
  it('has no English word anywhere in the locale the app uses', () => {
    const all = texts(uiLocale.el, 'el')
    expect(all.length).toBeGreaterThan(100)
    expect(all.filter(([, t]) => english(t))).toEqual([])
    expect(all.filter(([, t]) => /\b(carousel|OTP|Input|enter)\b/.test(t))).toEqual([])
  })

  it('puts in Vietnamese what the library left in English, and keeps the rest as it is', () => {
    // The check above would pass on an empty locale: these are the texts a user sees most.
    expect(
      texts(vi.el, 'el')
        .filter(([, t]) => english(t))
        .map(([at]) => at)
    ).toEqual([
      'el.colorpicker.confirm',
      'el.datepicker.confirm',
      'el.messagebox.confirm',
      'el.inputOTP.defaultLabel'
    ])
    expect(uiLocale.el.datepicker.confirm).toBe('Đồng ý')
    expect(uiLocale.el.messagebox.confirm).toBe('Đồng ý')
    expect(uiLocale.el.messagebox.cancel).toBe('Hủy')
    expect(uiLocale.el.table.emptyText).toBe('Không có dữ liệu')
    expect(uiLocale.el.pagination.goto).toBe('Đến trang')
    expect(uiLocale.el.select.noData).toBe('Không có dữ liệu')
    expect(uiLocale.name).toBe('vi')
    expect(texts(uiLocale.el, 'el').length).toBe(texts(vi.el, 'el').length)
  })
})
