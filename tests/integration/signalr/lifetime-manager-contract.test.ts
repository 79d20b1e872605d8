import type * as signalR from '@microsoft/signalr'
import { afterAll, afterEach, beforeEach, describe, expect, it } from 'vitest'
import { InMemoryLifetimeManager, RedisHubLifetimeManager, type HubLifetimeManager } from '../../../server/signalr/lifetime'
import { deleteRedisKeys, redisSkipReason, testRedisClient, uniqueRedisPrefix } from '../../support/redis'
import { buildClient, type ProtocolName, type TransportName } from '../../support/signalr/clients'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { waitFor } from '../../support/signalr/wait'

/**
 * What every lifetime manager must do, whatever keeps its state. Each case runs on a "cluster" of
 * hub servers, one manager each: one server for the in-memory manager, three for Redis (in this
 * process, each with its own Redis connections), with the official clients spread over them.
 */
interface ManagerUnderTest {
  name: string
  instances: number
  skipReason?: string
  create(): HubLifetimeManager
}

const redisPrefix = uniqueRedisPrefix()
const redisSkip = await redisSkipReason()

const MANAGERS: ManagerUnderTest[] = [
  { name: 'in memory', instances: 1, create: () => new InMemoryLifetimeManager() },
  {
    name: 'Redis, three instances',
    instances: 3,
    skipReason: redisSkip,
    create: () => new RedisHubLifetimeManager({ publisher: testRedisClient(), subscriber: testRedisClient(), channelPrefix: `${redisPrefix}:hub:test` }),
  },
]

afterAll(() => redisSkip ? undefined : deleteRedisKeys(redisPrefix))

/** A started client and everything it received as `Event`, in order. */
interface Recorded {
  connection: signalR.HubConnection
  id: string
  events: unknown[][]
  /** Where it is connected. */
  instance: number
}

