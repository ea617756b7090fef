// Element Plus speaks Vietnamese through its own `vi` locale, which still has English words in
// it ("OK" on the date picker and message box buttons, "OTP Input", "carousel", "enter" for the
// key). The app's locale
// is that one with those texts put in Vietnamese; test/unit/shared/ui-locale.test.ts walks every
// text for English.
import vi from 'element-plus/es/locale/lang/vi'

type Texts = { [key: string]: string | string[] | Texts }

/** Deep copy of `base` with `over`'s texts in place of its own. */
function merged(base: Texts, over: Texts): Texts {
  const out: Texts = { ...base }
  for (const [k, v] of Object.entries(over)) {
    const b = base[k]
    out[k] =
      typeof v === 'object' && !Array.isArray(v) && typeof b === 'object' && !Array.isArray(b)
        ? merged(b, v)
        : v
  }
  return out
}

// "enter" in its prompts is the key, named as it is printed on it.
const KEYS = 'Dùng các phím mũi tên và phím Enter để chọn'
const OVERRIDES: Texts = {
  colorpicker: {
    confirm: 'Đồng ý',
    description: 'màu hiện tại là {color}. Nhấn phím Enter để chọn màu mới.'
  },
  datepicker: {
    confirm: 'Đồng ý',
    dateTablePrompt: `${KEYS} ngày`,
    monthTablePrompt: `${KEYS} tháng`,
    quarterTablePrompt: `${KEYS} quý`,
    yearTablePrompt: `${KEYS} năm`
  },
  messagebox: { confirm: 'Đồng ý' },
  carousel: { indicator: 'Chuyển đến mục {index}' },
  inputOTP: { groupLabel: 'Ô nhập mã', defaultLabel: 'Nhập ký tự thứ {index} của mã' }
}

export const uiLocale = { ...vi, el: merged(vi.el as unknown as Texts, OVERRIDES) } as typeof vi
