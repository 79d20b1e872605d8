import { describe, expect, it } from 'vitest'
import { analyzeBrief } from '#shared/brief-contract'
import { AUDIT_RULES, auditArtifacts, auditArtifactsInTurns } from '../../../../server/engine/compliance'
import { AUDIT_SLICE_MS } from '../../../../server/engine/compliance/audit'
import { LoopTurns } from '../../../../server/engine/orchestrator/loop-turns'
import { warmUpRunSteps, WARM_UP_BRIEF } from '../../../../server/engine/run-warm-up'

/** A campaign on every platform, with a brand kit and constraints of each common kind, audited at a fixed time. */
async function auditInput() {
  const { artifacts } = await warmUpRunSteps()
  return { campaignId: 'cmp_turns', brief: WARM_UP_BRIEF, checks: analyzeBrief(WARM_UP_BRIEF).checks, artifacts, now: new Date('2026-05-01T10:00:00Z') }
}

describe('the audit a check at a time', () => {
  it('gives the same result as the audit in one go, pausing after each check and rule once a slice has run', async () => {
    const input = await auditInput()
    let pauses = 0
    const turns = { pass: async () => void pauses++ }
    // Every check takes a whole slice: a pause after each.
    let slow = 0
    const result = await auditArtifactsInTurns(input, { turns, now: () => (slow += AUDIT_SLICE_MS) })
    expect(result).toEqual(auditArtifacts(input))
    expect(result.checksTested).toBeGreaterThan(0)
    const briefChecks = input.checks.filter(check => check.kind !== 'substantiation')
    expect(pauses).toBe(briefChecks.length + AUDIT_RULES.length)

    // Checks that take no time at all: none.
    pauses = 0
    expect(await auditArtifactsInTurns(input, { turns, now: () => 0 })).toEqual(result)
    expect(pauses).toBe(0)
  })

  it('lets the event loop turn while it audits when the turn\'s budget is spent', async () => {
    const input = await auditInput()
    const order: string[] = []
    // A clock that moves a slice each time it is read: one check a turn, then a later turn.
    let now = 0
    const clock = () => (now += AUDIT_SLICE_MS)
    const audited = auditArtifactsInTurns(input, { turns: new LoopTurns(1, clock), now: clock }).then(() => order.push('audit'))
    setImmediate(() => order.push('a request\'s turn'))
    await audited
    expect(order).toEqual(['a request\'s turn', 'audit'])
  })
})