for (const manager of MANAGERS) {
  describe.skipIf(manager.skipReason)(`lifetime manager contract: ${manager.name}`, () => {
    let servers: TestHubServer[] = []
    let clients: Recorded[] = []

    beforeEach(async () => {
      servers = await Promise.all(Array.from({ length: manager.instances }, () => startTestHubServer({ lifetimeManager: manager.create() })))
    })

    afterEach(async () => {
      await Promise.all(clients.map(client => client.connection.stop()))
      clients = []
      await Promise.all(servers.map(server => server.close()))
    })

    /** Connects a client of `user` to instance `n` modulo the cluster's size. */
    async function connect(n: number, user = 'alice', transport: TransportName = 'WebSockets', protocol: ProtocolName = 'json'): Promise<Recorded> {
      const instance = n % servers.length
      const connection = buildClient(servers[instance]!.hubUrl, { user, transport, protocol })
      const recorded: Recorded = { connection, id: '', events: [], instance }
      connection.on('Event', (...args: unknown[]) => {
        recorded.events.push(args)
      })
      await connection.start()
      // A hub call runs once the manager has registered the connection (with Redis: subscribed its channels).
      await connection.invoke('DoNothing')
      recorded.id = connection.connectionId!
      clients.push(recorded)
      return recorded
    }

    const server = (n: number) => servers[n % servers.length]!

    /**
     * Sends a fence to everyone from instance `n` and waits until every client has it: what instance
     * `n` sent before has then arrived wherever it was going (one publisher, one order).
     */
    async function settle(n: number, label = 'fence'): Promise<void> {
      await server(n).endpoint.clients.all.send('Event', label)
      await Promise.all(clients.filter(c => c.connection.state === 'Connected').map(client =>
        waitFor(() => client.events.some(args => args[0] === label), `${label} at ${client.id}`)))
    }

    /** What a client received before the fence, fences left out. */
    const received = (client: Recorded) => client.events.map(args => args[0]).filter(label => !String(label).startsWith('fence'))

    it('sends to all reach every connection on every instance once; all-except skips the named ones', async () => {
      const [a, b, c] = await Promise.all([connect(0), connect(1, 'bob'), connect(2, 'carol')])
      await server(1).endpoint.clients.all.send('Event', 'to everyone', { n: 1 })
      await server(2).endpoint.clients.allExcept([b!.id]).send('Event', 'not bob')
      await settle(1)
      await settle(2, 'fence-2')
      expect(a!.events.filter(args => args[0] === 'to everyone')).toEqual([['to everyone', { n: 1 }]])
      expect(received(a!)).toEqual(['to everyone', 'not bob'])
      expect(received(b!)).toEqual(['to everyone'])
      expect(received(c!)).toEqual(['to everyone', 'not bob'])
    })

    it('sends to one connection, or a list of them, wherever each is connected', async () => {
      const [a, b, c] = await Promise.all([connect(0), connect(1), connect(2)])
      await server(0).endpoint.clients.client(c!.id).send('Event', 'to c')
      await server(0).endpoint.clients.clients([a!.id, b!.id, 'no-such-connection']).send('Event', 'to a and b')
      await settle(0)
      expect(received(a!)).toEqual(['to a and b'])
      expect(received(b!)).toEqual(['to a and b'])
      expect(received(c!)).toEqual(['to c'])
    })

    it('sends to a group reach its members on every instance, in order, once, and stop after they leave', async () => {
      const members = await Promise.all([connect(0), connect(1), connect(2)])
      const outsider = await connect(1)
      for (const member of members) await member.connection.invoke('JoinGroup', 'g')
      for (let i = 0; i < 50; i++) void server(2).endpoint.clients.group('g').send('Event', i)
      await settle(2)
      for (const member of members) expect(received(member)).toEqual(Array.from({ length: 50 }, (_, i) => i))
      expect(received(outsider)).toEqual([])

      await members[1]!.connection.invoke('LeaveGroup', 'g')
      await server(0).endpoint.clients.group('g').send('Event', 'after leave')
      await settle(0, 'fence-2')
      expect(received(members[0]!).at(-1)).toBe('after leave')
      expect(received(members[1]!).at(-1)).toBe(49)
      expect(received(members[2]!).at(-1)).toBe('after leave')
    })

    it('reaches a connection in several of the addressed groups (or parts of a union) once', async () => {
      const both = await connect(0)
      const onlyB = await connect(1)
      const excluded = await connect(2)
      await both.connection.invoke('JoinGroup', 'a')
      await both.connection.invoke('JoinGroup', 'b')
      await onlyB.connection.invoke('JoinGroup', 'b')
      await excluded.connection.invoke('JoinGroup', 'a')
      await server(1).endpoint.clients.groups(['a', 'b']).send('Event', 'groups')
      await server(1).endpoint.clients.audience({ kind: 'union', audiences: [
        { kind: 'groups', groups: ['a'] }, { kind: 'groups', groups: ['b'] }, { kind: 'connections', connectionIds: [both.id] },
      ] }).send('Event', 'union')
      await server(1).endpoint.clients.groupExcept('a', [excluded.id]).send('Event', 'a except')
      await settle(1)
      expect(received(both)).toEqual(['groups', 'union', 'a except'])
      expect(received(onlyB)).toEqual(['groups', 'union'])
      expect(received(excluded)).toEqual(['groups', 'union'])
    })

    it('sends to a user reach all of that user\'s connections on every instance', async () => {
      const dana = await Promise.all([connect(0, 'dana'), connect(1, 'dana'), connect(2, 'dana')])
      const erin = await connect(1, 'erin')
      const frank = await connect(2, 'frank')
      await server(0).endpoint.clients.user('dana').send('Event', 'to dana')
      await server(0).endpoint.clients.users(['dana', 'erin']).send('Event', 'to dana and erin')
      await settle(0)
      for (const connection of dana) expect(received(connection)).toEqual(['to dana', 'to dana and erin'])
      expect(received(erin)).toEqual(['to dana and erin'])
      expect(received(frank)).toEqual([])
    })

    it('adds and removes a connection held by another instance to and from a group', async () => {
      const remote = await connect(2)
      await server(0).endpoint.lifetime.addToGroup(remote.id, 'added elsewhere')
      await server(1).endpoint.clients.group('added elsewhere').send('Event', 'joined')
      await settle(1)
      await server(0).endpoint.lifetime.removeFromGroup(remote.id, 'added elsewhere')
      await server(1).endpoint.clients.group('added elsewhere').send('Event', 'left')
      await settle(1, 'fence-2')
      expect(received(remote)).toEqual(['joined'])
    })

    it('treats a group change for a connection open nowhere as nothing to do', async () => {
      await expect(server(0).endpoint.lifetime.addToGroup('no-such-connection', 'g')).resolves.toBeUndefined()
      await expect(server(0).endpoint.lifetime.removeFromGroup('no-such-connection', 'g')).resolves.toBeUndefined()
    })

    it('forgets a closed connection\'s memberships, and a new member of the same group is reached', async () => {
      const leaving = await connect(0)
      const staying = await connect(1)
      await leaving.connection.invoke('JoinGroup', 'g')
      await leaving.connection.stop()
      clients = clients.filter(client => client !== leaving)
      await staying.connection.invoke('JoinGroup', 'g')
      const late = await connect(0)
      await late.connection.invoke('JoinGroup', 'g')
      await server(2).endpoint.clients.group('g').send('Event', 'still a group')
      await settle(2)
      expect(received(staying)).toEqual(['still a group'])
      expect(received(late)).toEqual(['still a group'])
    })

    it('encodes one message for JSON and MessagePack clients on every transport alike', async () => {
      const matrix: Array<[TransportName, ProtocolName]> = [['WebSockets', 'json'], ['WebSockets', 'messagepack'], ['ServerSentEvents', 'json'], ['LongPolling', 'messagepack']]
      const connected = await Promise.all(matrix.map(([transport, protocol], n) => connect(n, 'alice', transport, protocol)))
      for (const client of connected) await client.connection.invoke('JoinGroup', 'mixed')
      const payload = { text: 'héllo ✓', list: [1, 2.5, null, true], nested: { at: '2030-01-01T00:00:00.000Z' }, omitted: undefined }
      await server(1).endpoint.clients.group('mixed').send('Event', payload)
      await settle(1)
      for (const client of connected) expect(client.events[0]).toEqual([{ text: 'héllo ✓', list: [1, 2.5, null, true], nested: { at: '2030-01-01T00:00:00.000Z' } }])
    })

    it('closes the connections whose principal matches, on every instance, telling their clients why', async () => {
      const targets = await Promise.all([connect(0, 'mallory'), connect(1, 'mallory'), connect(2, 'mallory')])
      const bystander = await connect(1, 'alice')
      const closedWith = targets.map(target => new Promise<Error | undefined>(resolve => target.connection.onclose(resolve)))
      await server(0).endpoint.closeConnectionsEverywhere([{ userId: 'mallory' }], 'Your access ended.')
      for (const error of await Promise.all(closedWith)) expect(error?.message).toContain('Your access ended.')
      clients = clients.filter(client => !targets.includes(client))
      await settle(2)
      expect(bystander.connection.state).toBe('Connected')
    })
  })
}
