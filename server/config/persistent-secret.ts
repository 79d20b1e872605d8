import { randomBytes } from 'node:crypto'
import { linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

/** Secrets shorter than this are refused: they seal cookies and sign tokens. */
export const MIN_SECRET_LENGTH = 32

/**
 * The configured secret, or one generated on first start and kept in the data directory, so a
 * fresh checkout runs with no set-up and restarts keep sessions and tokens valid.
 */
export function loadOrCreateSecret(dataDir: string, fileName: string, configured: string | undefined, label: string): string {
  if (configured !== undefined) {
    if (configured.length < MIN_SECRET_LENGTH) throw new Error(`${label} must be at least ${MIN_SECRET_LENGTH} characters long`)
    return configured
  }
  mkdirSync(dataDir, { recursive: true })
  const path = join(dataDir, fileName)
  // Written aside, then linked into place: linking is atomic and fails when the file exists, so
  // two instances starting together both end up with the first one's complete secret.
  const draft = `${path}.${process.pid}.${randomBytes(4).toString('hex')}`
  writeFileSync(draft, randomBytes(32).toString('base64url'), { mode: 0o600 })
  try {
    linkSync(draft, path)
  }
  catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error
  }
  finally {
    rmSync(draft, { force: true })
  }
  const secret = readFileSync(path, 'utf8').trim()
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`${path} holds a secret shorter than ${MIN_SECRET_LENGTH} characters`)
  return secret
}
