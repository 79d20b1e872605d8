// `npm test`: everything — lint, types, unit, integration (real server, official clients), browser.
import { spawnSync } from 'node:child_process'
import { ensureBuild } from './ensure-build.mjs'
import { ensureChromium } from './ensure-chromium.mjs'

function run(label, command, args) {
  console.log(`\n▶ ${label}`)
  const result = spawnSync(command, args, { stdio: 'inherit' })
  if (result.status !== 0) {
    console.error(`✖ ${label} failed`)
    process.exit(result.status ?? 1)
  }
}

ensureChromium()
run('lint', 'npx', ['eslint', '.'])
run('types', 'npx', ['nuxt', 'typecheck'])
ensureBuild(process.cwd())
run('unit, integration and browser tests', 'npx', ['vitest', 'run'])
