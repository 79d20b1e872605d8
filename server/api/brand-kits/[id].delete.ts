import { defineEventHandler, getRouterParam, sendNoContent } from 'h3'
import { useAppServices } from '../../app/services'
import { requireCurrentUser } from '../../utils/current-user'

export default defineEventHandler(async (event) => {
  const user = await requireCurrentUser(event)
  await (await useAppServices()).brandKits.delete(user.id, getRouterParam(event, 'id') ?? '')
  return sendNoContent(event, 204)
})
