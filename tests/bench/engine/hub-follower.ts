import type { ApiClient } from '../../support/api-client'
import { connectCampaignHub } from '../../support/campaign-hub'

export interface Follower {
  /** When each campaign's OnCampaignCompleted arrived (performance.now()). */
  completedAt: Map<string, number>
  /** Every hub event delivered to this connection so far. */
  delivered(): number
  /**
   * Events that arrived out of order: a chunk whose sequence is not the next of its artifact's
   * write (or 0, a write starting over), or anything for a campaign after its OnCampaignCompleted.
   */
  outOfOrder(): number
  /** Resolves when every followed campaign has completed, or rejects after `timeoutMs`. */
  allCompleted(timeoutMs: number): Promise<void>
  /** Resolves when campaign `id` has completed, or rejects after `timeoutMs`. */
  completed(id: string, timeoutMs: number): Promise<void>
  stop(): Promise<void>
}

interface Chunk { campaignId: string, artifactType: string, sequence: number, isComplete: boolean }

/** One official-client connection joined to every campaign's group, counting what it is sent. */
export async function followCampaigns(baseUrl: string, client: ApiClient, ids: string[]): Promise<Follower> {
  const { connection, log } = await connectCampaignHub(baseUrl, client)
  const completedAt = new Map<string, number>()
  const nextSequence = new Map<string, number>()
  let outOfOrder = 0
  const waiters = new Set<() => void>()
  connection.on('OnChunkReceived', (chunk: Chunk) => {
    const key = `${chunk.campaignId}/${chunk.artifactType}`
    const expected = nextSequence.get(key) ?? 0
    if (completedAt.has(chunk.campaignId) || (chunk.sequence !== expected && chunk.sequence !== 0)) outOfOrder++
    nextSequence.set(key, chunk.isComplete ? 0 : chunk.sequence + 1)
  })
  connection.on('OnCampaignCompleted', (id: string) => {
    if (!completedAt.has(id)) completedAt.set(id, performance.now())
    for (const waiter of waiters) waiter()
  })
  const until = (done: () => boolean, timeoutMs: number, late: () => string) => new Promise<void>((resolve, reject) => {
    const check = () => {
      if (!done()) return
      clearTimeout(timer)
      waiters.delete(check)
      resolve()
    }
    const timer = setTimeout(() => {
      waiters.delete(check)
      reject(new Error(late()))
    }, timeoutMs)
    waiters.add(check)
    check()
  })
  await Promise.all(ids.map(id => connection.invoke('JoinCampaignGroup', id)))
  return {
    completedAt,
    delivered: () => log.events.length,
    outOfOrder: () => outOfOrder,
    allCompleted: timeoutMs => until(() => completedAt.size >= ids.length, timeoutMs, () => `${ids.length - completedAt.size} of ${ids.length} campaigns did not complete within ${timeoutMs} ms`),
    completed: (id, timeoutMs) => until(() => completedAt.has(id), timeoutMs, () => `Campaign ${id} did not complete within ${timeoutMs} ms`),
    stop: () => connection.stop(),
  }
}
