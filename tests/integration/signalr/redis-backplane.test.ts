import { afterAll, afterEach, describe, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import { RedisHubLifetimeManager } from '../../../server/signalr/lifetime'
import { deleteRedisKeys, redisSkipReason, testRedisClient, uniqueRedisPrefix } from '../../support/redis'
import { buildClient, nextEvent } from '../../support/signalr/clients'
import { negotiateId, poll } from '../../support/signalr/http-client'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { waitFor } from '../../support/signalr/wait'

/** What only a backplane has to get right: instances that die, subscriptions that end, bad data on a channel. */
const skipReason = await redisSkipReason()
const prefix = uniqueRedisPrefix()
const channelPrefix = `${prefix}:hub:test`

describe.skipIf(skipReason)('Redis hub backplane', () => {
  const servers: TestHubServer[] = []
  const admin = skipReason ? undefined : testRedisClient()
  afterEach(async () => {
    await Promise.all(servers.splice(0).map(server => server.close()))
  })
  afterAll(async () => {
    admin?.disconnect()
    await deleteRedisKeys(prefix)
  })

  async function instance(errors: string[] = []): Promise<{ server: TestHubServer, publisher: Redis, subscriber: Redis }> {
    const publisher = testRedisClient()
    const subscriber = testRedisClient()
    const lifetimeManager = new RedisHubLifetimeManager({
      publisher, subscriber, channelPrefix, ackTimeoutMs: 60_000, onError: (_, what) => errors.push(what),
    })
    const server = await startTestHubServer({ lifetimeManager })
    servers.push(server)
    return { server, publisher, subscriber }
  }

  const subscribersOf = async (channel: string) => Number((await admin!.pubsub('NUMSUB', channel))[1])

  it('leaves no member behind when an instance dies: its subscriptions end with its Redis connections', async () => {
    const live = await instance()
    const dying = await instance()
    const onDying = buildClient(dying.server.hubUrl)
    const onLive = buildClient(live.server.hubUrl)
    await Promise.all([onDying.start(), onLive.start()])
    await onDying.invoke('JoinGroup', 'g')
    await onLive.invoke('JoinGroup', 'g')
    expect(await subscribersOf(`${channelPrefix}:group:g`)).toBe(2)

    // As a killed process: its sockets to Redis close, nothing says goodbye.
    dying.subscriber.disconnect()
    dying.publisher.disconnect()
    while (await subscribersOf(`${channelPrefix}:group:g`) !== 1) await new Promise(resolve => setTimeout(resolve, 10))

    // A group change for a connection of the dead instance does not wait for an acknowledgement that cannot come.
    await live.server.endpoint.lifetime.addToGroup(onDying.connectionId!, 'other')
    const received = nextEvent<[string]>(onLive, 'GroupMessage')
    await live.server.endpoint.clients.group('g').send('GroupMessage', 'still here')
    expect(await received).toEqual(['still here'])
    await onLive.stop()
    await onDying.stop()
  })

  it('stops hearing a group\'s channel once its last member here leaves, and a user\'s once its last connection closes', async () => {
    const { server } = await instance()
    const first = buildClient(server.hubUrl, { user: 'gina' })
    const second = buildClient(server.hubUrl, { user: 'gina' })
    await Promise.all([first.start(), second.start()])
    await first.invoke('JoinGroup', 'quiet')
    await second.invoke('JoinGroup', 'quiet')
    expect(await subscribersOf(`${channelPrefix}:group:quiet`)).toBe(1)
    expect(await subscribersOf(`${channelPrefix}:user:gina`)).toBe(1)
    await first.invoke('LeaveGroup', 'quiet')
    expect(await subscribersOf(`${channelPrefix}:group:quiet`)).toBe(1)
    await second.invoke('LeaveGroup', 'quiet')
    expect(await subscribersOf(`${channelPrefix}:group:quiet`)).toBe(0)
    await first.stop()
    await second.stop()
    while (await subscribersOf(`${channelPrefix}:user:gina`) !== 0) await new Promise(resolve => setTimeout(resolve, 10))
    expect(await subscribersOf(`${channelPrefix}:connection:${first.connectionId}`)).toBe(0)
  })

  it('reports an unreadable message on a channel and carries on delivering', async () => {
    const errors: string[] = []
    const { server } = await instance(errors)
    const client = buildClient(server.hubUrl)
    await client.start()
    await admin!.publish(`${channelPrefix}:all`, Buffer.from([0xc1, 0xff, 0x00]))
    const received = nextEvent<[string]>(client, 'Broadcast')
    await server.endpoint.clients.all.send('Broadcast', 'after the noise')
    expect(await received).toEqual(['after the noise'])
    // The noise came over another Redis connection: it may be read after the broadcast.
    await waitFor(() => errors.includes('reading a backplane message'), 'the unreadable message to be reported')
    await client.stop()
  })

  it('refuses with 421 a poll for a connection negotiated on another instance, and 404 once that instance is gone', async () => {
    const holder = await instance()
    const other = await instance()
    const id = await negotiateId(holder.server.hubUrl)
    expect((await poll(other.server.hubUrl, id)).status).toBe(421)

    // Killed: nothing releases the claim, but it ends with the dead instance's subscriber connection.
    holder.subscriber.disconnect()
    holder.publisher.disconnect()
    let status = 421
    while (status === 421) status = (await poll(other.server.hubUrl, id)).status
    expect(status).toBe(404)
  })
})
