import { describe, expect, it } from 'vitest'
import { readThreadClocks, threadTimesBetween, type ThreadClock } from '../../bench/engine/thread-times'

const clocks = (entries: Array<[number, number, number]>) => new Map<number, ThreadClock>(entries.map(([id, runNs, waitNs]) => [id, { runNs, waitNs }]))

describe('a server\'s thread times in the engine benchmark', () => {
  it('reads each thread\'s run and wait nanoseconds', () => {
    const files: Record<string, string> = {
      '/proc/7/task/7/schedstat': '5000000 2000000 40\n',
      '/proc/7/task/9/schedstat': '300 100 2\n',
    }
    const read = (path: string) => {
      const text = files[path]
      if (text === undefined) throw Object.assign(new Error('gone'), { code: 'ENOENT' })
      return text
    }
    // Thread 8 ended between the listing and its read.
    expect(readThreadClocks(7, read, () => ['7', '8', '9'])).toEqual(clocks([[7, 5_000_000, 2_000_000], [9, 300, 100]]))
  })

  it('is unknown where the kernel keeps no per-thread clock', () => {
    expect(readThreadClocks(7, () => '', () => {
      throw Object.assign(new Error('no /proc'), { code: 'ENOENT' })
    })).toBeNull()
  })

  it('splits the burst into the main thread\'s run and wait and the other threads\' run', () => {
    const before = clocks([[1, 10e6, 4e6], [2, 3e6, 1e6], [3, 7e6, 0]])
    // Thread 3 ended, thread 4 started during the burst.
    const after = clocks([[1, 25e6, 9e6], [2, 5e6, 8e6], [4, 1.5e6, 0]])
    expect(threadTimesBetween(before, after, 1)).toEqual({ mainRunMs: 15, mainWaitMs: 5, othersRunMs: 3.5 })
  })
})
