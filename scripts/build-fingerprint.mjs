// The production build is reused while nothing it is built from has changed.
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, statSync, existsSync } from 'node:fs'
import { join } from 'node:path'

const BUILD_INPUTS = [
  'app.vue', 'nuxt.config.ts', 'package-lock.json', 'assets', 'components', 'composables',
  'layouts', 'middleware', 'pages', 'plugins', 'public', 'server', 'shared', 'stores', 'utils',
]

function* files(path) {
  if (!existsSync(path)) return
  if (statSync(path).isDirectory()) {
    for (const entry of readdirSync(path).sort()) yield* files(join(path, entry))
  }
  else {
    yield path
  }
}

export function buildFingerprint(root) {
  const hash = createHash('sha256')
  for (const input of BUILD_INPUTS) {
    for (const file of files(join(root, input))) {
      hash.update(file).update('\0').update(readFileSync(file)).update('\0')
    }
  }
  return hash.digest('hex')
}
