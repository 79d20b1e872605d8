import { fileURLToPath } from 'node:url'
import { defineVitestProject } from '@nuxt/test-utils/config'
import { defineConfig } from 'vitest/config'

// Server code imports shared code as `#shared`, as Nuxt resolves it; plain Node projects need the same.
const resolve = { alias: { '#shared': fileURLToPath(new URL('./shared', import.meta.url)) } }

// Servers start from a copy of an empty database made once per build (tests/support/database-template.ts).
const globalSetup = ['tests/support/database-template-setup.ts']

// Vitest's default is one file at a time on a two-core machine, but a file that starts servers or a
// browser spends much of its time waiting on them: two files at once overlap those waits. Vitest
// puts every project's files in one queue for one pool of workers (project by project, by name), so
// the projects must agree on this number.
const FILES_AT_ONCE = 2

export default defineConfig({
  test: {
    projects: [
      {
        resolve,
        test: { name: 'unit', include: ['tests/unit/**/*.test.ts'], environment: 'node', maxWorkers: FILES_AT_ONCE },
      },
      {
        resolve,
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          hookTimeout: 60_000,
          maxWorkers: FILES_AT_ONCE,
          globalSetup,
        },
      },
      {
        resolve,
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 90_000,
          // expect.poll waits for a state the page reaches (a connection, a list filtered): Vitest's
          // one-second default would make how fast a busy machine gets there part of the assertion.
          expect: { poll: { timeout: 20_000 } },
          globalSetup,
          maxWorkers: FILES_AT_ONCE,
        },
      },
      // Components, composables and stores inside a Nuxt app (auto-imports, Pinia), in happy-dom.
      await defineVitestProject({
        test: {
          name: 'nuxt',
          include: ['tests/nuxt/**/*.test.ts'],
          environment: 'nuxt',
          environmentOptions: { nuxt: { domEnvironment: 'happy-dom' } },
          // Each file boots a Nuxt app before its tests (setupNuxt in a beforeAll): seconds of work
          // that a busy machine stretches past Vitest's ten-second default for a hook.
          hookTimeout: 60_000,
          maxWorkers: FILES_AT_ONCE,
        },
      }),
    ],
  },
})
