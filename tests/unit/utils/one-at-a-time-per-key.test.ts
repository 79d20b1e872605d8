import { describe, expect, it } from 'vitest'
import { OneAtATimePerKey } from '../../../server/utils/one-at-a-time-per-key'

/** A task that records when it starts and ends, and ends when `finish` is called. */
function controlledTask(log: string[], name: string) {
  let finish!: () => void
  let fail!: (error: Error) => void
  const ended = new Promise<string>((resolve, reject) => {
    finish = () => resolve(name)
    fail = reject
  })
  const task = async () => {
    log.push(`${name} starts`)
    try {
      return await ended
    }
    finally {
      log.push(`${name} ends`)
    }
  }
  return { task, finish: () => finish(), fail: (error: Error) => fail(error) }
}

const settle = () => new Promise(resolve => setImmediate(resolve))

describe('OneAtATimePerKey', () => {
  it('runs one key\'s tasks one after another, in the order given', async () => {
    const turns = new OneAtATimePerKey()
    const log: string[] = []
    const [first, second] = [controlledTask(log, 'a1'), controlledTask(log, 'a2')]
    const results = [turns.run('a', first.task), turns.run('a', second.task)]
    await settle()
    expect(log).toEqual(['a1 starts'])
    first.finish()
    await settle()
    expect(log).toEqual(['a1 starts', 'a1 ends', 'a2 starts'])
    second.finish()
    expect(await Promise.all(results)).toEqual(['a1', 'a2'])
  })

  it('runs different keys side by side', async () => {
    const turns = new OneAtATimePerKey()
    const log: string[] = []
    const [a, b] = [controlledTask(log, 'a1'), controlledTask(log, 'b1')]
    const results = [turns.run('a', a.task), turns.run('b', b.task)]
    await settle()
    expect(log).toEqual(['a1 starts', 'b1 starts'])
    b.finish()
    a.finish()
    expect(await Promise.all(results)).toEqual(['a1', 'b1'])
  })

  it('goes on with the next task after one fails, which fails alone', async () => {
    const turns = new OneAtATimePerKey()
    const log: string[] = []
    const [first, second] = [controlledTask(log, 'a1'), controlledTask(log, 'a2')]
    const failed = turns.run('a', first.task)
    const next = turns.run('a', second.task)
    first.fail(new Error('refused'))
    await expect(failed).rejects.toThrow('refused')
    second.finish()
    expect(await next).toBe('a2')
  })

  it('forgets a key once its last task has ended', async () => {
    const turns = new OneAtATimePerKey()
    const log: string[] = []
    const task = controlledTask(log, 'a1')
    const result = turns.run('a', task.task)
    expect(turns.activeKeys).toBe(1)
    task.finish()
    await result
    await settle()
    expect(turns.activeKeys).toBe(0)
  })
})
