import type { Summary } from '../hub/stats'
import type { Machine } from '../shared/machine'
import { DASHBOARD_BENCH } from './config'
import type { ScriptWeight } from './page-scripts'
import type { StreamingFigures } from './streaming-long-tasks'

export const DASHBOARD_SECTION_HEADING = '## Dashboard in the browser'

export interface DashboardFigures {
  machine: Machine
  load: string
  scripts: ScriptWeight
  lcp: Summary
  streaming: StreamingFigures
}

const verdict = (met: boolean) => (met ? 'met' : '**not met**')

/** The section of docs/BENCHMARKS.md for `npm run bench:dashboard`. */
export function dashboardSection({ machine, load, scripts, lcp, streaming }: DashboardFigures): string {
  const { targets } = DASHBOARD_BENCH
  const fastEnough = streaming.chunksPerSecond >= targets.chunksPerSecond * 0.9
  return `${DASHBOARD_SECTION_HEADING}

\`npm run bench:dashboard\` (code in \`tests/bench/dashboard/\`): the built server on loopback and
Debian's Chromium (headless), signed in as the campaign's owner. Measured ${machine.date} on
${machine.cpus} × ${machine.cpuModel}, ${machine.memory}, Node ${machine.node}; load average ${load}.

| figure | measured | target | |
|---|---|---|---|
| campaign page JavaScript (${scripts.files} files, cold load up to its hub connection) | ${scripts.gzipKb.toFixed(0)} KB gzipped (${scripts.rawKb.toFixed(0)} KB decompressed; ${scripts.transferredKb.toFixed(0)} KB sent) | ≤ ${targets.scriptGzipKb} KB gzipped | ${verdict(scripts.gzipKb <= targets.scriptGzipKb)} |
| Largest Contentful Paint, ${DASHBOARD_BENCH.loads} cold loads of a finished campaign | median ${lcp.median.toFixed(0)} ms (${lcp.min.toFixed(0)}–${lcp.max.toFixed(0)}) | ≤ ${targets.lcpMs} ms | ${verdict(lcp.max <= targets.lcpMs)} |
| long tasks (≥ 50 ms) while a run streams into the open page | ${streaming.longTasks}, longest ${streaming.longestTaskMs.toFixed(0)} ms | none over ${targets.longTaskMs} ms | ${verdict(streaming.longTasks === 0)} |
| chunks the hub sent a second subscriber during that run | ${streaming.chunks} at ${streaming.chunksPerSecond.toFixed(0)} a second | about ${targets.chunksPerSecond} a second | ${fastEnough ? 'reached' : '**not reached**: the long-task figure is for a slower stream'} |

The scripts are weighed decompressed and gzipped here at zlib's default level; the server sends
the Brotli copies the build stores (\`nitro.compressPublicAssets\`) to a browser that accepts them.
The run streams with \`OFFLINE_WRITER_PACE_MS=${DASHBOARD_BENCH.writerPaceMs}\`, three artifacts at once.
${streaming.longestFrame ? `The longest animation frame of 50 ms or more while it streamed (Long Animation Frames API): ${streaming.longestFrame}.` : 'No animation frame took 50 ms or more while it streamed (Long Animation Frames API).'}
`
}
