import type { ApiClient } from './api-client'
import { openCampaignHub } from './campaign-hub'

/** A reviewer's hub token, from `POST /api/review/{token}/hub-token`, with no sign-in. */
export async function reviewHubToken(client: ApiClient, reviewToken: string): Promise<string> {
  const response = await client.post(`/api/review/${reviewToken}/hub-token`)
  if (response.status !== 200) throw new Error(`Review hub token refused: ${response.status}`)
  return response.body.accessToken
}

/** The official client connected to the campaign hub as a reviewer: a fresh hub token per connection, as the page does. */
export function connectReviewHub(client: ApiClient, reviewToken: string) {
  return openCampaignHub(client.baseUrl, () => reviewHubToken(client, reviewToken))
}

/** `POST {hub}/negotiate` with `accessToken`, as a client's first request: only its status matters here. */
export async function negotiateStatus(baseUrl: string, accessToken: string): Promise<number> {
  const response = await fetch(`${baseUrl}/hubs/campaign/negotiate?negotiateVersion=1`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${accessToken}` },
  })
  await response.body?.cancel()
  return response.status
}

/** Creates a review link on the owner's campaign; the answer includes the secret, shown this once. */
export async function createReviewLink(owner: ApiClient, campaignId: string, options: { expiresInHours?: number, allowFeedback?: boolean } = {}) {
  const response = await owner.post(`/api/campaigns/${campaignId}/review-links`, { expiresInHours: 24, allowFeedback: true, ...options })
  if (response.status !== 201) throw new Error(`Review link refused: ${response.status} ${JSON.stringify(response.body)}`)
  return response.body as { id: string, url: string, token: string, expiresAt: string }
}
