// The zod building blocks every domain's rpc.ts is made of, written once so that "an id", "a
// year" or "a file path" means the same thing on every channel. Shapes only: domain rules with
// Vietnamese messages live in the domain modules.
import { z } from 'zod'

/** A row id. */
export const id = z.number().int().positive()

/** A list of ids, as many as a big organisation has people. */
export const ids = z.array(id).max(100_000)

/** A working year: 2000–2100 (topics, commitments, ratings and the app's working year alike). */
export const year = z.number().int().min(2000).max(2100)

/** A whole ISO day, YYYY-MM-DD. */
export const isoDay = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

/** A date known to the day, the month or only the year: YYYY, YYYY-MM or YYYY-MM-DD. */
export const partialDate = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/)

/** Free text of at most `max` characters. */
export const text = (max: number) => z.string().max(max)

/** Free text that may be unknown (null). */
export const nullableText = (max: number) => z.string().max(max).nullable()

/** Place for the "<Place>, ngày … tháng … năm …" line of a printed document. */
export const place = z.string().max(200)

/** A share or a score out of 100. */
export const percent = z.number().min(0).max(100)

/** Paging of a long list: `limit` at most `maxLimit` rows. */
export const paging = (maxLimit: number) => ({
  offset: z.number().int().min(0).optional(),
  limit: z.number().int().min(1).max(maxLimit).optional()
})
