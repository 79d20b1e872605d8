import { getRequestIP, type H3Event } from 'h3'

/** The client's address; forwarded headers count only when the server is told it sits behind a proxy. */
export function clientAddress(event: H3Event, trustProxy: boolean): string {
  return getRequestIP(event, { xForwardedFor: trustProxy }) ?? 'unknown'
}
