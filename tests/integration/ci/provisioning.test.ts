import { spawnSync } from 'node:child_process'
import { createServer, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { ABSENT_SERVICE_PORT } from '../../support/app-server'

/**
 * .ci/run installs and starts what the tests need only when it is missing. These tests drive its
 * decisions against real listening (and free) ports; they never install or start anything.
 */
function bash(script: string, env: Record<string, string | undefined> = {}) {
  const result = spawnSync('bash', ['-c', script], { env: { ...process.env, ...env }, encoding: 'utf8' })
  return { status: result.status, stdout: result.stdout, stderr: result.stderr }
}

/** The provisioning library with PostgreSQL and Redis looked for on the given ports. */
function reportWith(ports: { postgres: number, redis: number }, env: Record<string, string | undefined> = {}) {
  return bash(`source .ci/provision.sh; POSTGRES_PORT=${ports.postgres}; REDIS_PORT=${ports.redis}; report_needs`, env)
}

let listening: Server[] = []
async function listeningPort(): Promise<number> {
  const server = createServer(socket => socket.destroy())
  listening.push(server)
  await new Promise<void>(done => server.listen(0, '127.0.0.1', done))
  return (server.address() as { port: number }).port
}
afterEach(async () => {
  await Promise.all(listening.map(server => new Promise(done => server.close(done))))
  listening = []
})

describe('.ci/run', () => {
  it('parses, and with --check only reports, one line per part', () => {
    expect(bash('bash -n .ci/run && bash -n .ci/provision.sh').status).toBe(0)
    const check = bash('bash .ci/run --check')
    expect(check.status).toBe(0)
    expect(check.stdout.trim().split('\n').map(line => line.split(':')[0])).toEqual(['chromium', 'postgresql', 'redis'])
  })

  it('provides PostgreSQL and Redis when nothing answers on their ports', async () => {
    const report = reportWith({ postgres: ABSENT_SERVICE_PORT, redis: ABSENT_SERVICE_PORT }, { TEST_POSTGRES_URL: undefined })
    expect(report.stdout).toContain('would install and start postgresql')
    expect(report.stdout).toContain('would install and start redis-server')
  })

  it('uses whatever already answers on their ports', async () => {
    const report = reportWith({ postgres: await listeningPort(), redis: await listeningPort() }, { TEST_POSTGRES_URL: undefined })
    expect(report.stdout).not.toContain('would install')
  })

  it('leaves PostgreSQL alone when TEST_POSTGRES_URL names a server', async () => {
    const url = 'postgres://tester@db.example:5432/test'
    const report = reportWith({ postgres: ABSENT_SERVICE_PORT, redis: await listeningPort() }, { TEST_POSTGRES_URL: url })
    expect(report.stdout).toContain(`postgresql: ${url}`)
    expect(report.stdout).not.toContain('would install')
  })
})
