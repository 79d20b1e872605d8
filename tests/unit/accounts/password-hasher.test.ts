import { describe, expect, it } from 'vitest'
import { decoyPasswordHash, hashPassword, verifyPassword } from '../../../server/accounts/password-hasher'

describe('password hashing', () => {
  it('verifies the right password and refuses a wrong one', async () => {
    const hash = await hashPassword('violet-harbour-lantern-42')
    expect(await verifyPassword('violet-harbour-lantern-42', hash)).toBe(true)
    expect(await verifyPassword('violet-harbour-lantern-43', hash)).toBe(false)
  })

  it('salts: the same password hashes differently each time, and never appears in the hash', async () => {
    const [a, b] = await Promise.all([hashPassword('same-password-here'), hashPassword('same-password-here')])
    expect(a).not.toBe(b)
    expect(a).not.toContain('same-password-here')
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/)
  })

  it('refuses hashes it does not understand instead of throwing', async () => {
    expect(await verifyPassword('anything', 'bcrypt$whatever')).toBe(false)
    expect(await verifyPassword('anything', '')).toBe(false)
  })

  it('matches no password with the decoy hash used for unknown emails', async () => {
    expect(await verifyPassword('', await decoyPasswordHash())).toBe(false)
    expect(await decoyPasswordHash()).toBe(await decoyPasswordHash())
  })
})
