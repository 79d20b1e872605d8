import { defineEventHandler } from 'h3'
import { toPublicUser } from '../../accounts/public-user'
import { useAppServices } from '../../app/services'
import { unauthorized } from '../../http/problem'
import { requireCurrentUser } from '../../utils/current-user'

export default defineEventHandler(async (event) => {
  const { id } = await requireCurrentUser(event)
  const user = await (await useAppServices()).accounts.findUser(id)
  if (!user) throw unauthorized()
  return { user: toPublicUser(user) }
})
