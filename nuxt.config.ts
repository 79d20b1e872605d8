import tailwindcss from '@tailwindcss/vite'

export default defineNuxtConfig({
  modules: ['@pinia/nuxt', '@nuxt/eslint'],
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
  // The app lives at the repository root (pages/, components/, server/ …) rather than under app/.
  srcDir: '.',
  compatibilityDate: '2026-11-01',
  nitro: {
    // One route serves the hub's WebSocket upgrade and its HTTP transports.
    experimental: { websocket: true },
  },
  vite: { plugins: [tailwindcss()] },
  typescript: { strict: true, typeCheck: false },
  telemetry: false,
  eslint: { config: { stylistic: true } },
})
