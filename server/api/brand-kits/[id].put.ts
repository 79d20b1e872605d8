import { brandKitRequestSchema } from '#shared/campaign'
import { defineEventHandler, getRouterParam } from 'h3'
import { useAppServices } from '../../app/services'
import { readValidatedJson } from '../../http/read-validated-body'
import { requireCurrentUser } from '../../utils/current-user'

// A whole kit replaces the stored one; campaigns launched with it keep the copy in their brief.
export default defineEventHandler(async (event) => {
  const user = await requireCurrentUser(event)
  const fields = await readValidatedJson(event, brandKitRequestSchema)
  return (await useAppServices()).brandKits.update(user.id, getRouterParam(event, 'id') ?? '', fields)
})
