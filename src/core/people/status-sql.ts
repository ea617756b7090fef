// Status lists spelled into SQL. They are constants of the contract, never user input, so a
// query can inline them ("p.status NOT IN ('transferred', ...)") instead of binding each one.
import { LEFT_STATUSES } from '../../shared/api'

export const sqlList = (values: readonly string[]): string =>
  `(${values.map((s) => `'${s}'`).join(', ')})`

/** Statuses off the rolls: `p.status NOT IN ${LEFT_SQL}` keeps those on them. */
export const LEFT_SQL = sqlList(LEFT_STATUSES)
