import { randomBytes } from 'node:crypto'
import { linkSync, readFileSync, renameSync, unlinkSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import { join } from 'node:path'
import { DataDirError } from './data-dir-error'
import { isProcessRunning } from './process-running'

export const LOCK_FILE = 'server.lock'

/** Who holds the data folder, as written in its lock file. */
export interface LockHolder {
  pid: number
  host: string
  /** Tells this claim from an earlier one by a process that had the same PID. */
  claim: string
}

export interface DataDirLock {
  path: string
  /** Removes the lock file if it is still this process's; safe to call more than once. */
  release: () => void
}

/** Claims rarely collide; each retry follows another process's claim or release, so a few suffice. */
const MAX_ATTEMPTS = 5

/**
 * An exclusive claim on the data folder for this process, the way PostgreSQL guards its own with
 * postmaster.pid: a lock file naming the holder's PID, created only if absent, and taken over at
 * once when that PID is no longer running. A lock that only expires with time (proper-lockfile's
 * mtime staleness) would keep a server restarted right after kill -9 out for that long, and an
 * OS lock released by the kernel (flock) needs a native module; a PID needs neither.
 */
export function lockDataDir(dataDir: string): DataDirLock {
  const path = join(dataDir, LOCK_FILE)
  const ours: LockHolder = { pid: process.pid, host: hostname(), claim: randomBytes(8).toString('hex') }
  const text = JSON.stringify(ours)
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    if (createIfAbsent(path, text)) return { path, release: () => removeIfUnchanged(path, text) }
    const found = readIfPresent(path)
    if (found === undefined) continue
    const holder = parseHolder(found)
    if (holder && isRunning(holder)) throw new DataDirError(inUseMessage(dataDir, path, holder))
    takeOverStale(dataDir, path, found)
  }
  throw new DataDirError(`DATA_DIR ${dataDir} could not be locked: other servers kept claiming it. Give each server its own DATA_DIR.`)
}

function inUseMessage(dataDir: string, path: string, holder: LockHolder): string {
  const where = holder.host === hostname() ? '' : ` on host ${holder.host}`
  return `DATA_DIR ${dataDir} is in use by another server (PID ${holder.pid}${where}). `
    + `Stop that server or set DATA_DIR to another folder; if no such server is running, delete ${path}.`
}

/** Written aside, then linked into place: the lock appears complete or not at all, never half written. */
function createIfAbsent(path: string, text: string): boolean {
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`
  try {
    writeFileSync(draft, text)
    linkSync(draft, path)
    return true
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw new DataDirError(`The lock file ${path} could not be created: ${(error as Error).message}`)
  }
  finally {
    try {
      unlinkSync(draft)
    }
    catch { /* never written */ }
  }
}

function readIfPresent(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined
    throw new DataDirError(`The lock file ${path} could not be read: ${(error as Error).message}`)
  }
}

function parseHolder(text: string): LockHolder | undefined {
  try {
    const value = JSON.parse(text) as Partial<LockHolder>
    if (Number.isSafeInteger(value.pid) && typeof value.host === 'string' && typeof value.claim === 'string') return value as LockHolder
  }
  catch { /* not a lock this server wrote: nothing holds it */ }
  return undefined
}

/**
 * A PID is only meaningful on its own machine: a holder on another host (a folder shared over the
 * network, or another container's) is taken to be running. Our own PID in the file is an earlier
 * life of this server that had the same PID, as PID 1 in a restarted container does.
 */
function isRunning(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true
  return holder.pid !== process.pid && isProcessRunning(holder.pid)
}

/**
 * Moves the stale lock aside rather than deleting it: renaming is atomic, so if another server
 * claimed the folder since the stale lock was read, its fresh lock is what was moved, and it is
 * put back untouched instead of being lost.
 */
function takeOverStale(dataDir: string, path: string, staleText: string): void {
  const aside = `${path}.stale.${process.pid}.${randomBytes(4).toString('hex')}`
  try {
    renameSync(path, aside)
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw new DataDirError(`The stale lock file ${path} could not be removed: ${(error as Error).message}`)
  }
  try {
    if (readFileSync(aside, 'utf8') !== staleText) linkSync(aside, path)
  }
  catch {
    // Only a third server claiming the folder in the same instant gets here: stand back.
    throw new DataDirError(`DATA_DIR ${dataDir} could not be locked: several servers are starting on it at once. Give each server its own DATA_DIR.`)
  }
  finally {
    unlinkSync(aside)
  }
}

function removeIfUnchanged(path: string, text: string): void {
  try {
    if (readFileSync(path, 'utf8') === text) unlinkSync(path)
  }
  catch { /* already gone: nothing to release */ }
}
