import { z } from 'zod'
import { defineHub, hubMethod, HubError } from '../signalr'
import { CampaignNotFoundError } from '../engine/campaigns/campaign-errors'
import type { CampaignService } from '../engine/campaigns/campaign-service'
import { campaignGroup } from './campaign-group'

/** Campaign ids as the API issues them; anything else cannot name a campaign. */
const campaignId = z.string().min(1).max(100)

/** The one answer for a campaign the caller may not see, whether or not it exists: it reveals nothing. */
const notFound = (id: string) => new HubError(`Campaign '${id}' was not found.`)

/**
 * The seed's campaign hub. Clients join a campaign's group to follow it live (the events
 * are sent by the engine through HubCampaignEvents) and ask for its status, answered by
 * `OnCampaignStatusReceived` to the caller alone.
 */
export function createCampaignHub(resolveService: () => Promise<CampaignService>) {
  return defineHub({
    methods: {
      JoinCampaignGroup: hubMethod([campaignId], async (context, id) => {
        if (!await (await resolveService()).canView(context.userId, id)) throw notFound(id)
        await context.groups.add(context.connectionId, campaignGroup(id))
      }),
      LeaveCampaignGroup: hubMethod([campaignId], async (context, id) => {
        await context.groups.remove(context.connectionId, campaignGroup(id))
      }),
      RequestCampaignStatus: hubMethod([campaignId], async (context, id) => {
        try {
          const snapshot = await (await resolveService()).snapshot(context.userId, id)
          await context.clients.caller.send('OnCampaignStatusReceived', snapshot)
        }
        catch (error) {
          throw error instanceof CampaignNotFoundError ? notFound(id) : error
        }
      }),
    },
  })
}
