import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { WakeSignal } from '../../../../server/engine/orchestrator/wake-signal'

/** Starts a sleep and records when it ended. */
function sleeper(signal: WakeSignal, ms?: number) {
  const state = { woke: false }
  void signal.sleep(ms).then(() => {
    state.woke = true
  })
  return state
}

describe('WakeSignal', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('ends a sleep when its time is up', async () => {
    const signal = new WakeSignal()
    const sleep = sleeper(signal, 1_000)
    await vi.advanceTimersByTimeAsync(999)
    expect(sleep.woke).toBe(false)
    await vi.advanceTimersByTimeAsync(1)
    expect(sleep.woke).toBe(true)
  })

  it('sleeps without a time until woken', async () => {
    const signal = new WakeSignal()
    const sleep = sleeper(signal)
    expect(vi.getTimerCount()).toBe(0)
    await vi.advanceTimersByTimeAsync(3_600_000)
    expect(sleep.woke).toBe(false)
    signal.wakeOne()
    await vi.advanceTimersByTimeAsync(0)
    expect(sleep.woke).toBe(true)
  })

  it('wakes one sleeper per call, the longest asleep first, and leaves the others to their time', async () => {
    const signal = new WakeSignal()
    const first = sleeper(signal, 60_000)
    const second = sleeper(signal, 60_000)
    signal.wakeOne()
    await vi.advanceTimersByTimeAsync(0)
    expect([first.woke, second.woke]).toEqual([true, false])
    signal.wakeOne()
    await vi.advanceTimersByTimeAsync(0)
    expect(second.woke).toBe(true)
    expect(vi.getTimerCount()).toBe(0)
  })

  it('wakes a sleeper only when one is asleep, and says whether one was, keeping nothing for a taker looking', async () => {
    const signal = new WakeSignal()
    let lookEnded!: () => void
    const look = signal.look(() => new Promise<void>(resolve => (lookEnded = resolve)))
    expect(signal.wakeSleeper()).toBe(false)
    lookEnded()
    await look
    const sleep = sleeper(signal, 60_000)
    await vi.advanceTimersByTimeAsync(0)
    expect(sleep.woke).toBe(false)
    expect(signal.wakeSleeper()).toBe(true)
    await vi.advanceTimersByTimeAsync(0)
    expect(sleep.woke).toBe(true)
  })

  it('wakes every sleeper at once', async () => {
    const signal = new WakeSignal()
    const sleeps = [sleeper(signal, 60_000), sleeper(signal, 30_000)]
    signal.wakeAll()
    await vi.advanceTimersByTimeAsync(0)
    expect(sleeps.map(sleep => sleep.woke)).toEqual([true, true])
    expect(vi.getTimerCount()).toBe(0)
  })

  it('keeps a wake that came while a taker was looking: its next sleep ends at once', async () => {
    const signal = new WakeSignal()
    let lookEnded!: () => void
    const look = signal.look(() => new Promise<void>(resolve => (lookEnded = resolve)))
    signal.wakeOne()
    lookEnded()
    await look
    const sleep = sleeper(signal, 60_000)
    await vi.advanceTimersByTimeAsync(0)
    expect(sleep.woke).toBe(true)
  })

  it('drops a wake that found nobody asleep or looking: every taker is at work and looks again when done', async () => {
    const signal = new WakeSignal()
    await signal.look(async () => {})
    signal.wakeOne()
    const sleep = sleeper(signal, 60_000)
    await vi.advanceTimersByTimeAsync(0)
    expect(sleep.woke).toBe(false)
    expect(vi.getTimerCount()).toBe(1)
  })

  it('keeps at most one wake per taker looking, however many came during the look', async () => {
    const signal = new WakeSignal()
    const ends: Array<() => void> = []
    const looks = [0, 1].map(() => signal.look(() => new Promise<void>(resolve => ends.push(resolve))))
    for (let wake = 0; wake < 5; wake++) signal.wakeOne()
    for (const end of ends) end()
    await Promise.all(looks)
    const sleeps = [sleeper(signal, 60_000), sleeper(signal, 60_000), sleeper(signal, 60_000)]
    await vi.advanceTimersByTimeAsync(0)
    expect(sleeps.map(sleep => sleep.woke)).toEqual([true, true, false])
  })

  it('forgets a sleeper whose time ran out, so a later wake reaches the one still asleep', async () => {
    const signal = new WakeSignal()
    const short = sleeper(signal, 10)
    const long = sleeper(signal, 60_000)
    await vi.advanceTimersByTimeAsync(10)
    expect(short.woke).toBe(true)
    signal.wakeOne()
    await vi.advanceTimersByTimeAsync(0)
    expect(long.woke).toBe(true)
  })
})
