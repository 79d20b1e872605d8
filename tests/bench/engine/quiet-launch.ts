import { registerUser } from '../../support/api-client'
import { createCampaigns, launch } from './campaigns'
import { ENGINE_BENCH } from './config'
import { startDeployment, type BenchDeployment } from './deployment'
import { followCampaigns } from './hub-follower'

export interface QuietLaunchFigures {
  build: string
  deployment: BenchDeployment
  /** Launch → OnCampaignCompleted, ms, each launched as soon as the one before it completed. */
  rightAfterMs: number[]
  /** The same, each launched after ENGINE_BENCH.quietSeconds with no requests at all. */
  afterQuietMs: number[]
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms))

/**
 * One campaign launched at a time, as a marketer launches them: right after another run, and after
 * a quiet moment longer than the database driver keeps an idle connection open (10 s), so a launch
 * that has to open connections and prepare its statements again shows against one that does not.
 * A fresh deployment; one launch first, unmeasured, so both kinds find the server past its start.
 */
export async function measureQuietLaunches(build: { label: string, path: string }, deployment: BenchDeployment): Promise<QuietLaunchFigures> {
  const running = await startDeployment(deployment, {
    env: { OFFLINE_WRITER_PACE_MS: '0' },
    concurrency: undefined,
    buildDir: build.path,
    probePort: false,
    nodeArgsFor: () => [],
  })
  try {
    const app = running.front
    const user = await registerUser(app.url)
    const ids = await createCampaigns(user.client, 1 + 2 * ENGINE_BENCH.quietLaunches)
    const follower = await followCampaigns(app.url, user.client, ids)
    try {
      const timed = async (id: string) => {
        const sent = performance.now()
        await launch(user.client, id)
        await follower.completed(id, ENGINE_BENCH.scenarioTimeoutMs)
        return follower.completedAt.get(id)! - sent
      }
      const figures: QuietLaunchFigures = { build: build.label, deployment, rightAfterMs: [], afterQuietMs: [] }
      const next = ids.values()
      await timed(next.next().value!)
      for (let n = 0; n < ENGINE_BENCH.quietLaunches; n++) {
        figures.rightAfterMs.push(await timed(next.next().value!))
        await sleep(ENGINE_BENCH.quietSeconds * 1000)
        figures.afterQuietMs.push(await timed(next.next().value!))
      }
      return figures
    }
    finally {
      await follower.stop()
    }
  }
  finally {
    await running.stop()
  }
}
