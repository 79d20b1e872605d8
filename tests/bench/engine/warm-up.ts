import type { ApiClient } from '../../support/api-client'
import { createCampaigns, launch } from './campaigns'
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
  const ids = await createCampaigns(client, campaigns, 'warm-up ')
  const follower = await followCampaigns(baseUrl, client, ids)
  try {
    await Promise.all(ids.map(id => launch(client, id)))
    await follower.allCompleted(timeoutMs)
  }
  finally {
    await follower.stop()
  }
  await new Promise(resolve => setTimeout(resolve, SETTLE_MS))
}
