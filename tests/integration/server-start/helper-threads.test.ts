import { readdirSync } from 'node:fs'
import { getPriority } from 'node:os'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HELPER_THREAD_NICENESS } from '../../../server/threads/helper-threads'
import { startApp, type RunningApp } from '../../support/app-server'

const threadsOf = (pid: number) => readdirSync(`/proc/${pid}/task`).map(Number)

// Linux only (a nice value per thread); and a process already at the lowest priority has none lower to give.
describe.skipIf(process.platform !== 'linux' || getPriority(0) + HELPER_THREAD_NICENESS > 19)('a started server\'s threads', () => {
  let app: RunningApp
  beforeAll(async () => {
    app = await startApp({ LOG_LEVEL: 'debug' })
  })
  afterAll(() => app?.stop())

  it('run at a lower priority than its main thread, the embedded database\'s lowered once', async () => {
    const pid = app.process.pid!
    const mainNiceness = getPriority(0)
    expect(getPriority(pid)).toBe(mainNiceness)
    const helpers = threadsOf(pid).filter(threadId => threadId !== pid)
    // V8's helper threads, libuv's pool, the database's thread and Node's own.
    expect(helpers.length).toBeGreaterThanOrEqual(9)
    expect(helpers.map(threadId => getPriority(threadId))).toEqual(helpers.map(() => mainNiceness + HELPER_THREAD_NICENESS))
    const line = (await app.outputContaining('Helper threads lowered')).split('\n').find(entry => entry.includes('Helper threads lowered'))!
    expect(JSON.parse(line)).toMatchObject({ level: 'debug', niceness: HELPER_THREAD_NICENESS, threads: expect.any(Number) })
  })
})
