import { describe, expect, it } from 'vitest'
import type { CampaignRepository } from '../../../../server/engine/campaigns/campaign-repository'
import { RunWrites } from '../../../../server/engine/orchestrator/run-writes'

/** A repository whose writes all land at once; only what RunWrites calls. */
const landingRepository = {
  takeRun: async (id: string) => ({ id, runEpoch: 1 }),
  updateFenced: async () => ({ id: 'c1' }),
  appendVersionFenced: async () => ({ id: 'v1' }),
  appendJudgedAuditFenced: async () => ({ id: 'a1' }),
} as unknown as CampaignRepository

/** Turns that hold every step until the test lets the next one go. */
function heldTurns() {
  const held: Array<() => void> = []
  return {
    held,
    turns: { pass: () => new Promise<void>(resolve => held.push(resolve)) },
  }
}

const settle = () => new Promise(resolve => setImmediate(resolve))

describe('RunWrites and the event loop', () => {
  it('goes on after each write only when the run has its turn', async () => {
    const { held, turns } = heldTurns()
    const writes = new RunWrites(landingRepository, { campaignId: 'c1', runId: 'r1', controller: new AbortController() }, turns)
    const steps: Array<[string, () => Promise<unknown>]> = [
      ['take', () => writes.take({ stage: 'Generating' })],
      ['update', () => writes.update({ stage: 'Auditing' })],
      ['appendVersion', () => writes.appendVersion({} as never)],
      ['appendJudgedAudit', () => writes.appendJudgedAudit({} as never)],
    ]
    for (const [name, write] of steps) {
      let done = false
      const written = write().then(() => {
        done = true
      })
      await settle()
      expect({ name, done, waiting: held.length }).toEqual({ name, done: false, waiting: 1 })
      held.shift()!()
      await written
    }
  })
})
