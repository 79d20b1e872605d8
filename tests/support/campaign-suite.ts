import { afterAll, beforeAll } from 'vitest'
import { registerUser, type RegisteredUser } from './api-client'
import type { RunningApp } from './app-server'
import { startCampaignApp } from './campaigns'

/** What the tests of one file share; filled in by the time the file's own `beforeAll` hooks run. */
export interface CampaignSuite {
  app: RunningApp
  owner: RegisteredUser
}

/**
 * Starts the campaign app (see `startCampaignApp`, `env` on top) and signs up an owner before the
 * file's tests, and stops the app after them. Call it at the top of a `describe`.
 */
export function useCampaignApp(env: Record<string, string> = {}): CampaignSuite {
  const suite = {} as CampaignSuite
  beforeAll(async () => {
    suite.app = await startCampaignApp(env)
    suite.owner = await registerUser(suite.app.url)
  })
  afterAll(() => suite.app?.stop())
  return suite
}
