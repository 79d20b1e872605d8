import { defineEventHandler } from 'h3'
import { useAppServices } from '../../app/services'
import { requireSessionUser } from '../../utils/current-user'

export default defineEventHandler(async (event) => {
  const user = await requireSessionUser(event)
  return { items: await (await useAppServices()).personalAccessTokens.list(user.id) }
})
