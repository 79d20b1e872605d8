import { isSequencedMessage, type HubMessage, type HubProtocol } from '../protocol'
import type { SerializedMessage } from '../connection/hub-connection'
import { BroadcastFrame } from '../transports'

/**
 * A message bound for many connections is encoded once per protocol, not once per
 * connection: a broadcast to a thousand JSON clients serialises one string, encodes it to
 * UTF-8 once and frames it for WebSockets once.
 */
export class CachedMessage implements SerializedMessage {
  readonly sequenced: boolean
  private readonly frames = new Map<string, BroadcastFrame>()
  /** The protocol asked for last and its frame: recipients mostly speak one, so most calls end here. */
  private lastProtocol: HubProtocol | null = null
  private lastFrame: BroadcastFrame | null = null

  constructor(private readonly message: HubMessage) {
    this.sequenced = isSequencedMessage(message)
  }

  frameFor(protocol: HubProtocol): BroadcastFrame {
    if (protocol === this.lastProtocol) return this.lastFrame!
    let frame = this.frames.get(protocol.name)
    if (frame === undefined) {
      frame = new BroadcastFrame(protocol.write(this.message), protocol.transferFormat === 'Binary')
      this.frames.set(protocol.name, frame)
    }
    this.lastProtocol = protocol
    this.lastFrame = frame
    return frame
  }
}
