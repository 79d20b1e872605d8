import { DrizzleQueryError } from 'drizzle-orm/errors'
import { createError } from 'h3'
import { describe, expect, it } from 'vitest'
import { isStorageFailure } from '../../../server/db/storage-failure'
import { WriteHealth } from '../../../server/db/write-health'
import { errorToProblem } from '../../../server/http/error-to-problem'

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code })
/** As Drizzle reports a failed statement: the driver's error as the cause. */
const failedQuery = (cause: Error) => new DrizzleQueryError('insert into "users" values ($1)', ['x'], cause)

describe('storage failures', () => {
  it.each(['53100', '53000', '58030', '25006', 'ENOSPC', 'EDQUOT', 'EROFS', 'EIO'])('%s is one, however deeply wrapped', (code) => {
    expect(isStorageFailure(withCode(code))).toBe(true)
    expect(isStorageFailure(createError(failedQuery(withCode(code))))).toBe(true)
  })

  it.each(['23505', '22021', 'XX000', 'ECONNREFUSED', undefined])('%s is not', (code) => {
    expect(isStorageFailure(code === undefined ? new Error('x') : failedQuery(withCode(code)))).toBe(false)
  })

  it('answer 503 with Retry-After, telling the user to retry later', () => {
    const problem = errorToProblem(createError(failedQuery(withCode('53100', 'could not extend file: No space left on device'))))
    expect(problem.status).toBe(503)
    expect(problem.options.headers).toEqual({ 'Retry-After': '30' })
    expect(problem.detail).toMatch(/cannot save right now: retry/)
    expect(problem.detail).not.toMatch(/extend|space/)
  })
})

describe('write health', () => {
  const fail = (code: string) => () => Promise.reject(withCode(code))
  const succeed = () => Promise.resolve([])

  it('turns unhealthy on a storage failure, and only on one', async () => {
    const health = new WriteHealth()
    await expect(health.observe('insert into t', fail('23505'))).rejects.toThrow()
    expect(health.healthy).toBe(true)
    await expect(health.observe('insert into t', fail('53100'))).rejects.toThrow()
    expect(health.healthy).toBe(false)
  })

  it('watches a whole transaction, whose statements it does not see: a storage failure inside marks it, a commit clears it', async () => {
    const health = new WriteHealth()
    await expect(health.observeTransaction(fail('23505'))).rejects.toThrow()
    expect(health.healthy).toBe(true)
    await expect(health.observeTransaction(() => Promise.reject(failedQuery(withCode('53100'))))).rejects.toThrow()
    expect(health.healthy).toBe(false)
    await health.observe('select 1', succeed)
    expect(health.healthy).toBe(false)
    await health.observeTransaction(succeed)
    expect(health.healthy).toBe(true)
  })

  it('stays unhealthy while only reads succeed, and recovers with the next successful write', async () => {
    const health = new WriteHealth()
    await expect(health.observe('update t set x = 1', fail('ENOSPC'))).rejects.toThrow()
    await health.observe('select 1', succeed)
    expect(health.healthy).toBe(false)
    await health.observe('  INSERT into t values (1)', succeed)
    expect(health.healthy).toBe(true)
  })
})
