import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { monotonicMicros, summarizeProfiles } from '../../bench/engine/cpu-profile'

const frame = (functionName: string, url = '') => ({ functionName, url, lineNumber: -1, columnNumber: -1 })

/**
 * A main thread's profile that starts at 1,000 µs: 2 ms starting up (node 2), 3 ms of a run's audit
 * (node 3), 1 ms idle (node 4), then 4 ms more of start-up's function after the burst.
 */
const PROFILE = {
  nodes: [
    { id: 1, callFrame: frame('(root)'), children: [2, 3, 4] },
    { id: 2, callFrame: frame('startUp', 'file:///srv/server/plugins/start.mjs') },
    { id: 3, callFrame: frame('containsTerm', 'file:///srv/server/engine/content/text-matching.mjs') },
    { id: 4, callFrame: frame('(idle)') },
  ],
  startTime: 1_000,
  samples: [2, 2, 3, 3, 3, 4, 2, 2, 2, 2],
  timeDeltas: [1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000, 1_000],
}

describe('the engine benchmark\'s CPU profile summary', () => {
  let dir: string | undefined

  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true })
  })

  const writeProfile = () => {
    dir = mkdtempSync(join(tmpdir(), 'cpu-profile-test-'))
    writeFileSync(join(dir, 'CPU.20261204.000000.42.0.001.cpuprofile'), JSON.stringify(PROFILE))
    return dir
  }

  it('counts every sample when no window is given', () => {
    const [main] = summarizeProfiles(writeProfile(), 'server')
    expect(main!.totalMs).toBe(10)
    expect(main!.parts).toEqual([{ part: 'http', ms: 6 }, { part: 'audit', ms: 3 }, { part: 'idle', ms: 1 }])
  })

  it('counts only the samples taken within the window, by the time each was taken', () => {
    // Samples are taken at 2,000, 3,000 … 11,000 µs: the window (3,000, 7,000] holds the 4th to 7th.
    const [main] = summarizeProfiles(writeProfile(), 'server', { fromUs: 3_000, toUs: 7_000 })
    expect(main!.totalMs).toBe(4)
    expect(main!.parts).toEqual([{ part: 'audit', ms: 3 }, { part: 'idle', ms: 1 }])
    expect(main!.topFrames.map(f => f.frame)).toEqual(['containsTerm /srv/server/engine/content/text-matching.mjs:0', '(idle)'])
  })

  it('stamps a window on the clock another process\'s profiler stamps its samples with', () => {
    dir = mkdtempSync(join(tmpdir(), 'cpu-profile-test-'))
    const before = monotonicMicros()
    const child = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, '-e', 'for (let i = 0; i < 1e6; i++);'])
    const after = monotonicMicros()
    expect(child.status).toBe(0)
    const [name] = readdirSync(dir).filter(file => file.endsWith('.cpuprofile'))
    const { startTime, endTime } = JSON.parse(readFileSync(join(dir, name!), 'utf8')) as { startTime: number, endTime: number }
    expect(startTime).toBeGreaterThanOrEqual(before)
    expect(endTime).toBeGreaterThan(startTime)
    expect(endTime).toBeLessThanOrEqual(after)
  })
})
