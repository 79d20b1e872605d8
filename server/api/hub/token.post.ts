import type { HubTokenResponse } from '#shared/types/account'
import { defineEventHandler, getRequestURL } from 'h3'
import { useAppServices } from '../../app/services'
import { requireCurrentUser } from '../../utils/current-user'

/** Where SignalR clients connect. */
const HUB_PATH = '/hubs/campaign'

export default defineEventHandler(async (event): Promise<HubTokenResponse> => {
  const user = await requireCurrentUser(event)
  const { hubTokens, config } = await useAppServices()
  const { accessToken, expiresAt } = await hubTokens.issue({ userId: user.id, name: user.name })
  const origin = getRequestURL(event, { xForwardedHost: config.trustProxy, xForwardedProto: config.trustProxy }).origin
  return { accessToken, expiresAt: expiresAt.toISOString(), url: `${origin}${HUB_PATH}` }
})
