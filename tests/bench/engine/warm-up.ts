import type { ApiClient } from '../../support/api-client'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'
import { followCampaigns } from './hub-follower'

/** After the warm-up burst: V8's and the database's background compilers finish what it made hot. */
const SETTLE_MS = 2_000

/**
 * One unmeasured burst of `campaigns` other campaigns, generated at once and followed to their end,
 * then a pause. A fresh server compiles its hot code while its first burst runs (V8's optimising
 * compiler, and the embedded database's WebAssembly tiering up), on threads that share the cores
 * with the burst; a burst after this one measures the server as it runs once warm.
 */
export async function warmUp(baseUrl: string, client: ApiClient, campaigns: number, timeoutMs: number): Promise<void> {
  const ids: string[] = []
  for (let n = 0; n < campaigns; n++) {
    const created = await client.post('/api/campaigns', { ...SAMPLE_BRIEF, theme: `${SAMPLE_BRIEF.theme} warm-up ${n + 1}` })
    if (created.status !== 201) throw new Error(`Create failed: ${created.status}`)
    ids.push(created.body.id)
  }
  const follower = await followCampaigns(baseUrl, client, ids)
  try {
    await Promise.all(ids.map(async (id) => {
      const accepted = await client.post(`/api/campaigns/${id}/generate`)
      if (accepted.status !== 202) throw new Error(`Warm-up generate refused: ${accepted.status}`)
    }))
    await follower.allCompleted(timeoutMs)
  }
  finally {
    await follower.stop()
  }
  await new Promise(resolve => setTimeout(resolve, SETTLE_MS))
}
