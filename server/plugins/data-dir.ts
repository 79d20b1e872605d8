import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { HUB_TOKEN_SECRET_FILE } from '../app/services'
import { loadAppConfig, type AppConfig } from '../config/app-config'
import { DataDirError } from '../data-dir/data-dir-error'
import { lockDataDir } from '../data-dir/data-dir-lock'
import { ensureWritableDataDir } from '../data-dir/writable-data-dir'
import { SESSION_SECRET_FILE } from './session-secret'

// Registered before every other plugin (nuxt.config.ts): the data folder is checked, and claimed
// for this process, before the embedded database opens in it or a secret is written to it.
export default defineNitroPlugin(() => {
  const config = configOrStop()
  try {
    if (config.databaseUrl === undefined) {
      // The embedded database is one process's files: a second server on them would lose writes.
      ensureWritableDataDir(config.dataDir)
      const lock = lockDataDir(config.dataDir)
      // Any exit releases it; kill -9 leaves the file behind, and the next start takes it over
      // because the PID in it no longer runs.
      process.once('exit', lock.release)
    }
    else if (generatesSecrets(config)) {
      // With PostgreSQL the folder only holds the secrets, read-only once generated: instances may share it.
      ensureWritableDataDir(config.dataDir)
    }
  }
  catch (error) {
    if (error instanceof DataDirError) stopServer(error.message)
    throw error
  }
})

function configOrStop(): AppConfig {
  try {
    return loadAppConfig()
  }
  catch (error) {
    stopServer(`Invalid configuration: ${(error as Error).message}`)
  }
}

function generatesSecrets(config: AppConfig): boolean {
  return [
    [config.sessionPassword, SESSION_SECRET_FILE],
    [config.hubTokenSecret, HUB_TOKEN_SECRET_FILE],
  ].some(([configured, file]) => configured === undefined && !existsSync(join(config.dataDir, file!)))
}
