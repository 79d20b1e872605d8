import { describe, expect, it } from 'vitest'
import { RememberedSessions, type LiveSession } from '../../../server/accounts/remembered-sessions'

const live = (id: string): LiveSession => ({
  session: { id, userId: 'user-1', createdAt: new Date(0), lastSeenAt: new Date(0), revokedAt: null },
  user: { id: 'user-1', email: 'pat@example.com', name: 'Pat', passwordHash: 'scrypt$hash', createdAt: new Date(0) },
})

describe('RememberedSessions', () => {
  it('recalls a session until the time it may be remembered has passed, then forgets it', () => {
    const remembered = new RememberedSessions(10_000)
    remembered.remember('a', live('a'), 1_000)
    expect(remembered.recall('a', 10_999)?.session.id).toBe('a')
    expect(remembered.recall('a', 11_000)).toBeUndefined()
    expect(remembered.size).toBe(0)
  })

  it('forgets a session when told to', () => {
    const remembered = new RememberedSessions(10_000)
    remembered.remember('a', live('a'), 0)
    remembered.forget('a')
    expect(remembered.recall('a', 1)).toBeUndefined()
  })

  it('remembers nothing with no time to remember for', () => {
    const remembered = new RememberedSessions(0)
    remembered.remember('a', live('a'), 0)
    expect(remembered.recall('a', 0)).toBeUndefined()
    expect(remembered.size).toBe(0)
  })

  it('holds at most its capacity, forgetting the longest remembered first', () => {
    const remembered = new RememberedSessions(10_000, 2)
    remembered.remember('a', live('a'), 0)
    remembered.remember('b', live('b'), 1)
    remembered.remember('a', live('a'), 2)
    remembered.remember('c', live('c'), 3)
    expect(remembered.size).toBe(2)
    expect(remembered.recall('b', 4)).toBeUndefined()
    expect(remembered.recall('a', 4)?.session.id).toBe('a')
    expect(remembered.recall('c', 4)?.session.id).toBe('c')
  })

  it('does not keep an answer read before a session was forgotten: it may predate the sign-out', () => {
    const remembered = new RememberedSessions(10_000)
    const ticket = remembered.ticket()
    remembered.forget('b')
    remembered.remember('a', live('a'), 0, ticket)
    expect(remembered.recall('a', 1)).toBeUndefined()
    remembered.remember('a', live('a'), 0, remembered.ticket())
    expect(remembered.recall('a', 1)?.session.id).toBe('a')
  })

  it('while suspended, forgets everything and remembers nothing; resumed, remembers reads begun after', () => {
    const remembered = new RememberedSessions(10_000)
    remembered.remember('a', live('a'), 0)
    const before = remembered.ticket()
    remembered.suspend()
    expect(remembered.recall('a', 1)).toBeUndefined()
    remembered.remember('b', live('b'), 1, remembered.ticket())
    expect(remembered.size).toBe(0)
    const duringSuspension = remembered.ticket()
    remembered.resume()
    // Reads begun before the resumption may have missed a sign-out nobody heard.
    remembered.remember('a', live('a'), 2, before)
    remembered.remember('b', live('b'), 2, duringSuspension)
    expect(remembered.size).toBe(0)
    remembered.remember('c', live('c'), 2, remembered.ticket())
    expect(remembered.recall('c', 3)?.session.id).toBe('c')
  })
})
