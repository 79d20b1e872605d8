import type { ApiClient } from '../../support/api-client'

export interface RestSamples {
  /** Milliseconds per successful `GET /api/campaigns/{id}`. */
  latenciesMs: number[]
  errors: number
}

/**
 * `workers` loops reading random campaigns back to back, as dashboards polling during a busy
 * moment would, until `stop` is called.
 */
export function sampleRestLatency(client: ApiClient, ids: string[], workers: number): { stop: () => Promise<RestSamples> } {
  const samples: RestSamples = { latenciesMs: [], errors: 0 }
  let running = true
  const loop = async () => {
    while (running) {
      const id = ids[Math.floor(Math.random() * ids.length)]!
      const started = performance.now()
      const response = await client.get(`/api/campaigns/${id}`).catch(() => null)
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
