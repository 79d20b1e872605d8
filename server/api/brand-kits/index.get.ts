import { defineEventHandler } from 'h3'
import { useAppServices } from '../../app/services'
import { requireCurrentUser } from '../../utils/current-user'

export default defineEventHandler(async (event) => {
  const user = await requireCurrentUser(event)
  return { items: await (await useAppServices()).brandKits.list(user.id) }
})
