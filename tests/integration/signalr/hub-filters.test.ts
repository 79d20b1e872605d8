import * as signalR from '@microsoft/signalr'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { HubError, type HubFilter } from '../../../server/signalr'
import { bearer } from '../../support/signalr/http-client'
import { startTestHubServer, tokenFor, type TestHubServer } from '../../support/signalr/test-server'

const calls: string[] = []

/** Records the order it runs in, around the method. */
const recording = (name: string): HubFilter => ({
  async invokeMethod(invocation, next) {
    calls.push(`${name} before ${invocation.methodName}(${invocation.arguments.join(',')})`)
    const result = await next()
    calls.push(`${name} after ${String(result)}`)
    return result
  },
})

const refuseAdd: HubFilter = {
  async invokeMethod(invocation, next) {
    if (invocation.methodName === 'Add') throw new HubError('Add is switched off')
    return next()
  },
}

describe('hub filters and connection admission', () => {
  let server: TestHubServer
  beforeAll(async () => {
    server = await startTestHubServer({
      filters: [recording('outer'), refuseAdd, recording('inner')],
      admitConnection: async (principal, open) => principal.userId === 'mallory' && open >= 1
        ? { status: 429, message: 'One is enough.', retryAfterSeconds: 7 }
        : null,
    })
  })
  afterAll(() => server.close())

  const connect = async (user: string) => {
    const connection = new signalR.HubConnectionBuilder()
      .withUrl(server.hubUrl, { accessTokenFactory: () => tokenFor(user) })
      .configureLogging(signalR.LogLevel.None)
      .build()
    await connection.start()
    return connection
  }

  it('wrap each call in the order given, and may refuse one with a message for the client', async () => {
    const connection = await connect('alice')
    expect(await connection.invoke('echo', 'hi')).toBe('hi')
    expect(calls).toEqual(['outer before Echo(hi)', 'inner before Echo(hi)', 'inner after hi', 'outer after hi'])

    calls.length = 0
    await expect(connection.invoke('Add', 1, 2)).rejects.toThrow('An unexpected error occurred invoking \'Add\' on the server. HubException: Add is switched off')
    expect(calls).toEqual(['outer before Add(1,2)'])
    await connection.stop()
  })

  it('admission refuses a further connection with its status, text and Retry-After', async () => {
    const first = await connect('mallory')
    const refused = await fetch(`${server.hubUrl}/negotiate?negotiateVersion=1`, { method: 'POST', headers: bearer('mallory') })
    expect(refused.status).toBe(429)
    expect(refused.headers.get('retry-after')).toBe('7')
    expect(await refused.text()).toBe('One is enough.')
    await expect(connect('mallory')).rejects.toThrow(/429/)
    await first.stop()
    await (await connect('mallory')).stop()
  })
})
