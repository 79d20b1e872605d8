import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { SourceMap } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/**
 * Reads the `.cpuprofile` files `node --cpu-prof` writes (one per thread) and says where the CPU
 * time went: by part of the product (the bundled server's frames are mapped back to their sources
 * through the build's source maps) and by function.
 */

interface CallFrame { functionName: string, url: string, lineNumber: number, columnNumber: number }
interface ProfileNode { id: number, callFrame: CallFrame, children?: number[] }
interface Profile { nodes: ProfileNode[], startTime: number, samples: number[], timeDeltas: number[] }

/**
 * A stretch of time on the machine's monotonic clock, in microseconds: the clock V8 stamps its
 * samples with (`startTime`, `timeDeltas`) and `process.hrtime` reads, in every process alike.
 */
export interface ProfileWindow { fromUs: number, toUs: number }

/** Now on the monotonic clock, in microseconds: either end of a ProfileWindow. */
export function monotonicMicros(): number {
  return Number(process.hrtime.bigint() / 1000n)
}

export interface ThreadProfile {
  /** Which instance of the deployment the thread belongs to (`server`, or `web` and `worker`). */
  instance: string
  /** 0 for the main thread, then worker threads in the order they started. */
  threadId: number
  totalMs: number
  /** Milliseconds of self time per part, largest first. */
  parts: Array<{ part: string, ms: number }>
  /** The functions with the most self time, largest first. */
  topFrames: Array<{ frame: string, part: string, ms: number }>
}

/**
 * Parts of a run, matched against a frame's original source path in this order; a frame with no
 * match (Node's internals, natives) takes the part of its nearest caller that has one.
 */
const PARTS: Array<[string, RegExp]> = [
  ['idle', /^\(idle\)$/],
  ['gc', /^\(garbage collector\)$/],
  ['database', /server\/db\/|campaign-repository|@electric-sql\/pglite|node_modules\/(pg|pg-protocol|pg-pool|pg-types)\/|drizzle-orm|^wasm:/],
  ['writer', /server\/engine\/writers\//],
  ['audit', /server\/engine\/(compliance|content)\/|node_modules\/(flesch|syllable|twitter-text|wcag-contrast|normalize-strings|pluralize)\//],
  ['hub', /server\/(signalr|hubs)\/|node_modules\/(crossws|ws)\/|@msgpack/],
  ['run loop', /server\/engine\//],
  ['logs and metrics', /server\/observability\/|node_modules\/(pino|sonic-boom|prom-client|thread-stream)/],
  ['http', /server\/|node_modules\/(h3|nitropack|ufo|cookie-es|zod|iron-webcrypto|nuxt-auth-utils)\/|\/chunks\/|\/index\.mjs$/],
]

/** Each thread's profile in `dir`; only the samples taken within `window`, when one is given. */
export function summarizeProfiles(dir: string, instance: string, window?: ProfileWindow): ThreadProfile[] {
  if (!existsSync(dir)) return []
  const sources = new SourceResolver()
  return readdirSync(dir)
    .filter(name => name.endsWith('.cpuprofile'))
    .map(name => ({ name, threadId: Number(/\.(\d+)\.\d+\.cpuprofile$/.exec(name)?.[1] ?? 0) }))
    .sort((a, b) => a.threadId - b.threadId)
    .map(({ name, threadId }) => ({ instance, ...summarize(JSON.parse(readFileSync(join(dir, name), 'utf8')) as Profile, threadId, sources, window) }))
}

function summarize(profile: Profile, threadId: number, sources: SourceResolver, window: ProfileWindow | undefined): Omit<ThreadProfile, 'instance'> {
  const byId = new Map(profile.nodes.map(node => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const selfUs = new Map<number, number>()
  // Each sample stands for the time since the one before it, and is stamped when it was taken.
  let takenAt = profile.startTime
  profile.samples.forEach((id, index) => {
    const us = profile.timeDeltas[index] ?? 0
    takenAt += us
    if (window && (takenAt <= window.fromUs || takenAt > window.toUs)) return
    selfUs.set(id, (selfUs.get(id) ?? 0) + us)
  })

  const partOf = new Map<number, string>()
  const part = (id: number): string => {
    const known = partOf.get(id)
    if (known) return known
    const node = byId.get(id)!
    const where = frameLocation(node.callFrame, sources)
    const own = PARTS.find(([, pattern]) => pattern.test(where) || pattern.test(node.callFrame.functionName))?.[0]
    const up = parent.get(id)
    const found = own ?? (up === undefined ? 'other' : part(up))
    partOf.set(id, found)
    return found
  }

  const parts = new Map<string, number>()
  const frames = new Map<string, { part: string, us: number }>()
  let totalUs = 0
  for (const [id, us] of selfUs) {
    const node = byId.get(id)!
    const name = `${node.callFrame.functionName || '(anonymous)'} ${frameLocation(node.callFrame, sources)}`.trim()
    const nodePart = part(id)
    parts.set(nodePart, (parts.get(nodePart) ?? 0) + us)
    const frame = frames.get(name) ?? { part: nodePart, us: 0 }
    frame.us += us
    frames.set(name, frame)
    totalUs += us
  }
  return {
    threadId,
    totalMs: totalUs / 1000,
    parts: [...parts].map(([name, us]) => ({ part: name, ms: us / 1000 })).sort((a, b) => b.ms - a.ms),
    topFrames: [...frames].map(([frame, { part: framePart, us }]) => ({ frame, part: framePart, ms: us / 1000 }))
      .sort((a, b) => b.ms - a.ms).slice(0, 12),
  }
}

/** `source:line` of a frame, through the bundle's source map when it has one. */
function frameLocation(frame: CallFrame, sources: SourceResolver): string {
  if (!frame.url) return ''
  const original = sources.resolve(frame.url, frame.lineNumber, frame.columnNumber)
  if (original) return original
  const path = frame.url.replace(/^file:\/\//, '')
  return `${path.replace(/^.*node_modules\//, 'node_modules/')}:${frame.lineNumber + 1}`
}

class SourceResolver {
  private readonly maps = new Map<string, SourceMap | null>()

  resolve(url: string, line: number, column: number): string | null {
    const map = this.mapFor(url)
    if (!map || line < 0) return null
    const entry = map.findEntry(line, Math.max(0, column)) as { originalSource?: string, originalLine?: number }
    if (!entry.originalSource) return null
    return `${entry.originalSource.replace(/^(\.\.\/)+/, '').replace(/^.*node_modules\//, 'node_modules/')}:${(entry.originalLine ?? 0) + 1}`
  }

  private mapFor(url: string): SourceMap | null {
    if (this.maps.has(url)) return this.maps.get(url)!
    let map: SourceMap | null = null
    try {
      const path = `${fileURLToPath(url)}.map`
      if (existsSync(path)) map = new SourceMap(JSON.parse(readFileSync(path, 'utf8')))
    }
    catch { /* not a file URL, or no usable map */ }
    this.maps.set(url, map)
    return map
  }
}
