import { encode } from '@msgpack/msgpack'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { JsonHubProtocol, MessagePackHubProtocol, parseHandshakeRequest, ProtocolError, type HubProtocol } from '../../../server/signalr/protocol'
import {
  handshakeBytes, jsonishRecord, jsonProtocolBytes, msgpackishArray, msgpackProtocolBytes, msgpackValue,
} from '../../support/signalr/arbitraries'
import { lengthPrefixed, RS } from '../../support/signalr/wire'

const LIMIT = 32 * 1024
const RUNS = { numRuns: 500 }

/**
 * Whatever a client sends, a codec either returns messages or throws a ProtocolError (which
 * closes that one connection). Any other exception would escape the connection's error
 * handling; a result that claims bytes it was not given would corrupt the next read.
 */
function parsesOrRefuses(protocol: HubProtocol, input: Uint8Array): void {
  let result
  try {
    result = protocol.parse(input, LIMIT)
  }
  catch (error) {
    if (!(error instanceof ProtocolError)) throw new Error(`Not a ProtocolError: ${String(error)}`, { cause: error })
    return
  }
  expect(result.consumed).toBeGreaterThanOrEqual(0)
  expect(result.consumed).toBeLessThanOrEqual(input.length)
  for (const message of result.messages) expect([1, 2, 3, 4, 5, 6, 7, 8, 9]).toContain(message.type)
}

describe('JsonHubProtocol.parse never throws anything but ProtocolError', () => {
  const json = new JsonHubProtocol()

  it('for arbitrary bytes, mutated messages and stray JSON', () => {
    fc.assert(fc.property(jsonProtocolBytes, bytes => parsesOrRefuses(json, bytes)), RUNS)
  })

  it('for JSON records with hub field names and values of any type', () => {
    fc.assert(fc.property(jsonishRecord, (record) => {
      parsesOrRefuses(json, new TextEncoder().encode(JSON.stringify(record) + RS))
    }), RUNS)
  })

  it('for any split of a valid stream: what is consumed is always whole messages', () => {
    fc.assert(fc.property(fc.array(jsonishRecord, { minLength: 1, maxLength: 4 }), fc.nat(), (records, cut) => {
      const bytes = new TextEncoder().encode(records.map(record => JSON.stringify(record) + RS).join(''))
      const head = bytes.subarray(0, cut % (bytes.length + 1))
      try {
        const { consumed } = json.parse(head, LIMIT)
        expect(consumed === 0 || head[consumed - 1] === 0x1e).toBe(true)
      }
      catch (error) {
        expect(error).toBeInstanceOf(ProtocolError)
      }
    }), RUNS)
  })
})

describe('MessagePackHubProtocol.parse never throws anything but ProtocolError', () => {
  const msgpack = new MessagePackHubProtocol()

  it('for arbitrary bytes, mutated messages and arbitrary values', () => {
    fc.assert(fc.property(msgpackProtocolBytes, bytes => parsesOrRefuses(msgpack, bytes)), RUNS)
  })

  it('for hub-like arrays of values of any kind', () => {
    fc.assert(fc.property(msgpackishArray, array => parsesOrRefuses(msgpack, lengthPrefixed(encode(array)))), RUNS)
  })

  it('for arbitrary values behind an arbitrary length prefix', () => {
    fc.assert(fc.property(msgpackValue, fc.uint8Array({ minLength: 1, maxLength: 6 }), (value, prefix) => {
      const body = encode(value)
      const bytes = new Uint8Array(prefix.length + body.length)
      bytes.set(prefix)
      bytes.set(body, prefix.length)
      parsesOrRefuses(msgpack, bytes)
    }), RUNS)
  })

  it('still decodes after having refused garbage', () => {
    // One decoder serves every connection: a failed decode must not leave it in a bad state.
    fc.assert(fc.property(msgpackProtocolBytes, (bytes) => {
      try {
        msgpack.parse(bytes, LIMIT)
      }
      catch { /* refused, as it may be */ }
      expect(msgpack.parse(lengthPrefixed(encode([6])), LIMIT).messages).toEqual([{ type: 6 }])
    }), { numRuns: 500 })
  })
})

describe('parseHandshakeRequest never throws', () => {
  it('for arbitrary bytes, near-handshakes and JSON of any shape', () => {
    fc.assert(fc.property(handshakeBytes, (bytes) => {
      const result = parseHandshakeRequest(bytes)
      expect(['incomplete', 'invalid', 'request']).toContain(result.kind)
      if (result.kind === 'request') {
        expect(typeof result.request.protocol).toBe('string')
        expect(Number.isInteger(result.request.version)).toBe(true)
      }
    }), RUNS)
  })
})
