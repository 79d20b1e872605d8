import { describe, expect, it } from 'vitest'
import { burstHealthDurations, healthDurationBuckets } from '../../bench/engine/health-durations'

/** A /metrics text with the given cumulative /health counts per bound, for one status, and a REST route beside them. */
function metrics(health: Record<string, number>, status = '200'): string {
  const lines = Object.entries(health).map(([le, count]) =>
    `http_request_duration_seconds_bucket{le="${le}",method="GET",route="/health",status="${status}"} ${count}`)
  lines.push('http_request_duration_seconds_bucket{le="0.005",method="GET",route="/api/campaigns/:id",status="200"} 999')
  return `# HELP http_request_duration_seconds …\n${lines.join('\n')}\n`
}

describe('the server\'s own timing of /health in the engine benchmark', () => {
  it('reads only /health, summing its statuses per bound', () => {
    const text = metrics({ '0.005': 3, '0.01': 4, '+Inf': 4 }) + metrics({ '0.005': 0, '0.01': 1, '+Inf': 1 }, '503')
    expect([...healthDurationBuckets(text)]).toEqual([[0.005, 3], [0.01, 5], [Number.POSITIVE_INFINITY, 5]])
  })

  it('counts the burst alone and names the bound 99 % of it finished within', () => {
    const before = healthDurationBuckets(metrics({ '0.005': 10, '0.01': 10, '0.025': 10, '+Inf': 11 }))
    // 200 during the burst: 190 within 5 ms, 7 more within 10 ms (197, under 99 %), the last 3 within 25 ms.
    const after = healthDurationBuckets(metrics({ '0.005': 200, '0.01': 207, '0.025': 210, '+Inf': 211 }))
    expect(burstHealthDurations(before, after)).toEqual({ requests: 200, p99AtMostMs: 25 })
  })

  it('stops at the first bound holding 99 %', () => {
    const after = healthDurationBuckets(metrics({ '0.005': 99, '0.01': 100, '+Inf': 100 }))
    expect(burstHealthDurations(new Map(), after)).toEqual({ requests: 100, p99AtMostMs: 5 })
  })

  it('has no bound without requests', () => {
    const same = healthDurationBuckets(metrics({ '0.005': 4, '+Inf': 4 }))
    expect(burstHealthDurations(same, same)).toEqual({ requests: 0, p99AtMostMs: null })
  })
})
