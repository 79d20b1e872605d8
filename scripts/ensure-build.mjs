// Builds the production server unless .output already holds a build of the current sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildFingerprint } from './build-fingerprint.mjs'

export function ensureBuild(root) {
  const marker = join(root, '.output', '.fingerprint')
  const fingerprint = buildFingerprint(root)
  const entry = join(root, '.output', 'server', 'index.mjs')
  if (existsSync(entry) && existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint) return
  console.log('Building the production server (sources changed since the last build)…')
  const result = spawnSync('npx', ['nuxt', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
  writeFileSync(marker, fingerprint)
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild(process.cwd())
