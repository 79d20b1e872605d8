import { describe, expect, it } from 'vitest'
import { DATABASE_THREAD_NICENESS, databaseThreadNiceness } from '../../../server/db/embedded/worker-source'

describe('the embedded database thread\'s niceness', () => {
  it('is lowered on Linux, where a nice value belongs to one thread', () => {
    expect(DATABASE_THREAD_NICENESS).toBeGreaterThan(0)
    expect(databaseThreadNiceness('linux')).toBe(DATABASE_THREAD_NICENESS)
  })

  it('is left alone where a priority belongs to the whole process, main thread included', () => {
    for (const platform of ['darwin', 'win32', 'freebsd'] as const) expect(databaseThreadNiceness(platform)).toBe(0)
  })
})
