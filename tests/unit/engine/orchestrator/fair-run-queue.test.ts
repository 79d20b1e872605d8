import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { FairRunQueue, type FairQueueLimits } from '../../../../server/engine/orchestrator/fair-run-queue'

interface Job { owner: string, name: string }

/**
 * A queue whose jobs do real asynchronous work (a timer, or a gate the test opens) and record
 * when they start, so tests read the order in which slots were handed out.
 */
function recordingQueue(limits: FairQueueLimits, work: (job: Job) => Promise<void> = () => sleep(2)) {
  const started: string[] = []
  const running = new Map<string, number>()
  const peaks = new Map<string, number>()
  let peakTotal = 0
  const queue = new FairRunQueue<Job>(limits, async (job) => {
    started.push(job.name)
    running.set(job.owner, (running.get(job.owner) ?? 0) + 1)
    peaks.set(job.owner, Math.max(peaks.get(job.owner) ?? 0, running.get(job.owner)!))
    peakTotal = Math.max(peakTotal, [...running.values()].reduce((sum, n) => sum + n, 0))
    try {
      await work(job)
    }
    finally {
      running.set(job.owner, running.get(job.owner)! - 1)
    }
  })
  const push = (owner: string, ...names: string[]) => names.forEach(name => queue.push(owner, { owner, name }))
  return { queue, push, started, peaks, peakTotal: () => peakTotal }
}

/** Jobs that wait until the test opens their gate, to hold slots while the test looks. */
function gates() {
  const open = new Map<string, () => void>()
  return {
    work: (job: Job) => new Promise<void>(resolve => open.set(job.name, resolve)),
    release: async (name: string) => {
      open.get(name)!()
      await sleep(0)
    },
  }
}

describe('the fair run queue', () => {
  it('keeps one owner\'s jobs first come, first served', async () => {
    const { queue, push, started } = recordingQueue({ concurrency: 2, maxRunningPerOwner: 2 })
    push('ann', 'a1', 'a2', 'a3', 'a4', 'a5')
    await queue.idle()
    expect(started).toEqual(['a1', 'a2', 'a3', 'a4', 'a5'])
  })

  it('hands each free slot to the owner served least recently, so a long line cannot starve a short one', async () => {
    const { queue, push, started } = recordingQueue({ concurrency: 1, maxRunningPerOwner: 1 })
    push('ann', 'a1', 'a2', 'a3', 'a4')
    push('bob', 'b1', 'b2')
    push('cat', 'c1')
    await queue.idle()
    // a1 took the free slot at once; then every owner in turn, newcomers in the order they came.
    expect(started).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3', 'a4'])
  })

  it('lets a newcomer in at the next free slot, however many jobs the first owner has waiting', async () => {
    const { work, release } = gates()
    const { queue, push, started } = recordingQueue({ concurrency: 1, maxRunningPerOwner: 1 }, work)
    push('ann', ...Array.from({ length: 10 }, (_, n) => `a${n + 1}`))
    await release('a1')
    push('bob', 'b1')
    await release('a2')
    expect(started).toEqual(['a1', 'a2', 'b1'])
    await release('b1')
    expect(started.at(-1)).toBe('a3')
    for (let n = 3; n <= 10; n++) await release(`a${n}`)
    await queue.idle()
  })

  it('keeps one owner to its share of the slots, even while the others are free', async () => {
    const { work, release } = gates()
    const { queue, push, started } = recordingQueue({ concurrency: 4, maxRunningPerOwner: 2 }, work)
    push('ann', 'a1', 'a2', 'a3', 'a4')
    await sleep(0)
    expect(started).toEqual(['a1', 'a2'])
    push('bob', 'b1', 'b2', 'b3')
    expect(started).toEqual(['a1', 'a2', 'b1', 'b2'])
    await release('a1')
    expect(started.at(-1)).toBe('a3')
    for (const name of ['a2', 'b1', 'b2', 'a3', 'a4', 'b3']) await release(name)
    await queue.idle()
    expect(started).toHaveLength(7)
  })

  it('never runs more than the limits allow under real asynchronous work', async () => {
    const { queue, push, peaks, peakTotal } = recordingQueue({ concurrency: 3, maxRunningPerOwner: 2 }, () => sleep(1 + Math.floor(Math.random() * 3)))
    for (const owner of ['ann', 'bob', 'cat']) push(owner, ...Array.from({ length: 6 }, (_, n) => `${owner}${n}`))
    await queue.idle()
    expect(peakTotal()).toBe(3)
    for (const owner of ['ann', 'bob', 'cat']) expect(peaks.get(owner)).toBeLessThanOrEqual(2)
  })

  it('counts an owner\'s waiting and running jobs, and forgets them once done', async () => {
    const { work, release } = gates()
    const { queue, push } = recordingQueue({ concurrency: 1, maxRunningPerOwner: 1 }, work)
    push('ann', 'a1', 'a2', 'a3')
    expect(queue.count('ann')).toBe(3)
    expect(queue.count('bob')).toBe(0)
    for (const name of ['a1', 'a2', 'a3']) await release(name)
    await queue.idle()
    expect(queue.count('ann')).toBe(0)
  })

  it('takes a waiting job out so it never starts and frees its place; a running one cannot be taken', async () => {
    const { work, release } = gates()
    const { queue, push, started } = recordingQueue({ concurrency: 1, maxRunningPerOwner: 1 }, work)
    push('ann', 'a1', 'a2', 'a3')
    expect(queue.remove(job => job.name === 'a2')).toEqual({ owner: 'ann', name: 'a2' })
    expect(queue.count('ann')).toBe(2)
    expect(queue.remove(job => job.name === 'a1')).toBeNull()
    expect(queue.remove(job => job.name === 'a2')).toBeNull()
    await release('a1')
    await release('a3')
    await queue.idle()
    expect(started).toEqual(['a1', 'a3'])
  })

  it('resolves idle at once when empty, and only after the last job otherwise', async () => {
    const { work, release } = gates()
    const { queue, push } = recordingQueue({ concurrency: 1, maxRunningPerOwner: 1 }, work)
    await queue.idle()
    push('ann', 'a1')
    push('bob', 'b1')
    let idle = false
    void queue.idle().then(() => {
      idle = true
    })
    await release('a1')
    expect(idle).toBe(false)
    await release('b1')
    expect(idle).toBe(true)
  })
})
