import { storableString } from '#shared/schemas/storable-text'
import { defineHub, hubMethod, HubError, type HubCallContext } from '../signalr'
import { CampaignNotFoundError } from '../engine/campaigns/campaign-errors'
import type { CampaignService } from '../engine/campaigns/campaign-service'
import { reviewScopeOf } from '../reviews/review-principal'
import { CampaignHubEvents, CampaignHubMethods } from '#shared/campaign/hub-contract'
import { campaignGroup, campaignWatchersGroup, ownerWatchersGroup } from './campaign-group'

/** Campaign ids as the API issues them; anything else cannot name a campaign. */
const campaignId = storableString().min(1).max(100)

/** The one answer for a campaign the caller may not see, whether or not it exists: it reveals nothing. */
const notFound = (id: string) => new HubError(`Campaign '${id}' was not found.`)

/**
 * The seed's campaign hub. Clients join a campaign's group to follow it live (the events
 * are sent by the engine through HubCampaignEvents) and ask for its status, answered by
 * `OnCampaignStatusReceived` to the caller alone. Snapshots on every change and reviewer posts
 * reach only connections that watch for them (`WatchCampaigns`, `WatchCampaign`). A reviewer's
 * connection sees the one campaign its review link names, and nothing else.
 */
export function createCampaignHub(resolveService: () => Promise<CampaignService>) {
  async function canView(context: HubCallContext, id: string): Promise<boolean> {
    const review = reviewScopeOf(context.principal)
    if (review) return review.campaignId === id
    return (await resolveService()).canView(context.userId, id)
  }

  async function snapshot(context: HubCallContext, id: string) {
    const service = await resolveService()
    if (!reviewScopeOf(context.principal)) return service.snapshot(context.userId, id)
    if (!await canView(context, id)) throw new CampaignNotFoundError(id)
    return service.reviewSnapshot(id)
  }

  return defineHub({
    methods: {
      [CampaignHubMethods.JoinCampaignGroup]: hubMethod([campaignId], async (context, id) => {
        if (!await canView(context, id)) throw notFound(id)
        await context.groups.add(context.connectionId, campaignGroup(id))
      }),
      [CampaignHubMethods.LeaveCampaignGroup]: hubMethod([campaignId], async (context, id) => {
        await context.groups.remove(context.connectionId, campaignGroup(id))
      }),
      [CampaignHubMethods.RequestCampaignStatus]: hubMethod([campaignId], async (context, id) => {
        try {
          await context.clients.caller.send(CampaignHubEvents.OnCampaignStatusReceived, await snapshot(context, id))
        }
        catch (error) {
          throw error instanceof CampaignNotFoundError ? notFound(id) : error
        }
      }),
      [CampaignHubMethods.WatchCampaigns]: hubMethod([], async (context) => {
        // A review link has no campaigns of its own: it may watch the one it names, nothing more.
        if (reviewScopeOf(context.principal)) throw new HubError('A review link can only watch its own campaign: use WatchCampaign.')
        await context.groups.add(context.connectionId, ownerWatchersGroup(context.userId))
      }),
      [CampaignHubMethods.WatchCampaign]: hubMethod([campaignId], async (context, id) => {
        if (!await canView(context, id)) throw notFound(id)
        await context.groups.add(context.connectionId, campaignWatchersGroup(id))
      }),
    },
  })
}
