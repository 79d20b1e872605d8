import { getRequestURL, type H3Event } from 'h3'
import { useAppServices } from '../app/services'

/** Where SignalR clients connect. */
export const HUB_PATH = '/hubs/campaign'

/** The hub's absolute URL as the caller reached this server (forwarded headers only behind a trusted proxy). */
export async function hubUrl(event: H3Event): Promise<string> {
  const { config } = await useAppServices()
  return `${getRequestURL(event, { xForwardedHost: config.trustProxy, xForwardedProto: config.trustProxy }).origin}${HUB_PATH}`
}
