import { describe, expect, it } from 'vitest'
import { analyzeBrief } from '#shared/brief-contract'
import { ARTIFACT_TYPES, PLATFORMS, type ShortCopyMetadata } from '#shared/campaign'
import { warmUpRunSteps, WARM_UP_BRIEF } from '../../../server/engine/run-warm-up'

describe('warming up the run steps', () => {
  it('composes every artifact type, short copy for every platform, and audits them against the brief\'s checks', async () => {
    const { artifacts, audit } = await warmUpRunSteps()
    expect(artifacts.map(artifact => artifact.type)).toEqual([...ARTIFACT_TYPES])
    for (const artifact of artifacts) expect(artifact.content.trim().length, artifact.type).toBeGreaterThan(0)
    const shortCopy = artifacts.find(artifact => artifact.type === 'ShortCopy')!.metadata as ShortCopyMetadata
    expect(shortCopy.platforms.map(entry => entry.platform).sort()).toEqual([...PLATFORMS].sort())

    const briefChecks = analyzeBrief(WARM_UP_BRIEF).checks.filter(check => check.kind !== 'substantiation')
    expect(briefChecks.length).toBeGreaterThanOrEqual(WARM_UP_BRIEF.constraints.length)
    const auditedSources = new Set(audit.checks!.flatMap(check => check.source ? [check.source.text] : []))
    for (const constraint of WARM_UP_BRIEF.constraints) expect(auditedSources, constraint).toContain(constraint)
    expect(audit.checksTested).toBeGreaterThan(briefChecks.length)
  })

  it('takes a turn of the event loop before each step, so requests are served between them', async () => {
    let turns = 0
    let counting = true
    const count = () => {
      turns++
      if (counting) setImmediate(count)
    }
    setImmediate(count)
    await warmUpRunSteps()
    counting = false
    expect(turns).toBeGreaterThanOrEqual(ARTIFACT_TYPES.length + 1)
  })
})
