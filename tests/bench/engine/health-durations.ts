/**
 * `GET /health` as the server itself timed it, from the request's arrival to its last byte sent
 * (`http_request_duration_seconds`, route `/health`, both ports): what a probe's latency would be
 * without the wait before the server reads it (a busy event loop, a core to wait for) and the
 * benchmark's own delays. The histogram keeps counting, so the burst's share is the difference of
 * a scrape before it and one after.
 */
export interface ServerHealthDurations {
  /** `/health` requests the server answered during the burst. */
  requests: number
  /** The histogram's smallest bound (ms) that 99 % of them finished within; null without requests. */
  p99AtMostMs: number | null
}

const BUCKET = /^http_request_duration_seconds_bucket\{([^}]*)\} ([0-9.e+-]+)$/gm

/** Cumulative `/health` counts by bucket bound in seconds (every status summed); +Inf as Infinity. */
export function healthDurationBuckets(metrics: string): Map<number, number> {
  const buckets = new Map<number, number>()
  for (const [, labels, count] of metrics.matchAll(BUCKET)) {
    if (!/\broute="\/health"/.test(labels!)) continue
    const bound = /\ble="([^"]+)"/.exec(labels!)?.[1]
    if (bound === undefined) continue
    const seconds = bound === '+Inf' ? Number.POSITIVE_INFINITY : Number(bound)
    buckets.set(seconds, (buckets.get(seconds) ?? 0) + Number(count))
  }
  return buckets
}

export function burstHealthDurations(before: Map<number, number>, after: Map<number, number>): ServerHealthDurations {
  const bounds = [...after.keys()].sort((a, b) => a - b)
  const during = (bound: number) => (after.get(bound) ?? 0) - (before.get(bound) ?? 0)
  const requests = bounds.length > 0 ? during(bounds.at(-1)!) : 0
  if (requests === 0) return { requests, p99AtMostMs: null }
  const bound = bounds.find(candidate => during(candidate) >= 0.99 * requests)!
  return { requests, p99AtMostMs: bound * 1000 }
}
