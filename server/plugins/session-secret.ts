import { loadAppConfig } from '../config/app-config'
import { loadOrCreateSecret } from '../config/persistent-secret'

export const SESSION_SECRET_FILE = 'session.secret'

// nuxt-auth-utils seals session cookies with NUXT_SESSION_PASSWORD, read at the first request.
// When it is not configured, a secret generated once and kept in the data directory stands in, so
// `npm start` needs no set-up and sessions survive restarts.
export default defineNitroPlugin(() => {
  const config = loadAppConfig()
  process.env.NUXT_SESSION_PASSWORD = loadOrCreateSecret(config.dataDir, SESSION_SECRET_FILE, config.sessionPassword, 'NUXT_SESSION_PASSWORD')
})
