import type { KeptAliveClient } from './kept-alive-client'

export interface LatencySamples {
  /** Milliseconds per answer with the expected status. */
  latenciesMs: number[]
  errors: number
}

/** How often the sampler looks whether requests are due; it sends every one that is. */
const TICK_MS = 5

/**
 * Requests `nextPath()` `perSecond` times a second, as dashboards polling and a load balancer
 * probing during a busy moment would, whether or not earlier requests were answered (an open loop):
 * a faster server is not asked more often, so its runs share the machine with the same extra work
 * as a slower one's, and two builds compare fairly. A latency is from sending to the answer.
 */
export function sampleAtRate(client: KeptAliveClient, nextPath: () => string, perSecond: number): { stop: () => Promise<LatencySamples> } {
  const samples: LatencySamples = { latenciesMs: [], errors: 0 }
  const pending = new Set<Promise<void>>()
  const startedAt = performance.now()
  let sent = 0
  const send = () => {
    const sentAt = performance.now()
    const answered: Promise<void> = client.get(nextPath()).then(
      (status) => {
        if (status === 200) samples.latenciesMs.push(performance.now() - sentAt)
        else samples.errors++
      },
      () => {
        samples.errors++
      },
    ).finally(() => pending.delete(answered))
    pending.add(answered)
  }
  // Catches up after a late tick, so the rate holds when the benchmark's own process is busy.
  const timer = setInterval(() => {
    const due = Math.floor((performance.now() - startedAt) / 1000 * perSecond)
    for (; sent < due; sent++) send()
  }, TICK_MS)
  return {
    stop: async () => {
      clearInterval(timer)
      await Promise.all(pending)
      return samples
    },
  }
}

/** A random campaign's `GET /api/campaigns/{id}` path. */
export const randomCampaignPath = (ids: string[]) => () => `/api/campaigns/${ids[Math.floor(Math.random() * ids.length)]!}`
