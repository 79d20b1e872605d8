import { describe, expect, it } from 'vitest'
import { UnsealedCookies } from '../../../server/http/unsealed-cookies'

function clock(startMs: number) {
  const time = { ms: startMs }
  return { time, now: () => time.ms }
}

describe('unsealed session cookies', () => {
  it('recalls a remembered cookie and nothing else', () => {
    const cookies = new UnsealedCookies<{ id: string }>(3600)
    cookies.remember('sealed-a', { id: 'a' }, Date.now())
    expect(cookies.recall('sealed-a')).toEqual({ id: 'a' })
    expect(cookies.recall('sealed-b')).toBeUndefined()
  })

  it('forgets a cookie when the session reaches its age limit, counted from its creation', () => {
    const { time, now } = clock(1_000_000)
    const cookies = new UnsealedCookies<string>(60, { now })
    // Created 50 s before it was first read: 10 s of its minute are left.
    cookies.remember('sealed', 'session', time.ms - 50_000)
    time.ms += 9_000
    expect(cookies.recall('sealed')).toBe('session')
    time.ms += 2_000
    expect(cookies.recall('sealed')).toBeUndefined()
  })

  it('never keeps a cookie that is already past the age limit', () => {
    const { time, now } = clock(1_000_000)
    const cookies = new UnsealedCookies<string>(60, { now })
    cookies.remember('sealed', 'session', time.ms - 61_000)
    expect(cookies.recall('sealed')).toBeUndefined()
  })

  it('holds at most `max` cookies, dropping the least recently used', () => {
    const cookies = new UnsealedCookies<number>(undefined, { max: 2 })
    cookies.remember('one', 1, 0)
    cookies.remember('two', 2, 0)
    cookies.recall('one')
    cookies.remember('three', 3, 0)
    expect(cookies.recall('two')).toBeUndefined()
    expect([cookies.recall('one'), cookies.recall('three')]).toEqual([1, 3])
  })
})
