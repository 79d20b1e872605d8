import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import { loadEngineConfig } from '../../../server/engine/engine-config'
import { ENGINE_BENCH } from './config'
import type { Machine } from './machine'
import type { ScenarioFigures } from './scenario'

export const SECTION_HEADING = '## Campaign engine'

const label = (concurrency: number | undefined) => (concurrency === undefined ? `default (${loadEngineConfig({}).runConcurrency})` : String(concurrency))

export function figuresTable(results: ScenarioFigures[]): string {
  const rows = [
    '| database | CAMPAIGN_RUN_CONCURRENCY | completed | wall s | runs/s | generate → completed p50 / p95 ms | hub events delivered | events/s | GET /api/campaigns/{id} p50 / p95 ms (samples) |',
    '|---|---|---|---|---|---|---|---|---|',
  ]
  for (const r of results) {
    rows.push(`| ${r.database} | ${label(r.concurrency)} | ${r.completed}/${r.campaigns} | ${r.wallSeconds.toFixed(1)} | ${r.runsPerSecond.toFixed(1)} | `
      + `${r.p50GenerateToCompletedMs.toFixed(0)} / ${r.p95GenerateToCompletedMs.toFixed(0)} | ${r.eventsDelivered} | ${r.eventsPerSecond.toFixed(0)} | `
      + `${r.p50RestMs.toFixed(1)} / ${r.p95RestMs.toFixed(1)} (${r.restSamples}${r.restErrors ? `, ${r.restErrors} errors` : ''}) |`)
  }
  return rows.join('\n')
}

export function section(results: ScenarioFigures[], machine: Machine, load: string): string {
  return `${SECTION_HEADING}

\`npm run bench:engine\` (code in \`tests/bench/engine/\`): the built server on loopback with the
offline writer at zero pace (\`OFFLINE_WRITER_PACE_MS=0\`); one user creates ${ENGINE_BENCH.campaigns} campaigns,
then generates them all at once (${ENGINE_BENCH.campaigns} concurrent \`POST …/generate\`). One official
\`@microsoft/signalr\` connection (WebSockets, JSON) joins all ${ENGINE_BENCH.campaigns} groups and counts every
event it is sent; ${ENGINE_BENCH.restSamplers} loops read random campaigns (\`GET /api/campaigns/{id}\`) back to back
meanwhile. Each row is a fresh server and a fresh database: the embedded one (the default), and
PostgreSQL 15 on the same machine where listed (\`BENCH_DATABASES=embedded,postgres\`).

- runs/s and events/s: over the wall time from the first generate request to the last
  \`OnCampaignCompleted\`.
- generate → completed: from sending a campaign's generate request (answered 202) to its
  \`OnCampaignCompleted\` arriving at the hub client; queued runs wait for a free slot, so this
  grows with the number of campaigns and shrinks with the concurrency.
- REST latency: the embedded database is a single in-process session, so REST reads wait their
  turn behind the runs' writes; the PostgreSQL rows show the same load on a server database.
  The sample count says how many reads completed during the burst.
- The rate limit is raised for this run (\`RATE_LIMIT_PER_MINUTE=${ENGINE_BENCH.rateLimitPerMinute}\`): the contract's
  100 requests per minute per user would otherwise throttle the single user driving the load.

Measured ${machine.date} on ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memory}, Node ${machine.node};
1-minute load average during the run ${load} (the machine is shared: other work skews these figures).

${figuresTable(results)}
`
}

/**
 * Writes this benchmark's section into docs/BENCHMARKS.md: replaces its own section when present,
 * appends it otherwise, and leaves every other section as it is.
 */
export function writeSection(path: string, text: string): void {
  if (!existsSync(path)) {
    writeFileSync(path, `# Benchmarks\n\n${text}`)
    return
  }
  const current = readFileSync(path, 'utf8')
  const start = current.indexOf(`${SECTION_HEADING}\n`)
  if (start === -1) {
    writeFileSync(path, `${current.trimEnd()}\n\n${text}`)
    return
  }
  const next = current.indexOf('\n## ', start + SECTION_HEADING.length)
  const after = next === -1 ? '' : current.slice(next + 1)
  writeFileSync(path, `${current.slice(0, start)}${text}${after ? `\n${after}` : ''}`)
}
