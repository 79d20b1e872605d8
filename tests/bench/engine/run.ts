import { loadavg } from 'node:os'
import { resolve } from 'node:path'
import { summarize } from '../hub/stats'
import { ENGINE_BENCH } from './config'
import { describeMachine } from '../shared/machine'
import { writeSection } from '../shared/benchmarks-doc'
import { figuresTable, profileTables, quietLaunchTable, section, SECTION_HEADING } from './report'
import { measureQuietLaunches, type QuietLaunchFigures } from './quiet-launch'
import { combineRounds } from './rounds'
import { runScenario, type ScenarioFigures } from './scenario'
import { untilTimeWaitClears } from './time-wait'
import type { BenchDeployment } from './deployment'
import { whyPostgresDoesNotAnswer } from '../../support/test-databases'
import { rotated } from '../shared/rotation'

/**
 * The campaign engine under a burst: every scenario generates ENGINE_BENCH.campaigns campaigns
 * at once on a fresh built server, then the figures go to the console and docs/BENCHMARKS.md.
 * `BENCH_NO_WRITE=1` prints without touching the doc.
 */
const log = (line: string) => process.stderr.write(`${line}\n`)

/** The deployments to measure: PostgreSQL's left out when it was not asked for and no server answers. */
async function deploymentsToRun(): Promise<BenchDeployment[]> {
  if (ENGINE_BENCH.deploymentsChosen || ENGINE_BENCH.deployments.every(deployment => deployment === 'embedded')) return [...ENGINE_BENCH.deployments]
  const unreachable = await whyPostgresDoesNotAnswer()
  if (!unreachable) return [...ENGINE_BENCH.deployments]
  log(`PostgreSQL does not answer at TEST_POSTGRES_URL (${unreachable}): measuring the embedded database only. Set BENCH_DEPLOYMENTS to require it.`)
  return ENGINE_BENCH.deployments.filter(deployment => deployment === 'embedded')
}

async function main(): Promise<void> {
  const deployments = await deploymentsToRun()
  const machine = describeMachine()
  const loadSamples: number[] = [loadavg()[0]!]
  const sampler = setInterval(() => loadSamples.push(loadavg()[0]!), 2_000)
  const rounds = new Map<string, ScenarioFigures[]>()
  const quiet: QuietLaunchFigures[] = []
  try {
    for (let round = 1; round <= ENGINE_BENCH.rounds; round++) {
      for (const deployment of deployments) {
        for (const concurrency of ENGINE_BENCH.concurrencies) {
          // The builds take turns going first: the scenario before another leaves the machine warmer or busier.
          for (const build of rotated(ENGINE_BENCH.builds, round - 1)) {
            log(`round ${round} of ${ENGINE_BENCH.rounds}: ${build.label} build, ${deployment}, CAMPAIGN_RUN_CONCURRENCY=${concurrency ?? 'default'}`)
            await untilTimeWaitClears(log)
            const figures = await runScenario(build, deployment, concurrency, log)
            const key = `${deployment}/${concurrency}/${build.label}`
            rounds.set(key, [...rounds.get(key) ?? [], figures])
            log(`  ${figuresTable([figures]).split('\n').at(-1)}`)
          }
        }
      }
    }
    for (const deployment of ENGINE_BENCH.quietLaunches > 0 ? deployments : []) {
      for (const build of ENGINE_BENCH.builds) {
        log(`launches one at a time, right after another and after ${ENGINE_BENCH.quietSeconds} s of quiet: ${build.label} build, ${deployment}`)
        quiet.push(await measureQuietLaunches(build, deployment))
        log(`  ${quietLaunchTable(quiet.slice(-1)).split('\n').at(-1)}`)
      }
    }
  }
  finally {
    clearInterval(sampler)
  }
  const results = [...rounds.values()].map(combineRounds)
  const load = summarize(loadSamples)
  const loadText = `${load.median.toFixed(1)} (${load.min.toFixed(1)}–${load.max.toFixed(1)})`
  console.log(`\n${figuresTable(results)}\n\n${quietLaunchTable(quiet)}\n\nload average ${loadText} on ${machine.cpus} CPUs\n\n${profileTables(results)}`)
  if (!process.env.BENCH_NO_WRITE) {
    const path = resolve('docs/BENCHMARKS.md')
    writeSection(path, SECTION_HEADING, section(results, quiet, machine, loadText))
    log(`wrote the "Campaign engine" section of ${path}`)
  }
  if (results.some(result => result.completed < result.campaigns)) process.exitCode = 1
}

main().then(() => process.exit(), (error: unknown) => {
  console.error(error)
  process.exit(1)
})
