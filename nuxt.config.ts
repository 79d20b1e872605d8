import { fileURLToPath } from 'node:url'
import tailwindcss from '@tailwindcss/vite'
import { browserBundlePlugins } from './server/config/browser-bundle'
import { SESSION_MAX_AGE_SECONDS } from './server/accounts/session-lifetime'
import { withoutSessionWritingReads } from './server/config/session-reads-without-writes'

export default defineNuxtConfig({
  modules: ['@pinia/nuxt', '@nuxt/eslint', 'nuxt-auth-utils'],
  // Nothing may reach the network at build or run time: no devtools, no telemetry, no web fonts.
  devtools: { enabled: false },
  app: {
    head: {
      htmlAttrs: { lang: 'en' },
      title: 'Marketing Agents',
      meta: [{ name: 'viewport', content: 'width=device-width, initial-scale=1' }],
    },
  },
  css: ['~/assets/css/main.css'],
  runtimeConfig: {
    // Sealed, httpOnly, SameSite=Lax cookie (nuxt-auth-utils); its password comes from
    // NUXT_SESSION_PASSWORD or server/plugins/session-secret.ts. Secure: browsers keep it on
    // HTTPS and localhost; NUXT_SESSION_COOKIE_SECURE=false serves a trusted network over plain HTTP.
    session: { maxAge: SESSION_MAX_AGE_SECONDS, cookie: { sameSite: 'lax', secure: true } },
  },
  // The app lives at the repository root (pages/, components/, server/ …) rather than under app/.
  srcDir: '.',
  experimental: {
    // Links fetch their page's scripts when hovered or focused, not as soon as they are visible: a
    // cold load fetches the scripts of the page it shows, not those of every page the header links to.
    defaults: { nuxtLink: { prefetchOn: { visibility: false, interaction: true } } },
  },
  compatibilityDate: '2026-11-01',
  nitro: {
    // One route serves the hub's WebSocket upgrade and its HTTP transports.
    experimental: { websocket: true },
    // Before the scanned plugins: the data folder is checked and locked before anything uses it, and
    // the helper threads are lowered in priority before the embedded database starts its own thread.
    plugins: ['~/server/plugins/data-dir.ts', '~/server/plugins/helper-threads.ts'],
    // The build stores gzip and Brotli copies of the scripts and styles; browsers that accept them
    // get a third of the bytes, with no compression work per request.
    compressPublicAssets: { gzip: true, brotli: true },
  },
  vite: { plugins: [tailwindcss(), ...browserBundlePlugins] },
  typescript: { strict: true, typeCheck: false },
  telemetry: false,
  hooks: {
    // /api errors become Problem Details before Nuxt's handler renders its error page for the rest;
    // reading the session never sets a cookie (server/config/session-reads-without-writes.ts).
    'nitro:config'(config) {
      const nuxtHandlers = config.errorHandler ? [config.errorHandler].flat() : []
      config.errorHandler = [fileURLToPath(new URL('./server/error-handler.ts', import.meta.url)), ...nuxtHandlers]
      withoutSessionWritingReads(config)
    },
  },
  eslint: { config: { stylistic: true } },
})
