import { afterEach, describe, expect, it, vi } from 'vitest'
import { sampleDatabaseCpu } from '../../bench/engine/database-cpu'

/** A /proc whose processes (id → command and nanoseconds on a core) the test changes as time passes. */
function fakeProc(processes: Map<number, { command: string, runNs: number }>) {
  const reads: string[] = []
  return {
    reads,
    files: {
      list: () => ['self', ...[...processes.keys()].map(String)],
      read: (path: string) => {
        reads.push(path)
        const [, , pid, file] = path.split('/')
        const found = processes.get(Number(pid))
        if (!found) throw new Error('ENOENT')
        return file === 'comm' ? `${found.command}\n` : `${found.runNs} 500 7\n`
      },
    },
  }
}

describe('the engine benchmark\'s reading of PostgreSQL\'s CPU', () => {
  afterEach(() => {
    vi.useRealTimers()
  })

  it('adds what each database process ran, a backend started or ended in between included, and nothing else\'s', () => {
    vi.useFakeTimers()
    const processes = new Map([
      [10, { command: 'postgres', runNs: 5_000_000 }],
      [11, { command: 'postgres', runNs: 1_000_000 }],
      [20, { command: 'node', runNs: 9_000_000 }],
    ])
    const proc = fakeProc(processes)
    const sampler = sampleDatabaseCpu('postgres', proc.files)!

    processes.get(10)!.runNs = 8_000_000 // +3 ms
    processes.set(12, { command: 'postgres', runNs: 2_000_000 }) // a backend started: +2 ms
    processes.get(11)!.runNs = 1_500_000 // +0.5 ms before it ends
    processes.get(20)!.runNs = 50_000_000
    vi.advanceTimersByTime(50)
    processes.delete(11)
    processes.get(12)!.runNs = 4_000_000 // +2 ms more

    expect(sampler.stop()).toBeCloseTo(3 + 4 + 0.5)
    expect(proc.reads.filter(path => path === '/proc/20/comm')).toHaveLength(1)
    expect(proc.reads).not.toContain('/proc/20/schedstat')
  })

  it('is null where no database process is on this machine', () => {
    const proc = fakeProc(new Map([[20, { command: 'node', runNs: 1 }]]))
    expect(sampleDatabaseCpu('postgres', proc.files)).toBeNull()
  })
})
