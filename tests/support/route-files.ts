import { readdirSync } from 'node:fs'
import { join, relative, sep } from 'node:path'

export interface RouteFile {
  /** Upper case, as in a request line; `ALL` for a file without a method suffix. */
  method: string
  /** OpenAPI form: `/api/campaigns/{id}`. */
  path: string
  file: string
}

function filesUnder(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap(entry =>
    entry.isDirectory() ? filesUnder(join(directory, entry.name)) : [join(directory, entry.name)])
}

/**
 * The routes Nitro serves from `server/<folder>`, read from the file names the way Nitro reads
 * them: `[id]` is a parameter, `index` is the folder itself, `.get.ts` is the method.
 */
export function routeFiles(folder: 'api' | 'routes', root = 'server'): RouteFile[] {
  const base = join(root, folder)
  return filesUnder(base).map((file) => {
    const name = relative(base, file).split(sep).join('/').replace(/\.ts$/, '')
    const [, route = name, method = 'all'] = /^(.*)\.(get|post|put|patch|delete)$/.exec(name) ?? []
    const segments = route.split('/').filter(segment => segment !== 'index')
    const path = `${folder === 'api' ? '/api' : ''}/${segments.map(segment => segment.replace(/^\[(\w+)\]$/, '{$1}')).join('/')}`
    return { method: method.toUpperCase(), path, file }
  })
}
