import { loginSchema } from '#shared/schemas/account'
import { defineEventHandler } from 'h3'
import { toPublicUser } from '../../accounts/public-user'
import { useAppServices } from '../../app/services'
import { clientAddress } from '../../http/client-address'
import { readValidatedJson } from '../../http/read-validated-body'
import { startSession } from '../../http/start-session'

export default defineEventHandler(async (event) => {
  const input = await readValidatedJson(event, loginSchema)
  const { accounts, config } = await useAppServices()
  const user = await accounts.signIn(input, clientAddress(event, config.trustProxy))
  await startSession(event, user)
  return { user: toPublicUser(user) }
})
