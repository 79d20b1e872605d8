import { DrizzleQueryError } from 'drizzle-orm/errors'
import { createError } from 'h3'
import { describe, expect, it } from 'vitest'
import { describeError, printable } from '../../../server/utils/describe-error'

const PASSWORD_HASH = 'scrypt$32768$8$1$CVWEcuT0p0zp1aBpOlBckA$8Sdv9RhrNbAp7zmpdLqG8beZIvxhzcdN9O0iKQAIL9s'
const INSERT_USER = 'insert into "users" ("id", "email", "name", "password_hash") values (default, $1, $2, $3)'

/** What PGlite and node-postgres reject a statement with: the code, and the statement's own parameters. */
function databaseError(code: string, message: string, params: unknown[]) {
  return Object.assign(new Error(message), { name: 'error', code, severity: 'ERROR', query: INSERT_USER, params })
}

describe('describing an error for the log', () => {
  const params = ['ada@example.com', 'A\u0000', PASSWORD_HASH]
  const failed = new DrizzleQueryError(INSERT_USER, params, databaseError('22021', 'invalid byte sequence for encoding "UTF8": 0x00', params))

  it('names the query and the database\'s code and message, never the parameters', () => {
    const line = describeError(failed)
    expect(line).toContain(`Error: Failed query: ${INSERT_USER} ← error [22021]: invalid byte sequence for encoding "UTF8": 0x00`)
    expect(line).not.toContain(PASSWORD_HASH)
    expect(line).not.toContain('ada@example.com')
    expect(line).not.toContain('params')
  })

  it('keeps where it was thrown, without the first stack line that repeats the message', () => {
    const frames = describeError(failed).split('\n').slice(1)
    expect(frames.length).toBeGreaterThan(0)
    for (const frame of frames) expect(frame).toMatch(/^\s+at /)
  })

  it('reads through h3\'s wrapper, which copies the message (parameters included)', () => {
    const line = describeError(createError(failed))
    expect(line).toContain('[22021]')
    expect(line).not.toContain(PASSWORD_HASH)
  })

  it('describes a unique violation by its code', () => {
    const duplicate = databaseError('23505', 'duplicate key value violates unique constraint "users_email_unique"', params)
    expect(describeError(duplicate)).toMatch(/^error \[23505\]: duplicate key value violates unique constraint "users_email_unique"$/m)
  })

  it('survives odd throwables: strings, objects without a message, cause loops', () => {
    expect(describeError('plain')).toBe('plain')
    expect(describeError({ code: 'ENOSPC' })).toBe('Error [ENOSPC]: ')
    const loop: { name: string, message: string, cause?: unknown } = { name: 'Loop', message: 'again' }
    loop.cause = loop
    expect(describeError(loop)).toBe('Loop: again')
  })

  it('keeps one line per link: control characters are escaped', () => {
    expect(printable('/api/campaigns/\u0000\nforged')).toBe('/api/campaigns/\\x00\\x0aforged')
  })
})
