import { CampaignHubMethods as Methods, invokeCampaignHub } from '#shared/campaign/hub-contract'
import type { HubTokenResponse } from '#shared/types/account'
import { useCampaignStore } from '~/stores/campaigns'
import { bindCampaignStore } from './bindCampaignStore'
import { buildCampaignHubConnection, type CampaignHubConnection } from './useCampaignHub'

/**
 * Follows the reviewed campaign live, read-only, with a hub token scoped to it (fetched afresh for
 * every connection through the review link), feeding the campaign store through the same binding
 * as the owner's pages. `ended` turns true when the server closes the connection because the link
 * was revoked or has expired.
 */
export function useReviewHub(token: string, campaignId: string | undefined) {
  const live = ref(false)
  const ended = ref(false)
  let connection: CampaignHubConnection | null = null

  async function follow(): Promise<void> {
    if (!connection || !campaignId) return
    await invokeCampaignHub(connection, Methods.JoinCampaignGroup, campaignId)
    await invokeCampaignHub(connection, Methods.WatchCampaign, campaignId)
    // Whatever changed between the page render and joining arrives as one snapshot.
    await invokeCampaignHub(connection, Methods.RequestCampaignStatus, campaignId)
    live.value = true
  }

  onMounted(async () => {
    // Nothing to follow: a hub token would only spend the visitor's budget on a link that did not open.
    if (!campaignId) return
    connection = await buildCampaignHubConnection('/hubs/campaign', async () => (await $fetch<HubTokenResponse>(`/api/review/${token}/hub-token`, { method: 'POST' })).accessToken)
    bindCampaignStore(connection, useCampaignStore())
    connection.onreconnecting(() => {
      live.value = false
    })
    connection.onreconnected(() => follow().catch(() => undefined))
    connection.onclose((error) => {
      live.value = false
      if (error) ended.value = true
    })
    try {
      await connection.start()
      await follow()
    }
    catch {
      // The page still shows the campaign as rendered; only the live updates are missing.
      live.value = false
    }
  })

  onBeforeUnmount(() => {
    void connection?.stop()
  })

  return { live, ended }
}
