// Builds the production server unless .output already holds a build of the current sources.
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { buildFingerprint } from './build-fingerprint.mjs'

const markerOf = root => join(root, '.output', '.fingerprint')

/** Whether `.output` holds a build of the sources as they are now. */
export function buildIsCurrent(root, fingerprint = buildFingerprint(root)) {
  const marker = markerOf(root)
  return existsSync(join(root, '.output', 'server', 'index.mjs')) && existsSync(marker) && readFileSync(marker, 'utf8') === fingerprint
}

export function ensureBuild(root) {
  const fingerprint = buildFingerprint(root)
  if (buildIsCurrent(root, fingerprint)) return
  console.log('Building the production server (sources changed since the last build)…')
  const result = spawnSync('npx', ['nuxt', 'build'], { cwd: root, stdio: 'inherit' })
  if (result.status !== 0) process.exit(result.status ?? 1)
  writeFileSync(markerOf(root), fingerprint)
}

if (import.meta.url === `file://${process.argv[1]}`) ensureBuild(process.cwd())
