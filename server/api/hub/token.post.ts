import type { HubTokenResponse } from '#shared/types/account'
import { defineEventHandler } from 'h3'
import { useAppServices } from '../../app/services'
import { hubUrl } from '../../http/hub-url'
import { requireCurrentUser } from '../../utils/current-user'

// The token names the session or personal access token it was minted with, and dies with it.
export default defineEventHandler(async (event): Promise<HubTokenResponse> => {
  const user = await requireCurrentUser(event)
  const { accessToken, expiresAt } = await (await useAppServices()).hubTokens.issue({ userId: user.id, name: user.name, credential: user.credential })
  return { accessToken, expiresAt: expiresAt.toISOString(), url: await hubUrl(event) }
})
