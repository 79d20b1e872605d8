import { closeLapsedReviewConnections } from '../app/review-runtime'

/** How often open review connections are checked against their links: an expired link's viewers leave within this. */
const CHECK_INTERVAL_MS = 15_000

// Revocation closes a link's connections at once; expiry has no such moment, so it is looked for here.
export default defineNitroPlugin((nitroApp) => {
  const timer = setInterval(() => {
    closeLapsedReviewConnections().catch(error => console.error('Checking review connections failed:', error instanceof Error ? error.message : error))
  }, CHECK_INTERVAL_MS)
  timer.unref()
  nitroApp.hooks.hook('close', () => clearInterval(timer))
})
