import { closeLapsedConnections } from '../app/hub-credential-revocation'
import { logger } from '../observability/logger'
import { describeError } from '../utils/describe-error'

/**
 * How often open hub connections are checked against their credentials: a connection whose review
 * link or personal access token expired, or whose credential was revoked on another instance, ends
 * within this.
 */
const CHECK_INTERVAL_MS = 15_000

// Revocation on this instance closes connections at once; expiry has no such moment, so it is looked for here.
export default defineNitroPlugin((nitroApp) => {
  const timer = setInterval(() => {
    closeLapsedConnections().catch(error => logger.error({ error: describeError(error) }, 'Checking hub connections failed'))
  }, CHECK_INTERVAL_MS)
  timer.unref()
  nitroApp.hooks.hook('close', () => clearInterval(timer))
})
