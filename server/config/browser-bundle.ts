import { fileURLToPath } from 'node:url'

const inTheBrowser = (environment: { name: string }) => environment.name === 'client'

/**
 * twitter-text (X's character count, the previews' hashtags and links) imports core-js 2 polyfills
 * for ES2015–ES2017 built-ins that every browser able to run this app's modules has natively: in
 * the browser bundle they are a third of that library's weight for nothing. The server keeps them.
 */
const ES2017_POLYFILL = /^core-js\/modules\/(?:es6|es7|web)\./
const NO_POLYFILL = '\0no-polyfill'

function withoutEs2017Polyfills() {
  return {
    name: 'without-es2017-polyfills',
    enforce: 'pre' as const,
    applyToEnvironment: inTheBrowser,
    resolveId: (id: string) => (ES2017_POLYFILL.test(id) ? NO_POLYFILL : null),
    load: (id: string) => (id === NO_POLYFILL ? 'export {}' : null),
  }
}

/**
 * shared/ holds declarations (constants, types, zod schemas): a page that imports one constant
 * through the `#shared/campaign` barrel does not take the schemas of every module beside it.
 * shared/schemas/zod.ts is the exception, kept as it is: it sets zod up (no `new Function`, which
 * the pages' CSP forbids) before any schema is built, and only passes `z` on, so a bundler told it
 * does nothing on import would skip it.
 */
const SHARED_DIR = fileURLToPath(new URL('../../shared/', import.meta.url))
const ZOD_SETUP = fileURLToPath(new URL('../../shared/schemas/zod.ts', import.meta.url))
const isSharedDeclaration = (id: string) => {
  const path = id.split('?')[0]!
  return path.startsWith(SHARED_DIR) && path.endsWith('.ts') && path !== ZOD_SETUP
}

function sharedModulesWithoutSideEffects() {
  return {
    name: 'shared-modules-without-side-effects',
    applyToEnvironment: inTheBrowser,
    transform: (code: string, id: string) => (isSharedDeclaration(id) ? { code, map: null, moduleSideEffects: false } : null),
  }
}

/** Vite plugins that apply to the browser build only: what the pages' scripts leave out. */
export const browserBundlePlugins = [withoutEs2017Polyfills(), sharedModulesWithoutSideEffects()]
