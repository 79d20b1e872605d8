import { randomBytes } from 'node:crypto'
import { mkdirSync, unlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { DataDirError } from './data-dir-error'

/**
 * Creates the data folder when needed and proves a file can be written in it. Permission bits
 * alone do not tell (root ignores them, a read-only mount does not), so a real file is written.
 */
export function ensureWritableDataDir(dataDir: string): void {
  const probe = join(dataDir, `.write-check-${process.pid}-${randomBytes(4).toString('hex')}`)
  try {
    mkdirSync(dataDir, { recursive: true })
    writeFileSync(probe, '')
    unlinkSync(probe)
  }
  catch (error) {
    throw new DataDirError(`DATA_DIR ${dataDir} is not writable: ${(error as Error).message}. Set DATA_DIR to a writable folder.`)
  }
}
