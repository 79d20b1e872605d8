import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHubServer, tokenFor, type TestHubServer } from '../../support/signalr/test-server'
import { negotiateRaw, poll, statusAndText, type NegotiateResponse } from '../../support/signalr/http-client'
import { RawSocket } from '../../support/signalr/raw-socket'
import { waitFor } from '../../support/signalr/wait'

const ID = /^[\w-]{22}$/
const TRANSPORTS = [
  { transport: 'WebSockets', transferFormats: ['Text', 'Binary'] },
  { transport: 'ServerSentEvents', transferFormats: ['Text'] },
  { transport: 'LongPolling', transferFormats: ['Text', 'Binary'] },
]

async function negotiateJson(server: TestHubServer, query?: string, init?: RequestInit) {
  const response = await negotiateRaw(server.hubUrl, query, init)
  expect(response.status).toBe(200)
  expect(response.headers.get('content-type')).toMatch(/^application\/json/)
  const text = await response.text()
  return { text, body: JSON.parse(text) as NegotiateResponse }
}

describe('negotiate', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer()
  })
  afterAll(() => server.close())

  it('version 1: a connection id and a separate token, with the fields in ASP.NET Core order', async () => {
    const { body } = await negotiateJson(server, 'negotiateVersion=1')
    expect(Object.keys(body)).toEqual(['negotiateVersion', 'connectionId', 'connectionToken', 'availableTransports'])
    expect(body.negotiateVersion).toBe(1)
    expect(body.connectionId).toMatch(ID)
    expect(body.connectionToken).toMatch(ID)
    expect(body.connectionToken).not.toBe(body.connectionId)
    expect(body.availableTransports).toEqual(TRANSPORTS)
  })

  it('version 1: transports take the token, not the public connection id', async () => {
    const { body } = await negotiateJson(server, 'negotiateVersion=1')
    expect(await statusAndText(poll(server.hubUrl, body.connectionId))).toMatchObject({ status: 404, text: 'No Connection with that ID' })
    expect((await poll(server.hubUrl, body.connectionToken!)).status).toBe(200)
  })

  it('version 0 (no query): no connectionToken, and the connection id is what transports take', async () => {
    const { body } = await negotiateJson(server, '')
    expect(Object.keys(body)).toEqual(['negotiateVersion', 'connectionId', 'availableTransports'])
    expect(body.negotiateVersion).toBe(0)
    expect(body.connectionId).toMatch(ID)
    expect(body.availableTransports).toEqual(TRANSPORTS)
    expect((await poll(server.hubUrl, body.connectionId)).status).toBe(200)
  })

  it('every negotiation gets fresh ids', async () => {
    const ids = new Set<string>()
    for (let i = 0; i < 5; i++) {
      const { body } = await negotiateJson(server)
      ids.add(body.connectionId).add(body.connectionToken!)
    }
    expect(ids.size).toBe(10)
  })

  it.each(['2', '99', '2147483647'])('version %s is answered as version 1', async (version) => {
    const { body } = await negotiateJson(server, `negotiateVersion=${version}`)
    expect(body.negotiateVersion).toBe(1)
    expect(body.connectionToken).toMatch(ID)
  })

  it('reads the version key without regard to case', async () => {
    const { body } = await negotiateJson(server, 'NEGOTIATEVERSION=1')
    expect(body.negotiateVersion).toBe(1)
  })

  it.each([
    ['abc', 'negotiateVersion=abc'],
    ['empty', 'negotiateVersion='],
    ['fractional', 'negotiateVersion=1.5'],
    ['repeated', 'negotiateVersion=1&negotiateVersion=1'],
  ])('a %s version is answered 200 with the non-integer error and creates no connection', async (_, query) => {
    const before = server.endpoint.connectionCount
    const { text } = await negotiateJson(server, query)
    expect(text).toBe('{"error":"The client requested a non-integer protocol version."}')
    expect(server.endpoint.connectionCount).toBe(before)
  })

  it('a negative version is answered 200 with the unsupported-version error', async () => {
    const before = server.endpoint.connectionCount
    const { text } = await negotiateJson(server, 'negotiateVersion=-1')
    expect(text).toBe('{"error":"The client requested version \'-1\', but the server does not support this version."}')
    expect(server.endpoint.connectionCount).toBe(before)
  })

  it.each(['GET', 'PUT', 'DELETE', 'PATCH'])('%s is answered 405 with an empty body', async (method) => {
    const response = await negotiateRaw(server.hubUrl, 'negotiateVersion=1', { method })
    expect(response.status).toBe(405)
    expect(await response.text()).toBe('')
  })

  it.each(['true', 'True', 'TRUE'])('useStatefulReconnect=%s is echoed as the first field', async (value) => {
    const { body } = await negotiateJson(server, `negotiateVersion=1&useStatefulReconnect=${value}`)
    expect(Object.keys(body)).toEqual(['useStatefulReconnect', 'negotiateVersion', 'connectionId', 'connectionToken', 'availableTransports'])
    expect(body.useStatefulReconnect).toBe(true)
  })

  it.each([
    ['not requested', 'negotiateVersion=1'],
    ['false', 'negotiateVersion=1&useStatefulReconnect=false'],
    ['not a boolean', 'negotiateVersion=1&useStatefulReconnect=yes'],
  ])('useStatefulReconnect is absent when %s', async (_, query) => {
    const { body } = await negotiateJson(server, query)
    expect(body).not.toHaveProperty('useStatefulReconnect')
  })

  describe('authentication', () => {
    it('401 without a token', async () => {
      const response = await negotiateRaw(server.hubUrl, 'negotiateVersion=1', { headers: {} })
      expect(response.status).toBe(401)
    })

    it('401 with a bad token in the Authorization header', async () => {
      const response = await negotiateRaw(server.hubUrl, 'negotiateVersion=1', { headers: { Authorization: 'Bearer forged' } })
      expect(response.status).toBe(401)
    })

    it('401 with a bad token in the access_token query', async () => {
      const response = await negotiateRaw(server.hubUrl, 'negotiateVersion=1&access_token=forged', { headers: {} })
      expect(response.status).toBe(401)
    })

    it('accepts a valid token in the access_token query', async () => {
      const response = await negotiateRaw(server.hubUrl, `negotiateVersion=1&access_token=${tokenFor('alice')}`, { headers: {} })
      expect(response.status).toBe(200)
      expect((await response.json() as NegotiateResponse).connectionToken).toMatch(ID)
    })

    it('creates no connection for a refused request', async () => {
      const before = server.endpoint.connectionCount
      await negotiateRaw(server.hubUrl, 'negotiateVersion=1', { headers: {} })
      expect(server.endpoint.connectionCount).toBe(before)
    })
  })
})

describe('an unused negotiated connection', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer({ disconnectTimeoutMs: 500, heartbeatIntervalMs: 50 })
  })
  afterAll(() => server.close())

  it('expires after the disconnect timeout; its id is then unknown to every transport', async () => {
    const { body } = await negotiateJson(server)
    const id = body.connectionToken!
    expect(server.endpoint.connectionCount).toBe(1)
    await waitFor(() => server.endpoint.connectionCount === 0, 'the negotiated connection to expire')
    expect(await statusAndText(poll(server.hubUrl, id))).toMatchObject({ status: 404, text: 'No Connection with that ID' })
    expect(await RawSocket.upgradeStatus(server.hubUrl, { id })).toEqual({ status: 404, body: 'No Connection with that ID' })
  })
})
