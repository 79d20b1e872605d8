import { describe, expect, it } from 'vitest'
import { observeStatements, type StatementObserver } from '../../../server/db/observe-statements'
import { RECENT_ANSWER_MS, RecentAnswer } from '../../../server/db/recent-answer'

/** A clock the test moves by hand, and a ping that counts how often it was asked. */
function setUp() {
  const clock = { now: 10_000 }
  const answered = new RecentAnswer(() => clock.now)
  let pings = 0
  const ping = async () => {
    pings++
  }
  return { clock, answered, confirm: () => answered.confirm(ping), pings: () => pings }
}

describe('a recent answer standing for a health ping', () => {
  it('pings while no statement has answered yet', async () => {
    const { confirm, pings } = setUp()
    await confirm()
    expect(pings()).toBe(1)
  })

  it('does not ping within RECENT_ANSWER_MS of a statement\'s success, and pings again after', async () => {
    const { clock, answered, confirm, pings } = setUp()
    await answered.observe('select 1', async () => [])
    clock.now += RECENT_ANSWER_MS
    await confirm()
    expect(pings()).toBe(0)
    clock.now += 1
    await confirm()
    expect(pings()).toBe(1)
  })

  it('takes a failed statement for no answer', async () => {
    const { answered, confirm, pings } = setUp()
    await expect(answered.observe('select 1', () => Promise.reject(new Error('connection lost')))).rejects.toThrow('connection lost')
    await confirm()
    expect(pings()).toBe(1)
  })

  it('passes on the ping\'s failure', async () => {
    const answered = new RecentAnswer(() => 0)
    await expect(answered.confirm(() => Promise.reject(new Error('down')))).rejects.toThrow('down')
  })
})

describe('observing a client\'s statements', () => {
  /** An observer that writes down what it saw, in the order it saw it. */
  const recorder = (name: string, seen: string[]): StatementObserver => ({
    async observe(sql, run) {
      seen.push(`${name} before ${sql}`)
      const result = await run()
      seen.push(`${name} after`)
      return result
    },
  })

  it('runs each statement once through every observer, in the order given, with the SQL of either driver', async () => {
    const seen: string[] = []
    const sent: unknown[][] = []
    const client = {
      query: async (...args: unknown[]) => {
        sent.push(args)
        return { rows: [] }
      },
    }
    observeStatements(client as never, [recorder('first', seen), recorder('second', seen)])
    await expect(client.query('select 1', [1])).resolves.toEqual({ rows: [] })
    await client.query({ text: 'update t set x = 1' })
    expect(sent).toEqual([['select 1', [1]], [{ text: 'update t set x = 1' }]])
    expect(seen).toEqual([
      'first before select 1', 'second before select 1', 'second after', 'first after',
      'first before update t set x = 1', 'second before update t set x = 1', 'second after', 'first after',
    ])
  })
})
