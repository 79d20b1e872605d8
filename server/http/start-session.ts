import type { H3Event } from 'h3'
import type { UserRow } from '../db/schema'

/** Replaces whatever session the browser had with one for `user` (a fresh cookie on every sign-in). */
export async function startSession(event: H3Event, user: UserRow): Promise<void> {
  await replaceUserSession(event, {
    user: { id: user.id, email: user.email, name: user.name },
    signedInAt: new Date().toISOString(),
  })
}
