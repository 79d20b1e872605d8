import { spawn, type ChildProcess } from 'node:child_process'
import { createServer } from 'node:net'
import { resolve } from 'node:path'

/** The built production server (`.output/`), started on a free loopback port. */
export interface RunningApp {
  url: string
  process: ChildProcess
  output: () => string
  stop: () => Promise<void>
}

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

export async function startApp(env: Record<string, string> = {}): Promise<RunningApp> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const child = spawn(process.execPath, [resolve('.output/server/index.mjs')], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let log = ''
  const collect = (chunk: Buffer) => {
    log += chunk
  }
  child.stdout!.on('data', collect)
  child.stderr!.on('data', collect)

  const deadline = Date.now() + 30_000
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The app exited with ${child.exitCode}:\n${log}`)
    try {
      const response = await fetch(`${url}/health`)
      if (response.ok) break
    }
    catch { /* not listening yet */ }
    await new Promise(r => setTimeout(r, 100))
  }

  return {
    url,
    process: child,
    output: () => log,
    stop: () => new Promise<void>((done) => {
      if (child.exitCode !== null) return done()
      child.once('exit', () => done())
      child.kill('SIGTERM')
    }),
  }
}
