import { describe, expect, it } from 'vitest'
import { readLengthPrefixed, writeLengthPrefixed } from '../../../server/signalr/protocol/binary-framing'
import { ProtocolError } from '../../../server/signalr/protocol'

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex')
const payload = (length: number) => new Uint8Array(length).fill(0xaa)
const BIG = 2 ** 31

describe('VarInt length prefix: writing', () => {
  it.each([
    [0, '00'],
    [1, '01'],
    [127, '7f'],
    [128, '8001'],
    [300, 'ac02'],
    [16_383, 'ff7f'],
    [16_384, '808001'],
    [2_097_152, '80808001'],
  ])('a %i-byte payload gets the prefix %s', (length, prefix) => {
    const frame = writeLengthPrefixed(payload(length))
    expect(hex(frame.subarray(0, prefix.length / 2))).toBe(prefix)
    expect(frame.length).toBe(prefix.length / 2 + length)
  })
})

describe('VarInt length prefix: reading', () => {
  it('reads back what was written, several frames at once', () => {
    const frames = [0, 1, 127, 128, 20_000].map(length => writeLengthPrefixed(payload(length)))
    const input = Uint8Array.from(frames.flatMap(frame => [...frame]))
    const { payloads, consumed } = readLengthPrefixed(input, BIG)
    expect(payloads.map(p => p.length)).toEqual([0, 1, 127, 128, 20_000])
    expect(consumed).toBe(input.length)
  })

  it('leaves a partial body unconsumed', () => {
    const input = Uint8Array.from([...writeLengthPrefixed(payload(3)), ...writeLengthPrefixed(payload(200)).subarray(0, 50)])
    expect(readLengthPrefixed(input, BIG)).toMatchObject({ consumed: 4 })
    expect(readLengthPrefixed(input, BIG).payloads).toHaveLength(1)
  })

  it('reads no more payloads than asked for', () => {
    const input = Uint8Array.from([1, 2, 3].flatMap(length => [...writeLengthPrefixed(payload(length))]))
    const { payloads, consumed } = readLengthPrefixed(input, BIG, 2)
    expect(payloads.map(p => p.length)).toEqual([1, 2])
    expect(consumed).toBe(2 + 3)
  })

  it('leaves a partial prefix unconsumed', () => {
    const input = Uint8Array.from([0x01, 0xaa, 0x80, 0x80])
    expect(readLengthPrefixed(input, BIG)).toMatchObject({ consumed: 2 })
  })

  it('reads nothing from nothing', () => {
    expect(readLengthPrefixed(new Uint8Array(0), BIG)).toEqual({ payloads: [], consumed: 0 })
  })

  it('takes a prefix of up to five bytes', () => {
    // 2^28 in five bytes: a valid prefix, with the body still to come.
    expect(readLengthPrefixed(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x01]), BIG)).toEqual({ payloads: [], consumed: 0 })
  })

  it('refuses a prefix that goes on past five bytes', () => {
    expect(() => readLengthPrefixed(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80, 0x01]), BIG))
      .toThrow(new ProtocolError('Messages over 2GB in size are not supported.'))
  })

  it('refuses a five-byte prefix over 2 GB', () => {
    expect(() => readLengthPrefixed(Uint8Array.from([0xff, 0xff, 0xff, 0xff, 0x0f]), BIG))
      .toThrow('Messages over 2GB in size are not supported.')
  })

  it('refuses a prefix that goes on past five bytes even before they have all arrived', () => {
    // Five bytes with the continuation bit set can only be the start of an invalid prefix.
    expect(() => readLengthPrefixed(Uint8Array.from([0x80, 0x80, 0x80, 0x80, 0x80]), BIG)).toThrow(ProtocolError)
  })

  describe('the message size limit counts the prefix', () => {
    it('prefix and body of exactly the limit are accepted', () => {
      const frame = writeLengthPrefixed(payload(200 - 2))
      expect(frame.length).toBe(200)
      expect(readLengthPrefixed(frame, 200).payloads).toHaveLength(1)
    })

    it('one byte more is refused, as soon as the prefix is read', () => {
      expect(() => readLengthPrefixed(writeLengthPrefixed(payload(199)).subarray(0, 2), 200))
        .toThrow('The maximum message size of 200B was exceeded.')
    })
  })
})
