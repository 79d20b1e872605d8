import { isSequencedMessage, type Frame, type HubMessage, type HubProtocol } from '../protocol'
import type { SerializedMessage } from '../connection/hub-connection'

/**
 * A message bound for many connections is encoded once per protocol, not once per
 * connection: a broadcast to a thousand JSON clients serialises one string.
 */
export class CachedMessage implements SerializedMessage {
  readonly sequenced: boolean
  private readonly frames = new Map<string, Frame>()

  constructor(private readonly message: HubMessage) {
    this.sequenced = isSequencedMessage(message)
  }

  frameFor(protocol: HubProtocol): Frame {
    let frame = this.frames.get(protocol.name)
    if (frame === undefined) {
      const written = protocol.write(this.message)
      // Text is encoded to UTF-8 once here rather than once per recipient by the socket.
      frame = typeof written === 'string' ? Buffer.from(written) : written
      this.frames.set(protocol.name, frame)
    }
    return frame
  }
}
