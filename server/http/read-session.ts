import { getCookie, unsealSession, type H3Event, type SessionConfig } from 'h3'
import type { UserSession } from '#auth-utils'

/**
 * The session the request's cookie carries, or null when it brings none or one that does not
 * unseal (expired, tampered, sealed with another secret). Reading never writes: nuxt-auth-utils'
 * getUserSession goes through h3's useSession, which starts a new session, and sets its cookie, on
 * every request that arrives without a readable one.
 */
export async function readUserSession(event: H3Event): Promise<UserSession | null> {
  const config = sessionConfig(event)
  const sealed = getCookie(event, config.name ?? 'nuxt-session')
  if (!sealed) return null
  const session = await unsealSession(event, config, sealed).catch(() => null)
  return session?.id ? session.data as UserSession : null
}

/** The configuration nuxt-auth-utils seals with: runtime config plus NUXT_SESSION_PASSWORD. */
function sessionConfig(event: H3Event): SessionConfig {
  const { session } = useRuntimeConfig(event)
  return { ...session, password: process.env.NUXT_SESSION_PASSWORD || session.password } as SessionConfig
}
