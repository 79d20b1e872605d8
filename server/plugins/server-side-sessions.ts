import { unauthorized } from '../http/problem'
import { endSession } from '../app/sign-in-revocation'
import { getCurrentUser } from '../utils/current-user'

// nuxt-auth-utils keeps sessions in sealed cookies; these hooks tie each cookie to its server-side
// record (server/accounts/session-service.ts).
export default defineNitroPlugin(() => {
  // Every way of clearing a session (POST /api/auth/logout, the module's DELETE /api/_auth/session)
  // revokes its record, not only the browser's cookie.
  sessionHooks.hook('clear', async (session) => {
    if (session.secure?.sessionId) await endSession(session.secure.sessionId)
  })
  // The session echo that pages render from: a cookie whose session ended shows a signed-out page.
  sessionHooks.hook('fetch', async (_session, event) => {
    const user = await getCurrentUser(event)
    if (user?.credential.kind !== 'session') throw unauthorized('The session has ended; sign in again')
  })
})
