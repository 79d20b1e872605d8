import { describe, expect, it } from 'vitest'
import { LoopTurns } from '../../../../server/engine/orchestrator/loop-turns'
import { streamText } from '../../../../server/engine/writers/offline/stream-text'

const BUDGET_MS = 5

/** A clock the test moves: each step says how long it "took". */
function turnsWithClock() {
  const clock = { now: 0 }
  return { clock, turns: new LoopTurns(BUDGET_MS, () => clock.now) }
}

/** Counts turns of the event loop: an immediate that schedules itself runs once per turn. */
function turnCounter() {
  const counter = { turn: 0, stopped: false }
  const tick = () => {
    if (counter.stopped) return
    counter.turn++
    setImmediate(tick)
  }
  setImmediate(tick)
  return counter
}

describe('LoopTurns', () => {
  it('lets steps within the budget go on in the same turn of the loop', async () => {
    const { turns } = turnsWithClock()
    const order: string[] = []
    setImmediate(() => order.push('other work'))
    for (let step = 0; step < 10; step++) await turns.pass()
    order.push('steps')
    await new Promise(resolve => setImmediate(resolve))
    expect(order).toEqual(['steps', 'other work'])
  })

  it('holds a step past the budget until work that came meanwhile has had its turn', async () => {
    const { clock, turns } = turnsWithClock()
    const order: string[] = []
    await turns.pass()
    clock.now += BUDGET_MS + 1
    const step = turns.pass().then(() => order.push('step'))
    setImmediate(() => order.push('other work'))
    expect(turns.waitingSteps).toBe(1)
    await step
    expect(order).toEqual(['other work', 'step'])
  })

  it('resumes waiting steps first come first served, and a step asking in a fresh turn queues behind them', async () => {
    const { clock, turns } = turnsWithClock()
    const order: string[] = []
    await turns.pass()
    clock.now += BUDGET_MS
    const steps = ['a', 'b'].map(name => turns.pass().then(() => order.push(name)))
    // The turn ends; the next one has its whole budget, but a and b are still waiting.
    await new Promise(resolve => setImmediate(resolve))
    expect(turns.waitingSteps).toBe(2)
    steps.push(turns.pass().then(() => order.push('c')))
    await Promise.all(steps)
    expect(order).toEqual(['a', 'b', 'c'])
  })

  it('runs at most a budget of steps a turn, and every step of every run gets through', async () => {
    const { clock, turns } = turnsWithClock()
    const counter = turnCounter()
    const stepMs = 2
    const stepsPerTurn = new Map<number, number>()
    const run = async () => {
      for (let step = 0; step < 10; step++) {
        await turns.pass()
        clock.now += stepMs
        stepsPerTurn.set(counter.turn, (stepsPerTurn.get(counter.turn) ?? 0) + 1)
      }
    }
    // Each run starts from its own callback, as runs resume from their own database replies.
    await Promise.all(Array.from({ length: 20 }, () => new Promise(resolve => setImmediate(resolve)).then(run)))
    counter.stopped = true
    expect([...stepsPerTurn.values()].reduce((sum, steps) => sum + steps, 0)).toBe(200)
    // Steps start while the turn has spent under 5 ms: at 2 ms each, the third is the last to start.
    expect(Math.max(...stepsPerTurn.values())).toBeLessThanOrEqual(Math.ceil(BUDGET_MS / stepMs))
    expect(turns.waitingSteps).toBe(0)
  })
})

describe('streamText at zero pace', () => {
  it('waits for the run\'s turn between pieces, so a long text spreads over turns of the loop', async () => {
    const { clock, turns } = turnsWithClock()
    const counter = turnCounter()
    const turnOfPiece: number[] = []
    const text = 'one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen'
    await streamText(text, () => {
      turnOfPiece.push(counter.turn)
      clock.now += 3
    }, { paceMs: 0, signal: new AbortController().signal, turns })
    counter.stopped = true
    expect(turnOfPiece).toHaveLength(6)
    // 3 ms a piece against a 5 ms budget: two pieces a turn.
    expect(new Set(turnOfPiece).size).toBe(3)
  })
})
