import { describe, expect, it } from 'vitest'
import { readServerRole } from '../../../server/config/server-role'

const SPLIT = { DATABASE_URL: 'postgres://db/app', REDIS_URL: 'redis://cache:6379' }

describe('ROLE', () => {
  it('is all by default and when set so, whatever else is configured', () => {
    expect(readServerRole({})).toBe('all')
    expect(readServerRole({ ROLE: ' ALL ' })).toBe('all')
  })

  it('splits into web and worker with PostgreSQL and Redis', () => {
    expect(readServerRole({ ...SPLIT, ROLE: 'web' })).toBe('web')
    expect(readServerRole({ ...SPLIT, ROLE: 'worker' })).toBe('worker')
  })

  it('names the variable a split process is missing, and refuses unknown roles', () => {
    expect(() => readServerRole({ ...SPLIT, DATABASE_URL: ' ', ROLE: 'web' })).toThrow(/ROLE=web needs DATABASE_URL/)
    expect(() => readServerRole({ ...SPLIT, REDIS_URL: undefined, ROLE: 'worker' })).toThrow(/ROLE=worker needs REDIS_URL/)
    expect(() => readServerRole({ ROLE: 'api' })).toThrow(/ROLE must be one of all, web, worker/)
  })
})
