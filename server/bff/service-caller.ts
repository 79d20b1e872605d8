import { getRequestHeader, type H3Event } from 'h3'
import { useAppServices } from '../app/services'
import { unauthorized } from '../http/problem'
import { looksLikeJwt } from '../tokens/hub-token-issuer'
import type { ServiceCaller } from '../tokens/service-token'

/** A request's service token: genuine (its caller), presented but refused ('invalid'), or none (null). */
export type ServiceCall = ServiceCaller | 'invalid' | null

declare module 'h3' {
  interface H3EventContext {
    /** Resolved once per request on an engine that accepts service tokens. */
    serviceCall?: ServiceCall
  }
}

/**
 * On an engine that accepts service tokens (ENGINE_SERVICE_SECRET, no ENGINE_URL): what a request's
 * `Authorization: Bearer <JWT>` is. A request with a personal access token, a session cookie or
 * nothing has none; so has every request to a process that accepts no service tokens.
 */
export async function serviceCallOf(event: H3Event): Promise<ServiceCall> {
  if (event.context.serviceCall === undefined) event.context.serviceCall = await resolveServiceCall(event)
  return event.context.serviceCall
}

/** The genuine caller, or null; a JWT that is not a genuine, fresh service token is refused with 401. */
export async function serviceCallerOf(event: H3Event): Promise<ServiceCaller | null> {
  const call = await serviceCallOf(event)
  if (call === 'invalid') throw invalidServiceToken()
  return call
}

export function invalidServiceToken() {
  return unauthorized('The service token is invalid or expired')
}

async function resolveServiceCall(event: H3Event): Promise<ServiceCall> {
  const { config, serviceTokens } = await useAppServices()
  if (!serviceTokens || config.engineFront) return null
  const token = /^Bearer\s+(\S+)\s*$/i.exec(getRequestHeader(event, 'authorization') ?? '')?.[1]
  if (!token || !looksLikeJwt(token)) return null
  return await serviceTokens.verify(token) ?? 'invalid'
}
