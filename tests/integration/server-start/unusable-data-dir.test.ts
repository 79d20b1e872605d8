import { execFileSync } from 'node:child_process'
import { mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { createDataDir, runAppExpectingExit } from '../../support/app-server'

const NO_STACK_TRACE = /^\s+at /m

describe('a DATA_DIR the server cannot write to', () => {
  const scratch = createDataDir()
  const immutable = join(scratch, 'immutable')
  afterAll(() => {
    execFileSync('chattr', ['-i', immutable])
    rmSync(scratch, { recursive: true, force: true })
  })

  it('stops with one line naming the folder when it cannot be created (its parent is a file)', async () => {
    writeFileSync(join(scratch, 'a-file'), '')
    const dataDir = join(scratch, 'a-file', 'data')
    const ended = await runAppExpectingExit({ DATA_DIR: dataDir })
    expect(ended.exitCode).toBe(1)
    expect(ended.output).toContain(`DATA_DIR ${dataDir} is not writable: ENOTDIR: not a directory`)
    expect(ended.output).toContain('Set DATA_DIR to a writable folder.')
    expect(ended.output).not.toMatch(NO_STACK_TRACE)
  })

  it('stops with one line naming the folder when it exists but refuses new files', async () => {
    // Root ignores permission bits; an immutable folder refuses even root (tests run as root).
    mkdirSync(immutable)
    execFileSync('chattr', ['+i', immutable])
    const ended = await runAppExpectingExit({ DATA_DIR: immutable })
    expect(ended.exitCode).toBe(1)
    expect(ended.output).toContain(`DATA_DIR ${immutable} is not writable: EPERM: operation not permitted`)
    expect(ended.output).not.toMatch(NO_STACK_TRACE)
  })

  it('checks the folder with PostgreSQL too while a secret still has to be generated in it', async () => {
    writeFileSync(join(scratch, 'another-file'), '')
    const dataDir = join(scratch, 'another-file', 'data')
    // Never reached: the folder is checked before any connection is made.
    const ended = await runAppExpectingExit({ DATA_DIR: dataDir, DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' })
    expect(ended.exitCode).toBe(1)
    expect(ended.output).toContain(`DATA_DIR ${dataDir} is not writable: ENOTDIR`)
    expect(ended.output).not.toMatch(NO_STACK_TRACE)
  })
})

describe('an invalid setting read with the data folder', () => {
  it('stops the server with one line naming it', async () => {
    const dataDir = createDataDir()
    try {
      const ended = await runAppExpectingExit({ DATA_DIR: dataDir, REGISTRATION_OPEN: 'maybe' })
      expect(ended.exitCode).toBe(1)
      expect(ended.output).toContain('Invalid configuration: REGISTRATION_OPEN must be true or false, not "maybe"')
      expect(ended.output).not.toMatch(NO_STACK_TRACE)
    }
    finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('LOG_LEVEL too', async () => {
    const dataDir = createDataDir()
    try {
      const ended = await runAppExpectingExit({ DATA_DIR: dataDir, LOG_LEVEL: 'verbose' })
      expect(ended.exitCode).toBe(1)
      expect(ended.output).toContain('Invalid configuration: LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"')
      expect(ended.output).not.toMatch(NO_STACK_TRACE)
    }
    finally {
      rmSync(dataDir, { recursive: true, force: true })
    }
  })
})
