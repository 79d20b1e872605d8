import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { buildClient, TRANSPORT_MATRIX } from '../../support/signalr/clients'

describe('smoke', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer()
  })
  afterAll(() => server.close())

  it.each(TRANSPORT_MATRIX)('$transport × $protocol: invoke', async ({ transport, protocol }) => {
    const client = buildClient(server.hubUrl, { transport, protocol })
    await client.start()
    expect(await client.invoke('Echo', 'hello')).toBe('hello')
    await client.stop()
  })
})
