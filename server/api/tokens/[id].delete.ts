import { defineEventHandler, getRouterParam, sendNoContent } from 'h3'
import { revokePersonalAccessToken } from '../../app/sign-in-revocation'
import { requireSessionUser } from '../../utils/current-user'

export default defineEventHandler(async (event) => {
  const user = await requireSessionUser(event)
  await revokePersonalAccessToken(user.id, getRouterParam(event, 'id') ?? '')
  return sendNoContent(event, 204)
})
