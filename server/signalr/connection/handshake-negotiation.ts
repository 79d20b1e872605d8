import type { HandshakeRequest, HubProtocol } from '../protocol'
import type { ServerTransport } from '../transports'

/** Picks the hub protocol a handshake asks for, with ASP.NET Core's texts when it cannot. */
export function negotiateHandshake(
  request: HandshakeRequest,
  protocols: ReadonlyMap<string, HubProtocol>,
  transport: ServerTransport,
): { protocol: HubProtocol } | { error: string } {
  const protocol = protocols.get(request.protocol.toLowerCase())
  if (!protocol) return { error: `The protocol '${request.protocol}' is not supported.` }
  if (request.version > protocol.version) {
    return { error: `The server does not support version ${request.version} of the '${protocol.name}' protocol.` }
  }
  if (protocol.transferFormat === 'Binary' && !transport.supportsBinary) {
    return { error: `Cannot use the '${protocol.name}' protocol on the current transport. The transport does not support 'Binary' transfer format.` }
  }
  return { protocol }
}
