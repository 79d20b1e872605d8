import { defineEventHandler, sendNoContent } from 'h3'

// Clearing the session also revokes its server-side record and closes its hub connections
// (server/plugins/server-side-sessions.ts). Signing out twice, or while signed out, is not an
// error: the outcome is the same.
export default defineEventHandler(async (event) => {
  await clearUserSession(event)
  return sendNoContent(event, 204)
})
