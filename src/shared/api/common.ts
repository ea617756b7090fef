// What every part of the contract shares: how a refusal looks and how an answer is wrapped.

export interface ApiError {
  /** Stable machine code, e.g. VALIDATION, NOT_FOUND, CONFLICT, DB_TOO_NEW. */
  code: string
  /** Vietnamese message for the user. */
  message: string
  /** Per-field problems, keyed by the input field name, Vietnamese messages. */
  fields?: Record<string, string>
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ApiError }

/**
 * Compile-time check that a domain's channel list names every channel of its interface: the
 * type is `true` only when none is missing, else the missing names (so the error says which).
 */
export type ListsAll<A, L extends readonly unknown[]> = [Exclude<keyof A, L[number]>] extends [
  never
]
  ? true
  : Exclude<keyof A, L[number]>
