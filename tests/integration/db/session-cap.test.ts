import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { MAX_LIVE_SESSIONS_PER_USER, SessionService } from '../../../server/accounts/session-service'
import { SESSION_MAX_AGE_SECONDS } from '../../../server/accounts/session-lifetime'
import { SessionsRepository } from '../../../server/accounts/sessions-repository'
import { UsersRepository } from '../../../server/accounts/users-repository'
import { sessions } from '../../../server/db/schema'
import { useTestDatabase } from '../../support/database-suite'
import { databaseDrivers } from '../../support/test-databases'

const drivers = await databaseDrivers()

describe.each(drivers)('how many sessions a user keeps, on the $name database', (driver) => {
  const suite = useTestDatabase(driver, connection => ({
    users: new UsersRepository(connection.db),
    sessions: new SessionsRepository(connection.db),
  }))
  const newUser = async () => (await suite.users.create({ email: `cap-${Date.now()}-${Math.random()}@example.com`, name: 'Pat', passwordHash: 'scrypt$hash' }))!
  const rowsOf = async (userId: string) => (await suite.connection.db.select({ id: sessions.id }).from(sessions).where(eq(sessions.userId, userId))).map(row => row.id)
  const isLive = async (sessionId: string) => (await suite.sessions.findLive(sessionId, new Date(Date.now() - SESSION_MAX_AGE_SECONDS * 1000))) !== null

  it.skipIf(driver.skipReason)(`keeps the newest ${MAX_LIVE_SESSIONS_PER_USER} live: each sign-in beyond ends the oldest, and no one else's`, async () => {
    const service = new SessionService(suite.sessions)
    const [user, other] = [await newUser(), await newUser()]
    const othersSession = (await service.start(other.id)).id
    const started = []
    for (let signIn = 0; signIn < MAX_LIVE_SESSIONS_PER_USER; signIn++) {
      const session = await service.start(user.id)
      expect(session.ended).toEqual([])
      started.push(session.id)
    }
    const beyond = [await service.start(user.id), await service.start(user.id)]
    expect(beyond.map(session => session.ended)).toEqual([[started[0]], [started[1]]])

    expect(await isLive(started[0]!)).toBe(false)
    expect(await isLive(started[1]!)).toBe(false)
    const kept = [...started.slice(2), ...beyond.map(session => session.id)]
    expect((await Promise.all(kept.map(isLive))).every(Boolean)).toBe(true)
    expect((await rowsOf(user.id)).sort()).toEqual([...kept].sort())
    expect(await isLive(othersSession)).toBe(true)
  })

  it.skipIf(driver.skipReason)('deletes the records that open nothing (signed out, or past their age) when the user signs in', async () => {
    const service = new SessionService(suite.sessions)
    const user = await newUser()
    const [signedOut, aged, live] = [(await service.start(user.id)).id, (await service.start(user.id)).id, (await service.start(user.id)).id]
    await service.end(signedOut)
    const eightDaysAgo = new Date(Date.now() - (SESSION_MAX_AGE_SECONDS + 86_400) * 1000)
    await suite.connection.db.update(sessions).set({ createdAt: eightDaysAgo }).where(eq(sessions.id, aged))
    expect((await rowsOf(user.id)).sort()).toEqual([signedOut, aged, live].sort())

    const next = await service.start(user.id)
    expect(next.ended).toEqual([])
    expect((await rowsOf(user.id)).sort()).toEqual([live, next.id].sort())
  })
})
