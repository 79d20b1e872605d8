import { randomBytes } from 'node:crypto'
import { setResponseHeader } from 'h3'
import { hubConnectSources } from '../bff/hub-connect-sources'
import { readEngineFrontConfig } from '../config/bff-config'
import { addNonce, pageContentSecurityPolicy } from '../security/content-security-policy'

// Each rendered page gets a fresh nonce: its own inline scripts run, injected ones do not. The
// development server is left alone, since hot reloading injects scripts of its own.
export default defineNitroPlugin((nitroApp) => {
  if (import.meta.dev) return
  const connectSources = hubConnectSources(readEngineFrontConfig())
  nitroApp.hooks.hook('render:html', (html, { event }) => {
    const nonce = randomBytes(16).toString('base64')
    for (const part of ['head', 'bodyPrepend', 'body', 'bodyAppend'] as const) {
      html[part] = html[part].map(chunk => addNonce(chunk, nonce))
    }
    setResponseHeader(event, 'Content-Security-Policy', pageContentSecurityPolicy(nonce, connectSources))
  })
})
