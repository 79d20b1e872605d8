import type { ApiClient } from '../../support/api-client'
import { connectCampaignHub } from '../../support/campaign-hub'

export interface Follower {
  /** When each campaign's OnCampaignCompleted arrived (performance.now()). */
  completedAt: Map<string, number>
  /** Every hub event delivered to this connection so far. */
  delivered(): number
  /** Resolves when every followed campaign has completed, or rejects at `deadline`. */
  allCompleted(timeoutMs: number): Promise<void>
  stop(): Promise<void>
}

/** One official-client connection joined to every campaign's group, counting what it is sent. */
export async function followCampaigns(baseUrl: string, client: ApiClient, ids: string[]): Promise<Follower> {
  const { connection, log } = await connectCampaignHub(baseUrl, client)
  const completedAt = new Map<string, number>()
  let wake = () => {}
  connection.on('OnCampaignCompleted', (id: string) => {
    if (!completedAt.has(id)) completedAt.set(id, performance.now())
    wake()
  })
  await Promise.all(ids.map(id => connection.invoke('JoinCampaignGroup', id)))
  return {
    completedAt,
    delivered: () => log.events.length,
    allCompleted: timeoutMs => new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${ids.length - completedAt.size} of ${ids.length} campaigns did not complete within ${timeoutMs} ms`)), timeoutMs)
      wake = () => {
        if (completedAt.size < ids.length) return
        clearTimeout(timer)
        resolve()
      }
      wake()
    }),
    stop: () => connection.stop(),
  }
}
