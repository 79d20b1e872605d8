import { describe, expect, it } from 'vitest'
import { parseHandshakeRequest, writeHandshakeResponse } from '../../../server/signalr/protocol'
import { RS } from '../../support/signalr/wire'

const bytes = (text: string) => new TextEncoder().encode(text)
const text = (data: Uint8Array) => new TextDecoder().decode(data)

describe('parseHandshakeRequest', () => {
  it('reads protocol and version, and hands back what follows the separator', () => {
    const result = parseHandshakeRequest(bytes(`{"protocol":"json","version":1}${RS}{"type":6}${RS}`))
    expect(result.kind).toBe('request')
    if (result.kind !== 'request') return
    expect(result.request).toEqual({ protocol: 'json', version: 1 })
    expect(text(result.remaining)).toBe(`{"type":6}${RS}`)
  })

  it('ignores unknown properties and their order', () => {
    expect(parseHandshakeRequest(bytes(`{"x":[1,{}],"version":2,"protocol":"messagepack"}${RS}`)))
      .toMatchObject({ kind: 'request', request: { protocol: 'messagepack', version: 2 } })
  })

  it('is incomplete until the separator arrives', () => {
    expect(parseHandshakeRequest(bytes('{"protocol":"json","version":1}'))).toEqual({ kind: 'incomplete' })
    expect(parseHandshakeRequest(new Uint8Array(0))).toEqual({ kind: 'incomplete' })
  })

  it.each([
    ['not JSON', 'nope', 'Error reading JSON.'],
    ['a missing version', '{"protocol":"json"}', 'Missing required property \'version\'. Message content: {"protocol":"json"}'],
    ['a missing protocol', '{"version":1}', 'Missing required property \'protocol\'. Message content: {"version":1}'],
    ['a string version', '{"protocol":"json","version":"1"}', 'Missing required property \'version\'.'],
    ['a fractional version', '{"protocol":"json","version":1.5}', 'Missing required property \'version\'.'],
    ['an array', '[]', 'Unexpected token'],
    ['null', 'null', 'Unexpected token'],
  ])('refuses %s', (_, handshake, reason) => {
    const result = parseHandshakeRequest(bytes(handshake + RS))
    expect(result.kind).toBe('invalid')
    if (result.kind === 'invalid') expect(result.reason).toContain(reason)
  })
})

describe('writeHandshakeResponse', () => {
  it('success is exactly {} and the separator', () => {
    expect(Buffer.from(writeHandshakeResponse()).toString('hex')).toBe('7b7d1e')
  })

  it('an error is {"error":…} and the separator', () => {
    expect(writeHandshakeResponse('The protocol \'x\' is not supported.')).toBe(`{"error":"The protocol 'x' is not supported."}${RS}`)
  })
})
