import { randomBytes } from 'node:crypto'

type IdPrefix = 'camp' | 'art' | 'aud' | 'run'

/** Public ids with a readable prefix, as in the API documentation (`camp_abc123`). */
export const newId = (prefix: IdPrefix) => `${prefix}_${randomBytes(9).toString('base64url')}`

/** Ids arrive from URLs and hub calls; anything not shaped like one of ours cannot match a row. */
export function isPublicId(prefix: IdPrefix, value: string): boolean {
  return new RegExp(`^${prefix}_[A-Za-z0-9_-]{12}$`).test(value)
}
