import { loadAppConfig } from '../config/app-config'
import { settleClientAddress } from '../http/client-address'

// Before any handler runs, so rate limits and sign-in throttling all see the same address.
export default defineNitroPlugin((nitroApp) => {
  const { trustProxy } = loadAppConfig()
  nitroApp.hooks.hook('request', event => settleClientAddress(event, trustProxy))
})
