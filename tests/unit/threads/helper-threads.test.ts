import { describe, expect, it } from 'vitest'
import { DATABASE_THREAD_NICENESS } from '../../../server/db/embedded/worker-source'
import { HELPER_THREAD_NICENESS, lowerHelperThreads, type ThreadPriorities } from '../../../server/threads/helper-threads'

/** Threads by id with their niceness; ids listed but missing from `niceness` have ended. */
function threadsOf(niceness: Map<number, number>, listed = [...niceness.keys()], refused = new Set<number>()): ThreadPriorities {
  const known = (threadId: number) => {
    const value = niceness.get(threadId)
    if (value === undefined) throw Object.assign(new Error('no such thread'), { code: 'ESRCH' })
    return value
  }
  return {
    threadIds: () => listed,
    get: known,
    set: (threadId, value) => {
      known(threadId)
      if (refused.has(threadId)) throw Object.assign(new Error('permission denied'), { code: 'EACCES' })
      niceness.set(threadId, value)
    },
  }
}

describe('lowering the helper threads', () => {
  it('runs them as nice as the embedded database\'s thread', () => {
    expect(HELPER_THREAD_NICENESS).toBe(DATABASE_THREAD_NICENESS)
    expect(HELPER_THREAD_NICENESS).toBeGreaterThan(0)
  })

  it('lowers every thread but the main one to the main thread\'s niceness plus the step', () => {
    const niceness = new Map([[100, 2], [101, 2], [102, 0], [103, 5]])
    expect(lowerHelperThreads(threadsOf(niceness), 100, 10)).toBe(3)
    expect(Object.fromEntries(niceness)).toEqual({ 100: 2, 101: 12, 102: 12, 103: 12 })
  })

  it('leaves alone a thread already as nice or nicer, such as the database\'s', () => {
    const niceness = new Map([[100, 0], [101, 10], [102, 15], [103, 0]])
    expect(lowerHelperThreads(threadsOf(niceness), 100, 10)).toBe(1)
    expect(Object.fromEntries(niceness)).toEqual({ 100: 0, 101: 10, 102: 15, 103: 10 })
  })

  it('stops at 19, the lowest priority there is', () => {
    const niceness = new Map([[100, 15], [101, 15]])
    lowerHelperThreads(threadsOf(niceness), 100, 10)
    expect(niceness.get(101)).toBe(19)
  })

  it('goes on past a thread that ended or that the system will not lower', () => {
    const niceness = new Map([[100, 0], [102, 0], [103, 0]])
    const threads = threadsOf(niceness, [100, 101, 102, 103], new Set([102]))
    expect(lowerHelperThreads(threads, 100, 10)).toBe(1)
    expect(Object.fromEntries(niceness)).toEqual({ 100: 0, 102: 0, 103: 10 })
  })
})
