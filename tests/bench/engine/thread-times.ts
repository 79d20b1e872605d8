import { readdirSync, readFileSync } from 'node:fs'

/** One thread's cumulative times from Linux's schedstat, in nanoseconds. */
export interface ThreadClock {
  /** Time on a core. */
  runNs: number
  /** Time ready to run while no core was free. */
  waitNs: number
}

/** Where a server's CPU went over the burst, and how long its main thread waited for a core. */
export interface ThreadTimes {
  mainRunMs: number
  /** Ready to run, with no core free: time a busy machine adds to every answer the main thread gives. */
  mainWaitMs: number
  /** Every other thread of the process: the embedded database's, V8's helpers, libuv's pool. */
  othersRunMs: number
}

/**
 * Every thread of process `pid` with its clock (`/proc/<pid>/task/<tid>/schedstat`: run and wait
 * nanoseconds, then timeslices), or null where the kernel does not keep them (not Linux). A thread
 * that ends while the folder is read is left out.
 */
export function readThreadClocks(pid: number, read: (path: string) => string = path => readFileSync(path, 'utf8'), list: (path: string) => string[] = readdirSync): Map<number, ThreadClock> | null {
  let threadIds: string[]
  try {
    threadIds = list(`/proc/${pid}/task`)
  }
  catch {
    return null
  }
  const clocks = new Map<number, ThreadClock>()
  for (const threadId of threadIds) {
    let fields: number[]
    try {
      fields = read(`/proc/${pid}/task/${threadId}/schedstat`).trim().split(/\s+/).map(Number)
    }
    catch {
      continue
    }
    const [runNs, waitNs] = fields
    if (Number.isFinite(runNs) && Number.isFinite(waitNs)) clocks.set(Number(threadId), { runNs: runNs!, waitNs: waitNs! })
  }
  return clocks
}

/**
 * The times between two readings of the same process. A thread started in between counts from zero;
 * one that ended in between is lost with its time, as the kernel keeps no record of it.
 */
export function threadTimesBetween(before: Map<number, ThreadClock>, after: Map<number, ThreadClock>, mainThreadId: number): ThreadTimes {
  const times: ThreadTimes = { mainRunMs: 0, mainWaitMs: 0, othersRunMs: 0 }
  for (const [threadId, clock] of after) {
    const start = before.get(threadId) ?? { runNs: 0, waitNs: 0 }
    const runMs = (clock.runNs - start.runNs) / 1e6
    if (threadId === mainThreadId) {
      times.mainRunMs = runMs
      times.mainWaitMs = (clock.waitNs - start.waitNs) / 1e6
    }
    else {
      times.othersRunMs += runMs
    }
  }
  return times
}
