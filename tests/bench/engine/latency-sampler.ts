import type { ApiClient } from '../../support/api-client'

export interface LatencySamples {
  /** Milliseconds per answer with the expected status. */
  latenciesMs: number[]
  errors: number
}

/**
 * `workers` loops requesting `nextPath()` back to back, as dashboards polling and a load balancer
 * probing during a busy moment would, until `stop` is called.
 */
export function sampleLatency(client: ApiClient, nextPath: () => string, workers: number): { stop: () => Promise<LatencySamples> } {
  const samples: LatencySamples = { latenciesMs: [], errors: 0 }
  let running = true
  const loop = async () => {
    while (running) {
      const started = performance.now()
      const response = await client.get(nextPath()).catch(() => null)
      if (response?.status === 200) samples.latenciesMs.push(performance.now() - started)
      else samples.errors++
    }
  }
  const loops = Array.from({ length: workers }, loop)
  return {
    stop: async () => {
      running = false
      await Promise.all(loops)
      return samples
    },
  }
}

/** A random campaign's `GET /api/campaigns/{id}` path. */
export const randomCampaignPath = (ids: string[]) => () => `/api/campaigns/${ids[Math.floor(Math.random() * ids.length)]!}`
