import type { H3Event } from 'h3'
import { endSession, startSignedInSession } from '../app/sign-in-revocation'
import type { UserRow } from '../db/schema'
import { readUserSession } from './read-session'

/**
 * Replaces whatever session the browser had with one for `user`: a fresh server-side record and a
 * fresh cookie on every sign-in. The session it replaces ends, so its cookie is no use to anyone.
 */
export async function startSession(event: H3Event, user: UserRow): Promise<void> {
  const previous = (await readUserSession(event))?.secure?.sessionId
  if (previous) await endSession(previous)
  const sessionId = await startSignedInSession(user.id)
  await replaceUserSession(event, {
    user: { id: user.id, email: user.email, name: user.name },
    secure: { sessionId },
    signedInAt: new Date().toISOString(),
  })
}
