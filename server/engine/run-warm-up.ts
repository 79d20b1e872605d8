import { analyzeBrief } from '#shared/brief-contract'
import { ARTIFACT_TYPES, campaignBriefSchema, PLATFORMS, type ComplianceAuditResult } from '#shared/campaign'
import { auditArtifacts } from './compliance'
import type { WrittenArtifact } from './writers/types'
import { composeOffline } from './writers/offline/offline-writer'

/**
 * A brief that takes a run through most of its code: every platform, a brand kit with every field the
 * audit reads, and constraints of the kinds marketers write most (a required mention, a ban, a length,
 * a link to end with, a claim class).
 */
export const WARM_UP_BRIEF = campaignBriefSchema.parse({
  theme: 'Autumn harvest launch',
  product: 'Orchard Press cold-pressed apple juice',
  targetAudience: 'families who shop at farmers markets',
  tone: 'warm',
  constraints: [
    'Must include free delivery over $40',
    'Avoid "cheap"',
    'Keep LinkedIn under 600 characters',
    'End with a CTA to orchardpress.example/autumn',
    'Do not make health claims',
  ],
  platforms: [...PLATFORMS],
  brand: {
    name: 'Orchard Press',
    palette: ['#7A1F1F', '#F4E3C1', '#2F4F2F'],
    bannedTerms: ['miracle'],
    requiredHashtags: ['OrchardPress'],
    requiredDisclaimer: 'Pasteurised. Keep refrigerated.',
  },
})

export interface WarmUpResult {
  artifacts: Array<WrittenArtifact & { type: (typeof ARTIFACT_TYPES)[number] }>
  audit: ComplianceAuditResult
}

const nextTurn = () => new Promise<void>(resolve => setImmediate(resolve))

/**
 * Composes one artifact of each type with the offline writer and audits them with the rule audit,
 * keeping nothing. The first time a process runs this code, V8 compiles it and its regular
 * expressions: measured on the benchmark machine, the first short copy took about 75 ms and the first
 * long copy 86 ms, against about a millisecond each afterwards, and the first audit 30 ms. Paid by the
 * first runs instead, that stalls every request then being served; paid here, it is part of starting.
 * Each step takes a turn of its own, so the requests served meanwhile wait for one step at most.
 */
export async function warmUpRunSteps(): Promise<WarmUpResult> {
  const checks = analyzeBrief(WARM_UP_BRIEF).checks
  const artifacts: WarmUpResult['artifacts'] = []
  for (const type of ARTIFACT_TYPES) {
    await nextTurn()
    artifacts.push({ type, ...composeOffline({ campaignId: 'warm-up', brief: WARM_UP_BRIEF, checks, type, iteration: 1, feedback: [], tags: [] }) })
  }
  await nextTurn()
  const audit = auditArtifacts({ campaignId: 'warm-up', brief: WARM_UP_BRIEF, checks, artifacts })
  return { artifacts, audit }
}
