import { getCookie, unsealSession, type H3Event, type SessionConfig } from 'h3'
import type { UserSession } from '#auth-utils'
import { UnsealedCookies } from './unsealed-cookies'

/**
 * The session the request's cookie carries, or null when it brings none or one that does not
 * unseal (expired, tampered, sealed with another secret). Reading never writes: nuxt-auth-utils'
 * getUserSession goes through h3's useSession, which starts a new session, and sets its cookie, on
 * every request that arrives without a readable one.
 */
export async function readUserSession(event: H3Event): Promise<UserSession | null> {
  const { config, unsealed } = sessionReading()
  const sealed = getCookie(event, config.name ?? 'nuxt-session')
  if (!sealed) return null
  const known = unsealed.recall(sealed)
  if (known) return known
  const session = await unsealSession(event, config, sealed).catch(() => null)
  if (!session?.id) return null
  const data = session.data as UserSession
  unsealed.remember(sealed, data, session.createdAt ?? 0)
  return data
}

let reading: { config: SessionConfig, unsealed: UnsealedCookies<UserSession> } | undefined

/**
 * The configuration nuxt-auth-utils seals with: runtime config plus NUXT_SESSION_PASSWORD. Read
 * once: asking Nitro for an event's runtime config copies and re-reads the environment for the
 * whole configuration on every request.
 */
function sessionReading(): NonNullable<typeof reading> {
  if (!reading) {
    const { session } = useRuntimeConfig()
    const config = { ...session, password: process.env.NUXT_SESSION_PASSWORD || session.password } as SessionConfig
    reading = { config, unsealed: new UnsealedCookies(config.maxAge) }
  }
  return reading
}
