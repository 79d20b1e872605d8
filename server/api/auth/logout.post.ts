import { defineEventHandler, sendNoContent } from 'h3'

// Signing out twice, or while signed out, is not an error: the outcome is the same.
export default defineEventHandler(async (event) => {
  await clearUserSession(event)
  return sendNoContent(event, 204)
})
