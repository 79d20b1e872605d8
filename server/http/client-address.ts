import { getRequestIP, type H3Event, type H3EventContext } from 'h3'

/** The client's address; forwarded headers count only when the server is told it sits behind a proxy. */
export function clientAddress(event: H3Event, trustProxy: boolean): string {
  return getRequestIP(event, { xForwardedFor: trustProxy }) ?? 'unknown'
}

/**
 * Settles the request's client address once, in `event.context.clientAddress`, which h3's
 * `getRequestIP` reads before anything else. A request a page render makes in-process (`useFetch`
 * on the server) has no socket of its own; it takes the address of the page request that made it,
 * so the visitor pays for it rather than one budget that every page render would share.
 */
export function settleClientAddress(event: H3Event, trustProxy: boolean): void {
  event.context.clientAddress ??= renderingRequestContext(event)?.clientAddress ?? clientAddress(event, trustProxy)
}

/**
 * Nitro's in-process fetch hands the calling request's context along on the request object it
 * builds; a request from the network never has one, so a client cannot forge it.
 */
function renderingRequestContext(event: H3Event): H3EventContext | undefined {
  return (event.node.req as { __unenv__?: H3EventContext }).__unenv__
}
