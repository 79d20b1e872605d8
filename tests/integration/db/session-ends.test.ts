import pg from 'pg'
import { afterAll, describe, expect, it } from 'vitest'
import { listenForSessionEnds } from '../../../server/accounts/session-ends'
import { MAX_LIVE_SESSIONS_PER_USER, REMEMBER_LIVE_SESSION_MS, SessionService } from '../../../server/accounts/session-service'
import { SESSION_ENDED_CHANNEL, SessionsRepository } from '../../../server/accounts/sessions-repository'
import { UsersRepository } from '../../../server/accounts/users-repository'
import { PostgresListener } from '../../../server/db/postgres-listener'
import { databaseStatements } from '../../../server/observability/metrics'
import { useTestDatabase } from '../../support/database-suite'
import { databaseDrivers } from '../../support/test-databases'

const postgres = (await databaseDrivers()).find(driver => driver.name === 'postgres')!
const statementsSoFar = async () => (await databaseStatements.get()).values[0]?.value ?? 0

/** Resolves once `check` returns true, trying every 20 ms; fails after `withinMs`. */
async function eventually(check: () => Promise<boolean>, withinMs: number, what: string): Promise<void> {
  const deadline = Date.now() + withinMs
  while (!await check()) {
    if (Date.now() > deadline) throw new Error(`Not within ${withinMs} ms: ${what}`)
    await new Promise(resolve => setTimeout(resolve, 20))
  }
}

describe.skipIf(postgres.skipReason)('sign-outs heard by every instance sharing PostgreSQL', () => {
  const suite = useTestDatabase(postgres, connection => ({
    users: new UsersRepository(connection.db),
    sessions: new SessionsRepository(connection.db),
  }))
  const listeners: PostgresListener[] = []
  afterAll(() => Promise.all(listeners.map(listener => listener.close())))

  // Each instance's clock stands still: a session it remembered would be remembered for the whole test.
  const now = new Date()
  const instance = () => {
    const service = new SessionService(suite.sessions, { now: () => now, rememberLiveForMs: REMEMBER_LIVE_SESSION_MS, signOutsElsewhere: true })
    listeners.push(listenForSessionEnds(postgresUrl(), service))
    return service
  }
  const postgresUrl = () => suite.url!
  const statementsOf = async (call: () => Promise<unknown>) => {
    const before = await statementsSoFar()
    await call()
    return (await statementsSoFar()) - before
  }
  /** Until `service` answers for `sessionId` without reading the database: it listens, and remembers. */
  const remembered = (service: SessionService, sessionId: string) => eventually(
    async () => (await service.authenticate(sessionId)) !== null && await statementsOf(() => service.authenticate(sessionId)) === 0,
    5_000, 'the session is remembered')
  const newUser = async () => (await suite.users.create({ email: `ends-${Date.now()}-${Math.random()}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!

  it('announces a revocation when it revokes, and only then', async () => {
    const heard: string[] = []
    const listener = new PostgresListener(postgresUrl(), [SESSION_ENDED_CHANNEL], 'session-ends-test', { notification: (_channel, payload) => heard.push(payload) })
    listeners.push(listener)
    await listener.listen()
    const session = await suite.sessions.create((await newUser()).id)
    expect(await suite.sessions.revoke(session.id, new Date())).toBe(true)
    expect(await suite.sessions.revoke(session.id, new Date())).toBe(false)
    await eventually(async () => heard.length > 0, 5_000, 'the revocation is heard')
    await new Promise(resolve => setTimeout(resolve, 100))
    expect(heard).toEqual([session.id])
  })

  it('an instance refuses a session another instance signed out, though it had remembered it', async () => {
    const [first, second] = [instance(), instance()]
    const { id: sessionId } = await first.start((await newUser()).id)
    await remembered(first, sessionId)
    await second.end(sessionId)
    await eventually(async () => (await first.authenticate(sessionId)) === null, 5_000, 'the first instance refuses the signed-out session')
  })

  it('an instance refuses a session that a sign-in on another instance ended past the per-user cap', async () => {
    const [first, second] = [instance(), instance()]
    const user = await newUser()
    const { id: oldest } = await first.start(user.id)
    for (let signIn = 1; signIn < MAX_LIVE_SESSIONS_PER_USER; signIn++) await first.start(user.id)
    await remembered(first, oldest)
    expect((await second.start(user.id)).ended).toEqual([oldest])
    await eventually(async () => (await first.authenticate(oldest)) === null, 5_000, 'the first instance refuses the ended session')
  })

  it('remembers nothing while it cannot hear sign-outs, and remembers again once it listens again', async () => {
    const service = instance()
    const { id: sessionId } = await service.start((await newUser()).id)
    await remembered(service, sessionId)

    const admin = new pg.Client({ connectionString: postgresUrl() })
    await admin.connect()
    try {
      await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1 AND datname = current_database()', ['session-ends'])
    }
    finally {
      await admin.end()
    }
    // The session is read on every request from the moment the loss is noticed …
    await eventually(async () => await statementsOf(() => service.authenticate(sessionId)) === 1, 5_000, 'the session is read again')
    // … until the listener is back (it tries every second).
    await remembered(service, sessionId)
  })
})
