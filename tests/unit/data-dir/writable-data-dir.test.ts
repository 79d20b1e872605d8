import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ensureWritableDataDir } from '../../../server/data-dir/writable-data-dir'

describe('the writable data folder check', () => {
  let scratch: string
  beforeEach(() => {
    scratch = mkdtempSync(join(tmpdir(), 'map-writable-'))
  })
  afterEach(() => rmSync(scratch, { recursive: true, force: true }))

  it('creates a missing folder and leaves nothing behind in it', () => {
    const dataDir = join(scratch, 'nested', 'data')
    ensureWritableDataDir(dataDir)
    expect(readdirSync(dataDir)).toEqual([])
  })

  it('says which folder cannot be written, why, and what to do', () => {
    writeFileSync(join(scratch, 'file'), '')
    const dataDir = join(scratch, 'file', 'data')
    expect(() => ensureWritableDataDir(dataDir)).toThrow(
      new RegExp(`^DATA_DIR ${dataDir} is not writable: ENOTDIR: not a directory, mkdir '${dataDir}'\\. Set DATA_DIR to a writable folder\\.$`),
    )
  })
})
