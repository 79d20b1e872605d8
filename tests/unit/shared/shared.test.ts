import { describe, expect, it } from 'vitest'
import { loginSchema, registerSchema } from '#shared/schemas/account'
import { createTokenSchema } from '#shared/schemas/personal-access-token'
import { isStorableText, UNSTORABLE_TEXT_MESSAGE } from '#shared/schemas/storable-text'
import { fieldErrors } from '#shared/utils/field-errors'
import { safeRedirectPath } from '#shared/utils/safe-redirect'

describe('where to go after signing in', () => {
  it.each([
    ['/settings/tokens', '/settings/tokens'],
    ['/campaigns?page=2', '/campaigns?page=2'],
    ['/campaigns/abc#feedback', '/campaigns/abc#feedback'],
    // Normalised the way a browser would, so what is followed is what was checked.
    ['/campaigns/./abc', '/campaigns/abc'],
    ['/campaigns/x/../abc', '/campaigns/abc'],
    ['/campaigns/a b', '/campaigns/a%20b'],
    ['/%2F%2Fevil.example', '/%2F%2Fevil.example'],
    ['/javascript:alert(1)', '/javascript:alert(1)'],
  ])('%j stays on the site as %j', (target, expected) => {
    expect(safeRedirectPath(target)).toBe(expected)
  })

  it.each([
    '//evil.example',
    '/\\evil.example',
    '/\\/evil.example',
    'https://evil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' /x',
    '/.//evil.example/',
    '/./\\evil.example',
    '/.\\/evil.example',
    '/x/..//evil.example',
    '/x/..\\/evil.example',
    '/..//evil.example',
    '/%2e//evil.example',
    '/%2E//evil.example',
    '/%2e%2e//evil.example',
    '/x/%2e%2e//evil.example',
    '/x/.%2e//evil.example',
    '/\t/evil.example',
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/.\t//evil.example',
    '/\\\tevil.example',
    '',
    undefined,
    ['/a', '/b'],
  ])('%j falls back to the home page', (target) => {
    expect(safeRedirectPath(target)).toBe('/')
  })
})

describe('shared schemas', () => {
  it('normalise emails and names', () => {
    expect(registerSchema.parse({ name: '  Ada ', email: ' Ada@Example.COM ', password: 'x'.repeat(10) })).toEqual({ name: 'Ada', email: 'ada@example.com', password: 'x'.repeat(10) })
  })

  it('report every bad field by name', () => {
    const result = loginSchema.safeParse({ email: 'nope' })
    expect(result.success).toBe(false)
    expect(fieldErrors(result.error!)).toEqual({ email: ['Enter a valid email address'], password: ['Password is required'] })
  })

  it('default a token to 30 days and bound its expiry', () => {
    expect(createTokenSchema.parse({ name: 'ci', password: 'p' }).expiresInDays).toBe(30)
    expect(createTokenSchema.safeParse({ name: 'ci', password: 'p', expiresInDays: 366 }).success).toBe(false)
    expect(createTokenSchema.safeParse({ name: 'ci', password: 'p', expiresInDays: 1.5 }).success).toBe(false)
  })

  it('ask for the password to create a token', () => {
    for (const input of [{ name: 'ci' }, { name: 'ci', password: '' }]) {
      const result = createTokenSchema.safeParse(input)
      expect(fieldErrors(result.error!)).toEqual({ password: ['Enter your password to create a token'] })
    }
  })
})

describe('storable text', () => {
  it.each([
    ['plain', 'Spring launch', true],
    ['an emoji (a whole surrogate pair)', 'Go 🏃', true],
    ['NUL', 'a\u0000b', false],
    ['a high surrogate alone', 'a\uD83Db', false],
    ['a low surrogate alone', 'a\uDE00b', false],
    ['a pair in the wrong order', '\uDE00\uD83D', false],
    ['a high surrogate at the end', 'a\uD83D', false],
  ])('%s → %s', (_, text, storable) => {
    expect(isStorableText(text)).toBe(storable)
  })

  it('is checked by every text field, and named by field', () => {
    const result = registerSchema.safeParse({ name: 'A\u0000', email: 'a@example.com', password: 'x\uD800'.repeat(5) })
    expect(fieldErrors(result.error!)).toEqual({ name: [UNSTORABLE_TEXT_MESSAGE], password: [UNSTORABLE_TEXT_MESSAGE] })
  })
})
