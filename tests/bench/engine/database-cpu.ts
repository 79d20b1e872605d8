import { readdirSync, readFileSync } from 'node:fs'

/** How often the database's processes are looked for: a backend that ends between looks loses at most this much of its time. */
const LOOK_EVERY_MS = 50

export interface DatabaseCpuSampler {
  /** Milliseconds the database's processes spent on a core since sampling started. */
  stop: () => number
}

interface ProcFiles {
  list: (path: string) => string[]
  read: (path: string) => string
}

const PROC: ProcFiles = { list: readdirSync, read: path => readFileSync(path, 'utf8') }

/**
 * The CPU a PostgreSQL server on this machine spends over the burst (its backends, WAL writer and
 * the rest): the processes whose command is `command`, each one's time on a core from Linux's
 * schedstat. Backends start and end with connections, so the processes are looked for again every
 * 50 ms; one started in between counts from zero. Null where no such process is visible (not
 * Linux, or the server runs elsewhere).
 */
export function sampleDatabaseCpu(command = 'postgres', proc: ProcFiles = PROC): DatabaseCpuSampler | null {
  const others = new Set<string>()
  const first = runTimes(command, proc, others)
  if (!first || first.size === 0) return null
  const last = new Map(first)
  const look = () => {
    for (const [pid, runNs] of runTimes(command, proc, others) ?? []) {
      if (!first.has(pid)) first.set(pid, 0)
      last.set(pid, runNs)
    }
  }
  // Unreferenced: a scenario that fails before stopping it must not keep the benchmark running.
  const timer = setInterval(look, LOOK_EVERY_MS).unref()
  return {
    stop: () => {
      clearInterval(timer)
      look()
      let runNs = 0
      for (const [pid, start] of first) runNs += last.get(pid)! - start
      return runNs / 1e6
    },
  }
}

/**
 * Every process named `command`, by id, with its nanoseconds on a core; null where there is no
 * /proc. Processes found to be something else are added to `others` and not read again.
 */
function runTimes(command: string, proc: ProcFiles, others: Set<string>): Map<number, number> | null {
  let entries: string[]
  try {
    entries = proc.list('/proc')
  }
  catch {
    return null
  }
  const times = new Map<number, number>()
  for (const entry of entries) {
    if (others.has(entry) || !/^\d+$/.test(entry)) continue
    try {
      if (proc.read(`/proc/${entry}/comm`).trim() !== command) {
        others.add(entry)
        continue
      }
      const runNs = Number(proc.read(`/proc/${entry}/schedstat`).split(/\s+/)[0])
      if (Number.isFinite(runNs)) times.set(Number(entry), runNs)
    }
    catch { /* ended while being read */ }
  }
  return times
}
