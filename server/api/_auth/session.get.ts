import { defineEventHandler } from 'h3'
import { readUserSession } from '../../http/read-session'

// Replaces nuxt-auth-utils' session echo, which every page render asks for: the module's own
// answers an anonymous request with a brand-new session cookie. This one only reads.
export default defineEventHandler(async (event) => {
  const session = await readUserSession(event)
  if (!session) return {}
  // Its record must still be live (server/plugins/server-side-sessions.ts).
  await sessionHooks.callHookParallel('fetch', session, event)
  const { secure: _secure, ...visible } = session
  return visible
})
