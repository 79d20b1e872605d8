import { defineEventHandler, getRouterParam } from 'h3'
import { useAppServices } from '../../app/services'
import { requireCurrentUser } from '../../utils/current-user'

export default defineEventHandler(async (event) => {
  const user = await requireCurrentUser(event)
  return (await useAppServices()).brandKits.get(user.id, getRouterParam(event, 'id') ?? '')
})
