import { describe, expect, it } from 'vitest'
import { ReconnectBuffer } from '../../../server/signalr/connection/reconnect-buffer'

/** Frames are opaque to the buffer; strings named after their sequence id keep the assertions readable. */
function trackAll(buffer: ReconnectBuffer, count: number, bytes = 10): boolean[] {
  return Array.from({ length: count }, (_, i) => buffer.track(`m${i + 1}`, bytes))
}

describe('ReconnectBuffer: outgoing messages', () => {
  it('numbers messages from 1 and replays the unacknowledged ones after a Sequence of the first', () => {
    const buffer = new ReconnectBuffer(1_000)
    trackAll(buffer, 3)
    expect(buffer.replay()).toEqual({ sequenceId: 1, frames: ['m1', 'm2', 'm3'] })
  })

  it('an Ack drops everything up to and including its id', () => {
    const buffer = new ReconnectBuffer(1_000)
    trackAll(buffer, 4)
    buffer.acknowledge(2)
    expect(buffer.replay()).toEqual({ sequenceId: 3, frames: ['m3', 'm4'] })
  })

  it('with nothing unacknowledged, the replay announces the next id to be sent', () => {
    const buffer = new ReconnectBuffer(1_000)
    trackAll(buffer, 3)
    buffer.acknowledge(3)
    expect(buffer.replay()).toEqual({ sequenceId: 4, frames: [] })
  })

  it('an Ack for ids already dropped, or beyond those sent, changes nothing it should not', () => {
    const buffer = new ReconnectBuffer(1_000)
    trackAll(buffer, 2)
    buffer.acknowledge(1)
    buffer.acknowledge(1)
    expect(buffer.replay().frames).toEqual(['m2'])
    buffer.acknowledge(99)
    expect(buffer.replay()).toEqual({ sequenceId: 3, frames: [] })
  })

  it('holds messages back once the unacknowledged bytes pass the limit, and releases them on Ack', () => {
    const buffer = new ReconnectBuffer(25)
    expect(trackAll(buffer, 5)).toEqual([true, true, true, false, false])
    expect(buffer.waitingBytes).toBe(20)
    expect(buffer.acknowledge(2)).toEqual(['m4', 'm5'])
    expect(buffer.waitingBytes).toBe(0)
    expect(buffer.replay()).toEqual({ sequenceId: 3, frames: ['m3', 'm4', 'm5'] })
  })

  it('keeps held messages in order: a new message waits behind held ones', () => {
    const buffer = new ReconnectBuffer(15)
    expect(trackAll(buffer, 3)).toEqual([true, true, false])
    expect(buffer.acknowledge(1)).toEqual(['m3'])
    expect(buffer.track('m4', 1)).toBe(false)
  })

  it('a message bigger than the whole limit still goes out when nothing is unacknowledged', () => {
    // Otherwise it, and everything after it, would wait for an Ack that can never come.
    const buffer = new ReconnectBuffer(100)
    expect(buffer.track('big', 150)).toBe(true)
    expect(buffer.track('next', 10)).toBe(false)
    expect(buffer.acknowledge(1)).toEqual(['next'])
  })
})

describe('ReconnectBuffer: incoming messages', () => {
  it('processes each new message once, and acknowledges the latest', () => {
    const buffer = new ReconnectBuffer(1_000)
    expect(buffer.takeAckDue()).toBeNull()
    expect([buffer.shouldProcess(), buffer.shouldProcess(), buffer.shouldProcess()]).toEqual([true, true, true])
    expect(buffer.takeAckDue()).toBe(3)
    expect(buffer.takeAckDue()).toBeNull()
  })

  it('after the client\'s Sequence, replayed messages already processed are skipped', () => {
    const buffer = new ReconnectBuffer(1_000)
    for (let i = 0; i < 3; i++) buffer.shouldProcess()
    buffer.takeAckDue()
    buffer.resetReceiving(2)
    expect([buffer.shouldProcess(), buffer.shouldProcess(), buffer.shouldProcess()]).toEqual([false, false, true])
    expect(buffer.takeAckDue()).toBe(4)
  })

  it('a replay of nothing new leaves no Ack due', () => {
    const buffer = new ReconnectBuffer(1_000)
    buffer.shouldProcess()
    buffer.takeAckDue()
    buffer.resetReceiving(1)
    expect(buffer.shouldProcess()).toBe(false)
    expect(buffer.takeAckDue()).toBeNull()
  })

  it('a Sequence beyond what was received is an error, with ASP.NET Core\'s text', () => {
    const buffer = new ReconnectBuffer(1_000)
    buffer.shouldProcess()
    expect(() => buffer.resetReceiving(2)).not.toThrow()
    expect(() => buffer.resetReceiving(3)).toThrow('Sequence ID greater than amount of messages we\'ve received.')
  })
})
