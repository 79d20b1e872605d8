import { defineEventHandler, getRouterParam, sendNoContent } from 'h3'
import { useAppServices } from '../../app/services'
import { requireSessionUser } from '../../utils/current-user'

export default defineEventHandler(async (event) => {
  const user = await requireSessionUser(event)
  await (await useAppServices()).personalAccessTokens.revoke(user.id, getRouterParam(event, 'id') ?? '')
  return sendNoContent(event, 204)
})
