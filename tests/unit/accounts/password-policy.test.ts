import { describe, expect, it } from 'vitest'
import { isCommonPassword } from '../../../server/accounts/common-passwords'
import { passwordWeaknesses } from '../../../server/accounts/password-policy'

const context = { email: 'morgan.lee@example.com', name: 'Morgan' }

describe('password policy', () => {
  it('accepts a long, uncommon password', () => {
    expect(passwordWeaknesses('violet-harbour-lantern-42', context)).toEqual([])
  })

  it.each(['password1234', 'PASSWORD1234', 'qwertyuiop', '1234567890'])('refuses the common password %s', (password) => {
    expect(isCommonPassword(password)).toBe(true)
    expect(passwordWeaknesses(password, context).join()).toMatch(/commonly used/)
  })

  it('refuses a password of too few different characters', () => {
    expect(passwordWeaknesses('abababababab', context).join()).toMatch(/different characters/)
  })

  it('refuses a password built on the email address', () => {
    expect(passwordWeaknesses('morgan.lee-2026!', context).join()).toMatch(/email/)
    expect(passwordWeaknesses('morgan.lee@example.com', context).join()).toMatch(/email/)
  })
})
