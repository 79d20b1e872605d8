import { randomBytes } from 'node:crypto'
import type { RunningApp } from './app-server'
import { startCampaignApp } from './campaigns'

/** What every instance of one deployment shares: the database and the secrets that sign sessions and hub tokens. */
export function clusterEnv(databaseUrl: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    NUXT_SESSION_PASSWORD: randomBytes(32).toString('hex'),
    HUB_TOKEN_SECRET: randomBytes(32).toString('hex'),
    ...extra,
  }
}

/** Instances of one deployment, started together. */
export function startInstances(count: number, env: Record<string, string>): Promise<RunningApp[]> {
  return Promise.all(Array.from({ length: count }, () => startCampaignApp(env)))
}

/** Kills the process as a crash would (kill -9) and resolves once it is gone. */
export async function crash(app: RunningApp): Promise<void> {
  if (app.process.exitCode !== null || app.process.signalCode !== null) return
  const exited = new Promise(resolve => app.process.once('exit', resolve))
  app.process.kill('SIGKILL')
  await exited
}

/** How many times this instance started executing the campaign's runs, read from its log. */
export function executionsOf(app: RunningApp, campaignId: string): number {
  return app.output().split('\n').filter(line => line.includes('Campaign run started') && line.includes(campaignId)).length
}

/** The instance that executes the campaign's run, once one has started it. */
export async function executorOf(apps: RunningApp[], campaignId: string, timeoutMs = 20_000): Promise<RunningApp> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const executor = apps.find(app => executionsOf(app, campaignId) > 0)
    if (executor) return executor
    if (Date.now() > deadline) throw new Error(`No instance started the run of ${campaignId}`)
    await new Promise(resolve => setTimeout(resolve, 50))
  }
}

/** The instance's log lines about the campaign, to explain a failed count. */
export function linesAbout(app: RunningApp, campaignId: string): string {
  return app.output().split('\n').filter(line => line.includes(campaignId)).join('\n')
}
