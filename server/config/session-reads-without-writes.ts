import type { NitroConfig } from 'nitropack/types'

/** Where nuxt-auth-utils keeps the server parts that read the session through h3's useSession. */
const MODULE_RUNTIME = /nuxt-auth-utils[\\/]dist[\\/]runtime[\\/]server[\\/]/

/**
 * Takes out the two nuxt-auth-utils parts that write a cookie when they only mean to read: h3's
 * useSession starts a new session, and sets its cookie, for any request without a readable one.
 * - the plugin it adds when WebSockets are on, which reads the session on every request (for
 *   upgrade handlers; the hub signs in with hub tokens instead), so /health, assets, pages and
 *   bearer calls all set a new cookie;
 * - its GET /api/_auth/session, which server/api/_auth/session.get.ts replaces with one that only
 *   reads (a module's handler would otherwise win over the app's for the same route).
 */
export function withoutSessionWritingReads(config: NitroConfig): void {
  config.plugins = config.plugins?.filter(plugin => !isModulePart(plugin, /plugins[\\/]ws(\.js)?$/))
  config.handlers = config.handlers?.filter(handler => !(isModulePart(handler?.handler, /api[\\/]session\.get(\.js)?$/) && handler?.method === 'get'))
}

function isModulePart(path: string | undefined, part: RegExp): boolean {
  return path !== undefined && MODULE_RUNTIME.test(path) && part.test(path)
}
