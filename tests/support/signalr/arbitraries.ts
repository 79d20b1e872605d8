import { encode } from '@msgpack/msgpack'
import fc from 'fast-check'
import { concatBytes, jsonFrame, lengthPrefixed, msgpackFrame, RS } from './wire'

/**
 * fast-check generators for what a hostile or broken client may send. Pure noise rarely gets
 * past the first check, so most of them start from something close to a real hub message.
 */

const utf8 = (text: string) => new TextEncoder().encode(text)

/** Well-formed messages to start mutations from. */
const VALID_JSON = [
  jsonFrame({ type: 1, invocationId: '1', target: 'Echo', arguments: ['x'] }),
  jsonFrame({ type: 4, invocationId: '2', target: 'Counter', arguments: [2, 0] }),
  jsonFrame({ type: 2, invocationId: 's', item: 1 }),
  jsonFrame({ type: 3, invocationId: 's' }),
  jsonFrame({ type: 5, invocationId: '2' }),
  jsonFrame({ type: 6 }),
  jsonFrame({ type: 8, sequenceId: 1 }),
].map(utf8)

const VALID_MSGPACK = [
  msgpackFrame([1, {}, '1', 'Echo', ['x']]),
  msgpackFrame([4, {}, '2', 'Counter', [2, 0], []]),
  msgpackFrame([2, {}, 's', 1]),
  msgpackFrame([3, {}, 's', 2]),
  msgpackFrame([3, {}, 's', 1, 'failed']),
  msgpackFrame([5, {}, '2']),
  msgpackFrame([6]),
  msgpackFrame([7, null]),
]

/** A message type field: mostly the real ones, sometimes not. */
const messageType = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 1, max: 9 }) },
  { weight: 1, arbitrary: fc.integer({ min: -1, max: 300 }) },
  { weight: 1, arbitrary: fc.oneof(fc.double(), fc.string(), fc.constant(null)) },
)

/** Values of the kinds MessagePack carries, nested. */
export const msgpackValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>(tie => ({
  value: fc.oneof(
    { depthSize: 'small' },
    fc.constant(null),
    fc.boolean(),
    fc.integer(),
    fc.double(),
    fc.string(),
    fc.uint8Array({ maxLength: 16 }),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.string(), tie('value'), { maxKeys: 4 }),
  ),
})).value

/** JSON objects with hub-message field names and values of every type, right or wrong. */
export const jsonishRecord: fc.Arbitrary<Record<string, unknown>> = fc.record({
  type: messageType,
  invocationId: fc.oneof(fc.string(), fc.jsonValue()),
  target: fc.oneof(fc.constantFrom('Echo', 'Add', 'Counter', 'Abort', 'Nope'), fc.jsonValue()),
  arguments: fc.oneof(fc.array(fc.jsonValue(), { maxLength: 3 }), fc.jsonValue()),
  streamIds: fc.oneof(fc.array(fc.string(), { maxLength: 2 }), fc.jsonValue()),
  item: fc.jsonValue(),
  result: fc.jsonValue(),
  error: fc.oneof(fc.string(), fc.jsonValue()),
  headers: fc.oneof(fc.dictionary(fc.string(), fc.string(), { maxKeys: 2 }), fc.jsonValue()),
  sequenceId: fc.oneof(fc.integer(), fc.jsonValue()),
  allowReconnect: fc.jsonValue(),
}, { requiredKeys: [] })

/** MessagePack hub-message arrays: a type, then values of any kind where the fields go. */
export const msgpackishArray: fc.Arbitrary<unknown[]> = fc.tuple(messageType, fc.array(msgpackValue, { maxLength: 6 }))
  .map(([type, rest]) => [type, ...rest])

/** Overwrites a few bytes of `bytes` at arbitrary positions. */
function mutated(frames: Uint8Array[]): fc.Arbitrary<Uint8Array> {
  return fc.tuple(fc.constantFrom(...frames), fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 4 }))
    .map(([frame, edits]) => {
      const copy = Uint8Array.from(frame)
      for (const [at, byte] of edits) copy[at % copy.length] = byte
      return copy
    })
}

/** Bytes for the JSON protocol: noise, mutated messages, stray JSON and hub-like records. */
export const jsonProtocolBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 256 }),
  mutated(VALID_JSON),
  fc.jsonValue().map(value => utf8(JSON.stringify(value) + RS)),
  fc.array(jsonishRecord, { minLength: 1, maxLength: 3 }).map(records => utf8(records.map(record => JSON.stringify(record) + RS).join(''))),
)

/** Bytes for the MessagePack protocol: noise, mutated messages, arbitrary values and hub-like arrays. */
export const msgpackProtocolBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 256 }),
  mutated(VALID_MSGPACK),
  msgpackValue.map(value => lengthPrefixed(encode(value))),
  fc.array(msgpackishArray, { minLength: 1, maxLength: 3 }).map(arrays => concatBytes(...arrays.map(array => msgpackFrame(array)))),
)

/** Bytes where a handshake is expected: noise, near-handshakes and JSON of any shape. */
export const handshakeBytes: fc.Arbitrary<Uint8Array> = fc.oneof(
  fc.uint8Array({ maxLength: 256 }),
  mutated([utf8(`{"protocol":"json","version":1}${RS}`), utf8(`{"protocol":"messagepack","version":1}${RS}`)]),
  fc.jsonValue().map(value => utf8(JSON.stringify(value) + RS)),
  fc.record({ protocol: fc.oneof(fc.constantFrom('json', 'messagepack'), fc.jsonValue()), version: fc.jsonValue() }, { requiredKeys: [] })
    .map(record => utf8(JSON.stringify(record) + RS)),
)
