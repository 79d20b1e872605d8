import { registerSchema } from '#shared/schemas/account'
import { defineEventHandler, setResponseHeader, setResponseStatus } from 'h3'
import { toPublicUser } from '../../accounts/public-user'
import { useAppServices } from '../../app/services'
import { readValidatedJson } from '../../http/read-validated-body'
import { startSession } from '../../http/start-session'

export default defineEventHandler(async (event) => {
  const input = await readValidatedJson(event, registerSchema)
  const { accounts } = await useAppServices()
  const user = await accounts.register(input)
  await startSession(event, user)
  setResponseStatus(event, 201)
  setResponseHeader(event, 'Location', '/api/auth/me')
  return { user: toPublicUser(user) }
})
