import { readdirSync } from 'node:fs'
import { getPriority, setPriority } from 'node:os'
import { DATABASE_THREAD_NICENESS } from '../db/embedded/worker-source'

/**
 * How much nicer than the main thread the process's helper threads run: V8's garbage-collection and
 * compiler threads, and libuv's pool (file reads, password hashing, DNS). On two busy cores they
 * held a core while the main thread, with pages, REST, the hub and health probes to answer, waited
 * for one: in the engine benchmark's bursts the main thread spent about half of a slow probe's wait
 * ready to run, and these threads used a fifth to a quarter of the server's CPU. Lowered, they still
 * have every idle core at full speed, as the embedded database's thread does, and share equally
 * with it what the main thread leaves (docs/BENCHMARKS.md).
 */
export const HELPER_THREAD_NICENESS = DATABASE_THREAD_NICENESS

/** The calls that see and set one thread's priority (Linux keeps a nice value per thread). */
export interface ThreadPriorities {
  /** The ids of the process's threads, the main one's included. */
  threadIds(): number[]
  get(threadId: number): number
  set(threadId: number, niceness: number): void
}

/** This process's threads, from /proc (Linux). */
export const processThreads: ThreadPriorities = {
  threadIds: () => readdirSync('/proc/self/task').map(Number),
  get: getPriority,
  set: setPriority,
}

/**
 * Lowers every thread but the main one to the main thread's niceness plus `niceness` (at most 19);
 * a thread already as nice is left alone, and so is one the system refuses or that has ended.
 * Returns how many were lowered. Threads started later inherit their creator's priority.
 */
export function lowerHelperThreads(threads: ThreadPriorities, mainThreadId: number, niceness = HELPER_THREAD_NICENESS): number {
  const lowered = Math.min(19, threads.get(mainThreadId) + niceness)
  let count = 0
  for (const threadId of threads.threadIds()) {
    if (threadId === mainThreadId) continue
    try {
      if (threads.get(threadId) >= lowered) continue
      threads.set(threadId, lowered)
      count++
    }
    catch { /* refused, or the thread ended meanwhile: it keeps its priority */ }
  }
  return count
}
