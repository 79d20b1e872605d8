import { getRequestURL, type H3Event } from 'h3'
import { useAppServices } from '../app/services'
import type { ServiceCall } from '../bff/service-caller'

/** Where SignalR clients connect. */
export const HUB_PATH = '/hubs/campaign'

/**
 * The hub's absolute URL as the caller reached this server (forwarded headers only behind a trusted
 * proxy). A call relayed by a web front names the web front's hub, whose negotiate redirects here.
 */
export async function hubUrl(event: H3Event): Promise<string> {
  const { config } = await useAppServices()
  const forwarded = config.trustProxy || isGenuineServiceCall(event.context.serviceCall)
  return `${getRequestURL(event, { xForwardedHost: forwarded, xForwardedProto: forwarded }).origin}${HUB_PATH}`
}

function isGenuineServiceCall(call: ServiceCall | undefined): boolean {
  return call !== undefined && call !== null && call !== 'invalid'
}
