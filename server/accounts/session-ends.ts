import { PostgresListener } from '../db/postgres-listener'
import type { SessionService } from './session-service'
import { SESSION_ENDED_CHANNEL } from './sessions-repository'

/**
 * Hears the sign-outs of every instance sharing the PostgreSQL database, so that each may remember
 * the sessions it found live and still refuse a signed-out one at once. Remembering starts once it
 * listens; while its connection is down, what was remembered is forgotten and nothing is remembered,
 * since a sign-out then would go unheard.
 */
export function listenForSessionEnds(connectionString: string, sessions: SessionService): PostgresListener {
  const listener = new PostgresListener(connectionString, [SESSION_ENDED_CHANNEL], 'session-ends', {
    notification: (_channel, sessionId) => sessions.forgetRemembered(sessionId),
    listening: () => sessions.resumeRemembering(),
    lost: () => sessions.suspendRemembering(),
  })
  listener.listenInBackground()
  return listener
}
