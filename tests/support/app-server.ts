import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { databaseTemplate, seedEmbeddedDatabase } from './database-template'

/** The built production server (`.output/`), started on a free loopback port. */
export interface RunningApp {
  url: string
  /** The server's DATA_DIR (embedded database, generated secrets). */
  dataDir: string
  process: ChildProcess
  output: () => string
  /**
   * The output, once it holds `text`. The server logs before it answers, but its log reaches the
   * test through a pipe read on its own schedule: an answer can arrive before the line about it.
   */
  outputContaining: (text: string) => Promise<string>
  stop: () => Promise<void>
}

/**
 * The build the servers run: `.output` unless APP_BUILD_DIR names a copy of one, so a suite can
 * keep testing a fixed build while the working tree is rebuilt.
 */
const BUILD_DIR = process.env.APP_BUILD_DIR || '.output'

/**
 * A port nothing listens on, for a test that needs a service to be absent: port 1 (tcpmux) is never
 * served here. A port found free would not do: a server of a test running alongside can take it
 * before the test connects, and it answers otherwise than a refused connection.
 */
export const ABSENT_SERVICE_PORT = 1

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const probe = createServer()
    probe.once('error', fail)
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address()
      probe.close(() => done(typeof address === 'object' && address ? address.port : 0))
    })
  })
}

/** A data directory that outlives server restarts; the caller removes it. */
export function createDataDir(): string {
  return mkdtempSync(join(tmpdir(), 'map-data-'))
}

export interface StartOptions {
  /** Wait for /health to answer 200 (the default), or only for the server to answer at all. */
  waitFor?: 'healthy' | 'listening'
  /** Listen on this port rather than a free one: a restart where open pages expect the server back. */
  port?: number
  /** Node options before the server's entry point (`--cpu-prof` in the benchmarks). */
  nodeArgs?: string[]
  /** Another build to run than BUILD_DIR: benchmarks compare two builds side by side. */
  buildDir?: string
  /** How long the server may take to be ready before it is killed and the start fails. */
  readyWithinMs?: number
  /**
   * On an empty data folder, let the server create its embedded database itself rather than start
   * from the build's template (see database-template.ts): seconds of CPU, for the template itself.
   */
  createDatabase?: boolean
}

/**
 * Each server gets its own data directory unless `env.DATA_DIR` names one (to restart on the same
 * data); a directory made here is removed when the server stops. An empty data directory starts
 * with a copy of the build's empty database unless `options.createDatabase`.
 */
export async function startApp(env: Record<string, string> = {}, options: StartOptions = {}): Promise<RunningApp> {
  const port = options.port ?? await freePort()
  const url = `http://127.0.0.1:${port}`
  const ownDataDir = env.DATA_DIR === undefined
  const dataDir = env.DATA_DIR ?? createDataDir()
  if (!env.DATABASE_URL && !options.createDatabase && await isEmptyFolder(dataDir)) {
    await seedEmbeddedDatabase(dataDir, await prepareDatabaseTemplate(options.buildDir))
  }
  const { child, output } = spawnApp(port, { DATA_DIR: dataDir, ...env }, options.nodeArgs, options.buildDir)

  const readyWithinMs = options.readyWithinMs ?? 30_000
  const deadline = Date.now() + readyWithinMs
  for (let ready = false; !ready;) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The app exited with ${child.exitCode ?? child.signalCode}:\n${output()}`)
    if (Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The app was not ${options.waitFor ?? 'healthy'} within ${readyWithinMs / 1000} s:\n${output()}`)
    }
    try {
      // A server that accepts but does not answer yet must not hold the probe past the deadline.
      const response = await fetch(`${url}/health`, { signal: AbortSignal.timeout(Math.max(1, deadline - Date.now())) })
      ready = response.ok || options.waitFor === 'listening'
    }
    catch { /* not listening yet */ }
    if (!ready) await new Promise(r => setTimeout(r, 100))
  }

  const removeOwnDataDir = () => {
    if (ownDataDir) rmSync(dataDir, { recursive: true, force: true })
  }
  return {
    url,
    dataDir,
    process: child,
    output,
    outputContaining: async (text) => {
      const deadline = Date.now() + 10_000
      while (!output().includes(text)) {
        if (Date.now() > deadline) throw new Error(`The server's output never contained ${JSON.stringify(text)}:\n${output()}`)
        await new Promise(r => setTimeout(r, 20))
      }
      return output()
    },
    stop: () => new Promise<void>((done) => {
      if (child.exitCode !== null || child.signalCode !== null) {
        removeOwnDataDir()
        return done()
      }
      child.once('exit', () => {
        removeOwnDataDir()
        done()
      })
      child.kill('SIGTERM')
    }),
  }
}

/** A folder that exists and holds nothing: what a first start finds. */
async function isEmptyFolder(path: string): Promise<boolean> {
  return readdir(path).then(entries => entries.length === 0, () => false)
}

/**
 * The build's empty embedded database that servers start from (see database-template.ts), made
 * by a first start of the build itself. It is made once for every later server, so it may take what
 * a busy machine needs.
 */
export function prepareDatabaseTemplate(buildDir = BUILD_DIR): Promise<string> {
  return databaseTemplate(buildDir, async (dataDir) => {
    const app = await startApp({ DATA_DIR: dataDir }, { buildDir, readyWithinMs: 120_000, createDatabase: true })
    await app.stop()
  })
}

/**
 * Servers still running when the test process ends: a hook that timed out never got the handle to
 * stop its server, which would otherwise outlive the test and load the machine for every later one.
 */
const runningServers = new Set<ChildProcess>()
process.once('exit', () => {
  for (const child of runningServers) child.kill('SIGKILL')
})

function spawnApp(port: number, env: Record<string, string>, nodeArgs: string[] = [], buildDir = BUILD_DIR): { child: ChildProcess, output: () => string } {
  const child = spawn(process.execPath, [...nodeArgs, resolve(buildDir, 'server/index.mjs')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  runningServers.add(child)
  child.once('exit', () => runningServers.delete(child))
  let log = ''
  const collect = (chunk: Buffer) => {
    log += chunk
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)
  return { child, output: () => log }
}

export interface EndedApp {
  exitCode: number | null
  output: string
}

/**
 * Starts the built server where it should refuse to run, and waits for it to exit. One that answers
 * /health, or is still running after 20 s (well inside a test's 30 s), is killed and reported.
 */
export async function runAppExpectingExit(env: Record<string, string>, options: { port?: number } = {}): Promise<EndedApp> {
  const port = options.port ?? await freePort()
  const { child, output } = spawnApp(port, env)
  // 'close' rather than 'exit': by then every line the server printed has been read.
  const exited = new Promise<EndedApp>((done) => {
    child.once('close', exitCode => done({ exitCode, output: output() }))
  })
  const deadline = Date.now() + 20_000
  for (let ended = false; !ended;) {
    const response = await fetch(`http://127.0.0.1:${port}/health`).catch(() => undefined)
    if (response?.ok || Date.now() > deadline) {
      child.kill('SIGKILL')
      throw new Error(`The app ${response?.ok ? 'started' : 'kept running'} instead of exiting:\n${output()}`)
    }
    ended = child.exitCode !== null || child.signalCode !== null
    if (!ended) await new Promise(r => setTimeout(r, 100))
  }
  return exited
}
