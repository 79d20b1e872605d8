import { Subject, type HubConnection } from '@microsoft/signalr'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { buildClient, nextEvent, TRANSPORT_MATRIX } from '../../support/signalr/clients'
import { observed } from '../../support/signalr/test-hub'
import { startTestHubServer, type TestHubServer } from '../../support/signalr/test-server'
import { waitFor } from '../../support/signalr/wait'

/** What the official client's functional tests cover, for every transport × hub protocol. */
describe.each(TRANSPORT_MATRIX)('official client over $transport with $protocol', ({ transport, protocol }) => {
  let server: TestHubServer
  const open: HubConnection[] = []
  const connect = async (user = 'alice') => {
    const client = buildClient(server.hubUrl, { transport, protocol, user })
    open.push(client)
    await client.start()
    return client
  }

  beforeAll(async () => {
    server = await startTestHubServer()
  })
  afterEach(async () => {
    await Promise.all(open.splice(0).map(client => client.stop()))
  })
  afterAll(() => server.close())

  it('invokes a method and receives its result', async () => {
    const client = await connect()
    expect(await client.invoke('Add', 2, 40)).toBe(42)
    expect(await client.invoke('Echo', 'héllo ✓ <b>')).toBe('héllo ✓ <b>')
  })

  it('round-trips complex objects', async () => {
    const client = await connect()
    const value = { name: 'Launch', tags: ['a', 'b'], nested: { score: 97.5, ok: true, none: null }, list: [1, [2, 3]] }
    expect(await client.invoke('EchoObject', value)).toEqual(value)
  })

  it('completes a method without a value with null', async () => {
    const client = await connect()
    expect(await client.invoke('DoNothing')).toBeNull()
  })

  it('sees the authenticated user in hub methods', async () => {
    const client = await connect('bob')
    expect(await client.invoke('WhoAmI')).toBe('bob')
  })

  it('sends without waiting, and the server calls the client back', async () => {
    const client = await connect()
    const calledBack = nextEvent<[string, { length: number }]>(client, 'CalledBack')
    await client.send('CallMeBack', 'ping')
    expect(await calledBack).toEqual(['ping', { length: 4 }])
  })

  it('delivers group messages to members only', async () => {
    const [member, outsider, sender] = await Promise.all([connect('m'), connect('o'), connect('s')])
    await member.invoke('JoinGroup', 'launch')
    let outsiderHeard = false
    outsider.on('GroupMessage', () => {
      outsiderHeard = true
    })
    const heard = nextEvent<[string, string]>(member, 'GroupMessage')
    await sender.invoke('SendToGroup', 'launch', 'hello group')
    expect(await heard).toEqual(['launch', 'hello group'])
    // The outsider's own round trip proves any message for it would have arrived by now.
    await outsider.invoke('Echo', 'sync')
    expect(outsiderHeard).toBe(false)
  })

  it('streams results to the client until the stream completes', async () => {
    const client = await connect()
    const items = await new Promise<number[]>((resolve, reject) => {
      const received: number[] = []
      client.stream<number>('Counter', 5, 0).subscribe({
        next: item => received.push(item),
        complete: () => resolve(received),
        error: reject,
      })
    })
    expect(items).toEqual([0, 1, 2, 3, 4])
  })

  it('stops a server stream when the client cancels it', async () => {
    const client = await connect()
    const before = observed.cancelledStreams
    await new Promise<void>((resolve, reject) => {
      let count = 0
      const subscription = client.stream<number>('Endless').subscribe({
        next: () => {
          if (++count === 3) {
            subscription.dispose()
            resolve()
          }
        },
        complete: () => reject(new Error('an endless stream completed')),
        error: reject,
      })
    })
    await waitFor(() => observed.cancelledStreams > before, 'the server to observe the cancellation')
  })

  it('reports an error raised while streaming', async () => {
    const client = await connect()
    const error = await new Promise<Error>((resolve, reject) => {
      client.stream('FailingStream').subscribe({ next: () => {}, complete: () => reject(new Error('completed')), error: resolve })
    })
    expect(error.message).toBe('An error occurred on the server while streaming results. HubException: the stream broke')
  })

  it('accepts client-to-server upload streams', async () => {
    const client = await connect()
    const numbers = new Subject<number>()
    const total = client.invoke('Sum', numbers)
    for (const n of [1, 2, 3, 4]) numbers.next(n)
    numbers.complete()
    expect(await total).toBe(10)

    const first = new Subject<string>()
    const second = new Subject<string>()
    // The client lifts streams out of the arguments with a splice inside a forward loop, so two
    // adjacent streams would leave the second behind: keep a plain argument between them.
    const joined = client.invoke('Concat', first, '-', second)
    first.next('a')
    second.next('c')
    first.next('b')
    first.complete()
    second.complete()
    expect(await joined).toBe('a-b-c')
  })

  it('answers with ASP.NET Core\'s error texts', async () => {
    const client = await connect()
    await expect(client.invoke('NoSuchMethod')).rejects.toThrow(
      'Failed to invoke \'NoSuchMethod\' due to an error on the server. HubException: Method does not exist.')
    await expect(client.invoke('Add', 1)).rejects.toThrow(/^Failed to invoke 'Add' due to an error on the server\.$/)
    await expect(client.invoke('Add', 'one', 'two')).rejects.toThrow(/^Failed to invoke 'Add' due to an error on the server\.$/)
    // An unexpected exception is not described to the client …
    await expect(client.invoke('Throw')).rejects.toThrow(/^An unexpected error occurred invoking 'Throw' on the server\.$/)
    // … while a deliberate hub error is.
    await expect(client.invoke('ThrowHubError', 'Campaign is locked')).rejects.toThrow(
      'An unexpected error occurred invoking \'ThrowHubError\' on the server. HubException: Campaign is locked')
    await expect(client.invoke('Counter', 1, 0)).rejects.toThrow(
      'The client attempted to invoke the streaming \'Counter\' method with a non-streaming invocation.')
    // The connection survives every one of them.
    expect(await client.invoke('Echo', 'still here')).toBe('still here')
  })

  it('matches method names without regard to case', async () => {
    const client = await connect()
    expect(await client.invoke('echo', 'lower')).toBe('lower')
  })

  it('runs one invocation per client at a time', async () => {
    const client = await connect()
    const finished: string[] = []
    await Promise.all([
      client.invoke('Delay', 200, 'slow').then(value => finished.push(value)),
      client.invoke('Echo', 'quick').then(value => finished.push(value)),
    ])
    expect(finished).toEqual(['slow', 'quick'])
  })

  it('refuses to start without a valid token', async () => {
    for (const token of [null, 'forged']) {
      const client = buildClient(server.hubUrl, { transport, protocol, token })
      await expect(client.start()).rejects.toThrow(/401|Unauthorized/)
    }
  })

  it('closes the connection when a message exceeds 32 KB', async () => {
    const client = await connect()
    const closed = new Promise<Error | undefined>(resolve => client.onclose(resolve))
    client.invoke('Echo', 'x'.repeat(40 * 1024)).catch(() => {})
    const error = await closed
    expect(error?.message).toBe('Server returned an error on close: Connection closed with an error.')
  })
})
