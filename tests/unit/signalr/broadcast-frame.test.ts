import type { Writable } from 'node:stream'
import * as ws from 'ws'
import { describe, expect, it } from 'vitest'
import { BroadcastFrame } from '../../../server/signalr/transports'

/** ws's frame parser, which its published types leave out. */
const { Receiver } = ws as unknown as { Receiver: new (options: { isServer: boolean, maxPayload: number }) => Writable }

/** Feeds a complete frame to `ws`'s own parser, as a client would receive it, and returns the message. */
function parse(frame: Buffer): Promise<{ data: Buffer, binary: boolean }> {
  return new Promise((resolve, reject) => {
    const receiver = new Receiver({ isServer: false, maxPayload: 0 })
    receiver.on('message', (data: Buffer, binary: boolean) => resolve({ data, binary }))
    receiver.on('error', reject)
    receiver.write(frame)
  })
}

describe('BroadcastFrame', () => {
  // Each length encoding (7-bit, 16-bit, 64-bit) at its edges.
  it.each([0, 1, 125, 126, 127, 65_535, 65_536, 70_000])('frames a %i-byte payload so that a WebSocket client reads it back whole', async (size) => {
    const text = 'a'.repeat(size)
    const frame = new BroadcastFrame(text, false)

    const received = await parse(frame.webSocketFrame())

    expect(received.binary).toBe(false)
    expect(received.data.toString()).toBe(text)
    expect(frame.byteLength).toBe(size)
  })

  it('frames MessagePack bytes as a binary message and text by its UTF-8 length', async () => {
    const bytes = new Uint8Array([0x92, 0x01, 0xa1, 0x78])
    expect(await parse(new BroadcastFrame(bytes, true).webSocketFrame())).toEqual({ data: Buffer.from(bytes), binary: true })

    const text = 'é'.repeat(100)
    const frame = new BroadcastFrame(text, false)
    expect(frame.byteLength).toBe(200)
    expect((await parse(frame.webSocketFrame())).data.toString()).toBe(text)
  })

  it('is framed once and the same bytes are handed to every recipient', () => {
    const frame = new BroadcastFrame('shared', false)
    expect(frame.webSocketFrame()).toBe(frame.webSocketFrame())
  })
})
