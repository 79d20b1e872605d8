import { closeLapsedConnections } from '../app/hub-credential-revocation'
import { loadAppConfig } from '../config/app-config'
import { logger } from '../observability/logger'
import { describeError } from '../utils/describe-error'

// Revocation on this instance closes connections at once; expiry has no such moment, so it is looked for here.
export default defineNitroPlugin((nitroApp) => {
  const { hubCredentialCheckSeconds } = loadAppConfig()
  const timer = setInterval(() => {
    closeLapsedConnections().catch(error => logger.error({ error: describeError(error) }, 'Checking hub connections failed'))
  }, hubCredentialCheckSeconds * 1000)
  timer.unref()
  nitroApp.hooks.hook('close', () => clearInterval(timer))
})
