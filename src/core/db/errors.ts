import type { ApiError } from '../../shared/api'

/** A refusal with a Vietnamese message, turned into a Result error at the rpc boundary. */
export class CoreError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>
  ) {
    super(message)
    this.name = 'CoreError'
  }

  toApiError(): ApiError {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message }
  }
}

export const notFound = (what: string) => new CoreError('NOT_FOUND', `Không tìm thấy ${what}.`)
