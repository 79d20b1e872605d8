import { brandKitRequestSchema } from '#shared/campaign'
import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3'
import { useAppServices } from '../../app/services'
import { readValidatedJson } from '../../http/read-validated-body'
import { requireCurrentUser } from '../../utils/current-user'

export default defineEventHandler(async (event) => {
  const user = await requireCurrentUser(event)
  const fields = await readValidatedJson(event, brandKitRequestSchema)
  const created = await (await useAppServices()).brandKits.create(user.id, fields)
  setResponseStatus(event, 201)
  setResponseHeader(event, 'Location', `/api/brand-kits/${created.id}`)
  return created
})
