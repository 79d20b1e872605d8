import { randomBytes } from 'node:crypto'

/** Public ids with a readable prefix, as in the API documentation (`camp_abc123`). */
export const newId = (prefix: 'camp' | 'art' | 'aud' | 'run') => `${prefix}_${randomBytes(9).toString('base64url')}`
