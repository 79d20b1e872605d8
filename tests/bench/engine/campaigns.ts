import type { ApiClient } from '../../support/api-client'
import { SAMPLE_BRIEF } from '../../support/campaign-hub'

/** Creates `count` campaigns from the sample brief, one after another, themes numbered after `label`; returns their ids. */
export async function createCampaigns(client: ApiClient, count: number, label = ''): Promise<string[]> {
  const ids: string[] = []
  for (let n = 0; n < count; n++) {
    const created = await client.post('/api/campaigns', { ...SAMPLE_BRIEF, theme: `${SAMPLE_BRIEF.theme} ${label}${n + 1}` })
    if (created.status !== 201) throw new Error(`Create failed: ${created.status} ${JSON.stringify(created.body)}`)
    ids.push(created.body.id)
  }
  return ids
}

/** Asks for campaign `id` to be generated; anything but 202 Accepted fails the benchmark. */
export async function launch(client: ApiClient, id: string): Promise<void> {
  const accepted = await client.post(`/api/campaigns/${id}/generate`)
  if (accepted.status !== 202) throw new Error(`Generate refused: ${accepted.status} ${JSON.stringify(accepted.body)}`)
}
