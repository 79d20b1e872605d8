import { spawn, spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname, tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DataDirError } from '../../../server/data-dir/data-dir-error'
import { LOCK_FILE, lockDataDir, type LockHolder } from '../../../server/data-dir/data-dir-lock'

describe('the data folder lock', () => {
  let dataDir: string
  let lockPath: string
  beforeEach(() => {
    dataDir = mkdtempSync(join(tmpdir(), 'map-lock-'))
    lockPath = join(dataDir, LOCK_FILE)
  })
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }))

  const holder = (): LockHolder => JSON.parse(readFileSync(lockPath, 'utf8'))
  const heldBy = (pid: number, host = hostname()) => writeFileSync(lockPath, JSON.stringify({ pid, host, claim: 'earlier' }))
  /** A PID that certainly ran and no longer does. */
  const deadPid = () => spawnSync(process.execPath, ['-e', '']).pid!

  it('names this process in the lock file, and removes it on release', () => {
    const lock = lockDataDir(dataDir)
    expect(holder()).toMatchObject({ pid: process.pid, host: hostname() })
    lock.release()
    lock.release()
    expect(() => readFileSync(lockPath)).toThrow(/ENOENT/)
  })

  it('refuses a folder held by a running process, naming the folder and its PID', () => {
    // The test runner that started this worker is certainly running.
    heldBy(process.ppid)
    expect(() => lockDataDir(dataDir)).toThrow(DataDirError)
    expect(() => lockDataDir(dataDir)).toThrow(`DATA_DIR ${dataDir} is in use by another server (PID ${process.ppid})`)
    expect(holder().pid).toBe(process.ppid)
  })

  it('takes over at once a lock whose process has ended', () => {
    heldBy(deadPid())
    lockDataDir(dataDir)
    expect(holder().pid).toBe(process.pid)
  })

  it('takes over a lock whose process was killed but not yet collected by its parent (a zombie)', async () => {
    // The shell starts a child that reads its input until closed, then becomes a program that never
    // collects children; closing the input then ends the child, which stays a zombie.
    const parent = spawn('sh', ['-c', 'exec 3<&0; cat <&3 >/dev/null & echo $!; exec sleep 60'], { stdio: ['pipe', 'pipe', 'ignore'] })
    try {
      const zombie = Number((await new Promise<Buffer>(resolve => parent.stdout.once('data', resolve))).toString())
      // Only once the shell is sleep, so no shell is left to collect the child.
      while (readFileSync(`/proc/${parent.pid}/comm`, 'utf8').trim() !== 'sleep') await new Promise(resolve => setTimeout(resolve, 10))
      parent.stdin.end()
      while (!readFileSync(`/proc/${zombie}/stat`, 'utf8').includes(') Z ')) await new Promise(resolve => setTimeout(resolve, 10))
      heldBy(zombie)
      lockDataDir(dataDir)
      expect(holder().pid).toBe(process.pid)
    }
    finally {
      parent.kill('SIGKILL')
    }
  })

  it('takes over a lock left by an earlier process that had this PID, as in a restarted container', () => {
    heldBy(process.pid)
    lockDataDir(dataDir)
    expect(holder()).toMatchObject({ pid: process.pid })
    expect(holder().claim).not.toBe('earlier')
  })

  it('takes over a lock file it cannot read as one', () => {
    writeFileSync(lockPath, 'not a lock')
    lockDataDir(dataDir)
    expect(holder().pid).toBe(process.pid)
  })

  it('refuses a lock held on another host, whose PID cannot be checked from here', () => {
    heldBy(deadPid(), 'another-host')
    expect(() => lockDataDir(dataDir)).toThrow(`on host another-host). Stop that server or set DATA_DIR to another folder; if no such server is running, delete ${lockPath}.`)
  })

  it('leaves alone, on release, a lock that another server has since taken', () => {
    const lock = lockDataDir(dataDir)
    heldBy(process.ppid)
    lock.release()
    expect(holder().pid).toBe(process.ppid)
  })
})
