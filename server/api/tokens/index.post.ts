import { createTokenSchema } from '#shared/schemas/personal-access-token'
import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3'
import { useAppServices } from '../../app/services'
import { readValidatedJson } from '../../http/read-validated-body'
import { requireSessionUser } from '../../utils/current-user'

export default defineEventHandler(async (event) => {
  const user = await requireSessionUser(event)
  const input = await readValidatedJson(event, createTokenSchema)
  const created = await (await useAppServices()).personalAccessTokens.create(user.id, input)
  setResponseStatus(event, 201)
  setResponseHeader(event, 'Location', `/api/tokens/${created.id}`)
  return created
})
