import { z } from './zod'

/**
 * Characters no text column can hold: PostgreSQL refuses NUL, and a surrogate without its pair has
 * no UTF-8 form (it would be stored as U+FFFD, silently changing what was sent).
 */
const UNSTORABLE = /\0|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export const UNSTORABLE_TEXT_MESSAGE = 'Contains a character that cannot be saved (NUL, or half of a surrogate pair)'

export function isStorableText(value: string): boolean {
  return !UNSTORABLE.test(value)
}

/**
 * A string the database can store exactly as sent: what every text field starts from. A string
 * that fails here is told only this: the field's other rules would only repeat it.
 */
export function storableString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).refine(isStorableText, { message: UNSTORABLE_TEXT_MESSAGE, abort: true })
}
