import { readdirSync, statSync } from 'node:fs'
import { resolve } from 'node:path'

/** The largest of the built app's script files, served from .output/public like any static asset. */
export function staticScriptPath(): string {
  const folder = resolve(process.env.APP_BUILD_DIR || '.output', 'public/_nuxt')
  const scripts = readdirSync(folder).filter(name => name.endsWith('.js'))
  const largest = scripts.reduce((best, name) => (statSync(resolve(folder, name)).size > statSync(resolve(folder, best)).size ? name : best))
  return `/_nuxt/${largest}`
}
