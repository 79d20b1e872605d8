import { createTokenSchema } from '#shared/schemas/personal-access-token'
import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3'
import { useAppServices } from '../../app/services'
import { clientAddress } from '../../http/client-address'
import { readValidatedJson } from '../../http/read-validated-body'
import { requireSessionUser } from '../../utils/current-user'

// Only a signed-in browser mints tokens (a token cannot mint tokens), and only with the password.
export default defineEventHandler(async (event) => {
  const user = await requireSessionUser(event)
  const { password, ...input } = await readValidatedJson(event, createTokenSchema)
  const { accounts, config, personalAccessTokens } = await useAppServices()
  await accounts.confirmPassword(user.id, password, clientAddress(event, config.trustProxy))
  const created = await personalAccessTokens.create(user.id, input)
  setResponseStatus(event, 201)
  setResponseHeader(event, 'Location', `/api/tokens/${created.id}`)
  return created
})
