import { describe, expect, it } from 'vitest'
import { UsersRepository } from '../../../server/accounts/users-repository'
import { PersonalAccessTokensRepository } from '../../../server/tokens/personal-access-tokens-repository'
import { MAX_PERSONAL_ACCESS_TOKENS_PER_USER } from '../../../server/tokens/personal-access-token-service'
import { useTestDatabase } from '../../support/database-suite'
import { databaseDrivers } from '../../support/test-databases'

const drivers = await databaseDrivers()
let sequence = 0
const uniqueEmail = () => `person-${Date.now()}-${sequence++}@example.com`

describe.each(drivers)('repositories on the $name database', (driver) => {
  const suite = useTestDatabase(driver, connection => ({
    users: new UsersRepository(connection.db),
    tokens: new PersonalAccessTokensRepository(connection.db),
  }))

  const newUser = (email = uniqueEmail()) => suite.users.create({ email, name: 'Pat', passwordHash: 'scrypt$hash' })
  const newToken = async (userId: string, hash: string, expiresAt = new Date(Date.now() + 60_000)) =>
    (await suite.tokens.create({ userId, name: `token ${hash}`, tokenHash: hash, tokenPrefix: 'map_pat_abcd', expiresAt }, MAX_PERSONAL_ACCESS_TOKENS_PER_USER))!

  describe.skipIf(driver.skipReason)('users', () => {
    it('stores a user and finds them by id and by email in any case', async () => {
      const email = uniqueEmail()
      const created = (await newUser(email.toUpperCase()))!
      expect(created.email).toBe(email)
      expect(created.createdAt).toBeInstanceOf(Date)
      expect((await suite.users.findById(created.id))?.email).toBe(email)
      expect((await suite.users.findByEmail(email.toUpperCase()))?.id).toBe(created.id)
    })

    it('refuses a second account for the same email, whatever its case', async () => {
      const email = uniqueEmail()
      expect(await newUser(email)).not.toBeNull()
      expect(await newUser(email.toUpperCase())).toBeNull()
    })

    it('finds nobody for unknown or malformed ids and emails', async () => {
      expect(await suite.users.findById('00000000-0000-4000-8000-000000000000')).toBeNull()
      expect(await suite.users.findById('not-a-uuid')).toBeNull()
      expect(await suite.users.findByEmail('nobody@example.com')).toBeNull()
    })
  })

  describe.skipIf(driver.skipReason)('personal access tokens', () => {
    it('finds a usable token with its owner by hash', async () => {
      const user = (await newUser())!
      const token = await newToken(user.id, `hash-${sequence++}`)
      const found = await suite.tokens.findUsable(token.tokenHash, new Date())
      expect(found?.token.id).toBe(token.id)
      expect(found?.user.id).toBe(user.id)
    })

    it('does not find an expired token', async () => {
      const user = (await newUser())!
      const token = await newToken(user.id, `hash-${sequence++}`, new Date(Date.now() - 1000))
      expect(await suite.tokens.findUsable(token.tokenHash, new Date())).toBeNull()
    })

    it('revokes only the owner\'s token, once, and a revoked token is neither found nor listed', async () => {
      const owner = (await newUser())!
      const stranger = (await newUser())!
      const token = await newToken(owner.id, `hash-${sequence++}`)
      expect(await suite.tokens.revoke(stranger.id, token.id, new Date())).toBe(false)
      expect(await suite.tokens.findUsable(token.tokenHash, new Date())).not.toBeNull()
      expect(await suite.tokens.revoke(owner.id, token.id, new Date())).toBe(true)
      expect(await suite.tokens.revoke(owner.id, token.id, new Date())).toBe(false)
      expect(await suite.tokens.findUsable(token.tokenHash, new Date())).toBeNull()
      expect(await suite.tokens.listForUser(owner.id)).toEqual([])
      expect(await suite.tokens.revoke(owner.id, 'not-a-uuid', new Date())).toBe(false)
    })

    it('lists a user\'s own tokens, newest first', async () => {
      const owner = (await newUser())!
      const other = (await newUser())!
      const first = await newToken(owner.id, `hash-${sequence++}`)
      await new Promise(resolve => setTimeout(resolve, 5))
      const second = await newToken(owner.id, `hash-${sequence++}`)
      await newToken(other.id, `hash-${sequence++}`)
      expect((await suite.tokens.listForUser(owner.id)).map(t => t.id)).toEqual([second.id, first.id])
    })

    it('records the last use, at most once per granularity window', async () => {
      const user = (await newUser())!
      const token = await newToken(user.id, `hash-${sequence++}`)
      const firstUse = new Date()
      await suite.tokens.touchLastUsed(token.id, firstUse, 60_000)
      await suite.tokens.touchLastUsed(token.id, new Date(firstUse.getTime() + 30_000), 60_000)
      let [row] = await suite.tokens.listForUser(user.id)
      expect(row?.lastUsedAt?.getTime()).toBe(firstUse.getTime())
      const later = new Date(firstUse.getTime() + 120_000)
      await suite.tokens.touchLastUsed(token.id, later, 60_000)
      ;[row] = await suite.tokens.listForUser(user.id)
      expect(row?.lastUsedAt?.getTime()).toBe(later.getTime())
    })

    it('removes a user\'s tokens with the user', async () => {
      const user = (await newUser())!
      const token = await newToken(user.id, `hash-${sequence++}`)
      await suite.connection.withSession(session => session.query('DELETE FROM "users" WHERE "id" = $1', [user.id]))
      expect(await suite.tokens.findUsable(token.tokenHash, new Date())).toBeNull()
    })

    it('keeps token hashes unique', async () => {
      const user = (await newUser())!
      const hash = `hash-${sequence++}`
      await newToken(user.id, hash)
      await expect(newToken(user.id, hash)).rejects.toThrow()
    })
  })
})
