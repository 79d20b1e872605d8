import { describe, expect, it } from 'vitest'
import { BroadcastFrame, WebSocketTransport, type WebSocketPeer } from '../../../server/signalr/transports'

/** A crossws peer over a stand-in for Node's `ws` socket that records what reaches the TCP socket. */
function peerRecording(extensions: Record<string, unknown> = {}) {
  const events: string[] = []
  const ws = {
    readyState: 1,
    bufferedAmount: 0,
    pause: () => undefined,
    resume: () => undefined,
    _extensions: extensions,
    _sender: { sendFrame: (list: Buffer[]) => events.push(`frame ${list.map(part => part.subarray(2).toString()).join('')}`) },
    _socket: { cork: () => events.push('cork'), uncork: () => events.push('uncork') },
  }
  const peer = {
    send: (data: string | Uint8Array) => events.push(`send ${String(data)}`),
    close: () => undefined,
    terminate: () => undefined,
    websocket: {},
    _internal: { ws },
  }
  return { peer: peer as unknown as WebSocketPeer, events }
}

const nextTurn = () => new Promise(resolve => setImmediate(resolve))

describe('WebSocketTransport broadcasts', () => {
  it('writes a turn\'s first frame at once and the rest together when the turn ends, in order', async () => {
    const { peer, events } = peerRecording()
    const transport = new WebSocketTransport(peer)
    for (const text of ['one', 'two', 'three']) transport.sendBroadcast(new BroadcastFrame(text, false))
    expect(events).toEqual(['frame one', 'cork', 'frame two', 'frame three'])

    await nextTurn()
    expect(events.at(-1)).toBe('uncork')
    transport.sendBroadcast(new BroadcastFrame('four', false))
    transport.sendBroadcast(new BroadcastFrame('five', false))
    await nextTurn()
    expect(events.slice(4)).toEqual(['uncork', 'frame four', 'cork', 'frame five', 'uncork'])
  })

  it('never corks for a lone broadcast in a turn', async () => {
    const { peer, events } = peerRecording()
    const transport = new WebSocketTransport(peer)
    transport.sendBroadcast(new BroadcastFrame('one', false))
    await nextTurn()
    transport.sendBroadcast(new BroadcastFrame('two', false))
    await nextTurn()
    expect(events).toEqual(['frame one', 'frame two'])
  })

  it('leaves a compressing socket to ws\'s own send, which queues while it deflates', async () => {
    const { peer, events } = peerRecording({ 'permessage-deflate': {} })
    const transport = new WebSocketTransport(peer)
    transport.sendBroadcast(new BroadcastFrame('one', false))
    transport.sendBroadcast(new BroadcastFrame('two', false))
    await nextTurn()
    expect(events).toEqual(['send one', 'send two'])
  })
})
