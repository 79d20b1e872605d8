import { describe, expect, it } from 'vitest'
import { LAST_SEEN_GRANULARITY_MS, REMEMBER_LIVE_SESSION_MS, SessionService } from '../../../server/accounts/session-service'
import { SESSION_MAX_AGE_SECONDS } from '../../../server/accounts/session-lifetime'
import { SessionsRepository } from '../../../server/accounts/sessions-repository'
import { UsersRepository } from '../../../server/accounts/users-repository'
import { databaseStatements } from '../../../server/observability/metrics'
import { useTestDatabase } from '../../support/database-suite'
import { databaseDrivers } from '../../support/test-databases'

const drivers = await databaseDrivers()
const statementsSoFar = async () => (await databaseStatements.get()).values[0]?.value ?? 0

describe.each(drivers)('a session\'s recorded activity on the $name database', (driver) => {
  const suite = useTestDatabase(driver, connection => ({
    users: new UsersRepository(connection.db),
    sessions: new SessionsRepository(connection.db),
  }))

  it.skipIf(driver.skipReason)('writes at most once per granularity, and a request within it costs one statement', async () => {
    const user = (await suite.users.create({ email: `active-${Date.now()}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    let now = new Date()
    const service = new SessionService(suite.sessions, { now: () => now })
    const { id: sessionId } = await service.start(user.id)
    const lastSeen = async () => (await suite.sessions.findLive(sessionId, new Date(0)))!.session.lastSeenAt.getTime()
    const started = await lastSeen()

    const authenticate = async () => {
      const before = await statementsSoFar()
      expect((await service.authenticate(sessionId))?.id).toBe(user.id)
      return (await statementsSoFar()) - before
    }

    now = new Date(started + LAST_SEEN_GRANULARITY_MS - 1_000)
    expect(await authenticate()).toBe(1)
    expect(await lastSeen()).toBe(started)

    now = new Date(started + LAST_SEEN_GRANULARITY_MS + 1_000)
    expect(await authenticate()).toBe(2)
    expect(await lastSeen()).toBe(now.getTime())

    const recorded = now.getTime()
    now = new Date(recorded + LAST_SEEN_GRANULARITY_MS / 2)
    expect(await authenticate()).toBe(1)
    expect(await lastSeen()).toBe(recorded)
  })

  it.skipIf(driver.skipReason)('remembering live sessions: reads none within the time, forgets one signed out at once, and still records activity', async () => {
    const user = (await suite.users.create({ email: `remembered-${Date.now()}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    let now = new Date()
    const service = new SessionService(suite.sessions, { now: () => now, rememberLiveForMs: REMEMBER_LIVE_SESSION_MS })
    const statementsOf = async (call: () => Promise<unknown>) => {
      const before = await statementsSoFar()
      await call()
      return (await statementsSoFar()) - before
    }
    const [kept, signedOut] = [(await service.start(user.id)).id, (await service.start(user.id)).id]
    const started = (await suite.sessions.findLive(kept, new Date(0)))!.session

    now = new Date(started.lastSeenAt.getTime() + 1_000)
    expect(await statementsOf(() => service.authenticate(kept))).toBe(1)
    now = new Date(now.getTime() + REMEMBER_LIVE_SESSION_MS - 2_000)
    expect(await statementsOf(async () => expect((await service.authenticate(kept))?.id).toBe(user.id))).toBe(0)

    expect((await service.authenticate(signedOut))?.id).toBe(user.id)
    await service.end(signedOut)
    expect(await service.authenticate(signedOut)).toBeNull()

    // Past the time it is remembered for it is read again; its minute of activity has passed, so it is written too.
    now = new Date(started.lastSeenAt.getTime() + LAST_SEEN_GRANULARITY_MS + 1_000)
    expect(await statementsOf(() => service.authenticate(kept))).toBe(2)
    expect((await suite.sessions.findLive(kept, new Date(0)))!.session.lastSeenAt.getTime()).toBe(now.getTime())
    now = new Date(now.getTime() + 1_000)
    expect(await statementsOf(() => service.authenticate(kept))).toBe(0)

    // Remembered or not, a session past its age limit opens nothing.
    now = new Date(started.createdAt.getTime() + SESSION_MAX_AGE_SECONDS * 1000)
    expect(await service.authenticate(kept)).toBeNull()
  })

  it.skipIf(driver.skipReason)('finds a session live from its one prepared read, with each call\'s own id and age limit', async () => {
    const user = (await suite.users.create({ email: `live-${Date.now()}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
    const [first, second] = [await suite.sessions.create(user.id), await suite.sessions.create(user.id)]
    const justBefore = (session: typeof first) => new Date(session.createdAt.getTime() - 1_000)
    const justAfter = (session: typeof first) => new Date(session.createdAt.getTime() + 1_000)

    expect((await suite.sessions.findLive(first.id, justBefore(first)))?.session.id).toBe(first.id)
    expect((await suite.sessions.findLive(second.id, justBefore(second)))?.user.id).toBe(user.id)
    expect(await suite.sessions.findLive(first.id, justAfter(first))).toBeNull()
    expect(await suite.sessions.revoke(second.id, new Date())).toBe(true)
    expect(await suite.sessions.findLive(second.id, justBefore(second))).toBeNull()
    expect((await suite.sessions.findLive(first.id, justBefore(first)))?.session.id).toBe(first.id)
  })
})
