// The award year's window of the national press award on party building: works published from
// 1 November of the year before to 31 October (DOMAIN part 5). A work outside it is still kept
// (the office may know of an exception or have typed the year wrong) but gets a warning.

/** First and last day (ISO) of award year `year`'s window. */
export function pressWindow(year: number): [from: string, to: string] {
  return [`${year - 1}-11-01`, `${year}-10-31`]
}

/** The award year a publication day falls in. */
export function awardYearOf(publishedOn: string): number {
  const year = Number(publishedOn.slice(0, 4))
  return publishedOn.slice(5) >= '11-01' ? year + 1 : year
}

const dmy = (iso: string) =>
  `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(0, 4)}`

/** The warning for a work published outside its award year's window, or null. */
export function windowWarning(awardYear: number, publishedOn: string): string | null {
  const [from, to] = pressWindow(awardYear)
  if (publishedOn >= from && publishedOn <= to) return null
  return `Tác phẩm đăng ngày ${dmy(publishedOn)}, ngoài thời gian xét giải năm ${awardYear} (${dmy(from)} – ${dmy(to)}).`
}
