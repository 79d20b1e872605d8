import { getRequestHeader, type H3Event } from 'h3'
import { useAppServices } from '../app/services'
import { serviceCallerOf } from '../bff/service-caller'
import type { UserRow } from '../db/schema'
import { HttpProblem, unauthorized } from '../http/problem'
import { readUserSession } from '../http/read-session'
import type { SignInCredential } from '../tokens/credential'
import type { ServiceTokenUser } from '../tokens/service-token'

export interface CurrentUser {
  id: string
  email: string
  name: string
  /**
   * How the request proved who it is: its session or personal access token. Hub tokens are not on
   * this list: they open the hub only.
   */
  credential: SignInCredential
}

declare module 'h3' {
  interface H3EventContext {
    /** Resolved once per request; null when the request is anonymous or its credentials are invalid. */
    currentUser?: CurrentUser | null
  }
}

/**
 * Who is calling the REST API: `Authorization: Bearer <personal access token>` when that header is
 * sent (a bad one is not rescued by a cookie), otherwise the session cookie. On an engine behind a
 * web front, also the user a service token names.
 */
export async function getCurrentUser(event: H3Event): Promise<CurrentUser | null> {
  if (event.context.currentUser === undefined) event.context.currentUser = await resolveCurrentUser(event)
  return event.context.currentUser
}

export async function requireCurrentUser(event: H3Event): Promise<CurrentUser> {
  const user = await getCurrentUser(event)
  if (!user) throw unauthorized()
  return user
}

/** For what only a signed-in browser may do, such as managing personal access tokens. */
export async function requireSessionUser(event: H3Event): Promise<CurrentUser> {
  const user = await requireCurrentUser(event)
  if (user.credential.kind !== 'session') throw new HttpProblem(403, 'Personal access tokens are managed from a signed-in session, not with a token')
  return user
}

async function resolveCurrentUser(event: H3Event): Promise<CurrentUser | null> {
  const services = await useAppServices()
  const caller = await serviceCallerOf(event)
  if (caller) return caller.user ? await serviceTokenUser(caller.user) : null
  const authorization = getRequestHeader(event, 'authorization')
  if (authorization !== undefined) {
    const token = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1]
    const found = token ? await services.personalAccessTokens.authenticate(token) : null
    return found ? toCurrentUser(found.user, { kind: 'personal-access-token', id: found.tokenId }) : null
  }
  // The cookie only names a session; its record says whether it is still live (not signed out).
  const sessionId = (await readUserSession(event))?.secure?.sessionId
  const user = sessionId ? await services.sessions.authenticate(sessionId) : null
  return user && sessionId ? toCurrentUser(user, { kind: 'session', id: sessionId }) : null
}

/**
 * The web front vouches for who the user is; the credential is still asked, so a session signed out
 * (or a token revoked) a moment ago opens nothing here either.
 */
async function serviceTokenUser({ userId, credential }: ServiceTokenUser): Promise<CurrentUser | null> {
  const services = await useAppServices()
  if (!await services.credentials.isLive(credential)) return null
  const user = await services.accounts.findUser(userId)
  return user ? toCurrentUser(user, credential) : null
}

function toCurrentUser(user: UserRow, credential: SignInCredential): CurrentUser {
  return { id: user.id, email: user.email, name: user.name, credential }
}
