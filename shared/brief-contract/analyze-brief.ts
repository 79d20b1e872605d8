import type { CampaignBrief } from '../campaign/brief'
import type { BriefAnalysis, BriefCheck, BriefLine, NotUnderstoodLine } from './checks'
import { findBriefConflicts } from './brief-conflicts'
import { readConstraint, type CheckBody } from './read-constraint'

type AnalysedBrief = Pick<CampaignBrief, 'theme' | 'product' | 'targetAudience' | 'tone' | 'constraints' | 'platforms' | 'brand'>

function idOf(line: BriefLine): string {
  return `${line.field}.${line.index}`
}

function checkFrom(source: BriefLine, body: CheckBody): BriefCheck {
  return { ...body, id: idOf(source), source, interpretedBy: 'rules' } as BriefCheck
}

/** The brand kit's fields are already typed, so each maps to its check without reading any prose. */
function brandChecks(brand: AnalysedBrief['brand']): BriefCheck[] {
  if (!brand) return []
  const checks: BriefCheck[] = []
  const name = brand.name?.trim()
  if (name) checks.push(checkFrom({ field: 'brand.name', index: 0, text: name }, { kind: 'must-mention', phrases: [name] }))
  brand.bannedTerms.forEach((term, index) =>
    checks.push(checkFrom({ field: 'brand.bannedTerms', index, text: term }, { kind: 'must-not-say', phrases: [term] })))
  brand.requiredHashtags.forEach((tag, index) =>
    checks.push(checkFrom({ field: 'brand.requiredHashtags', index, text: tag }, { kind: 'required-hashtags', tags: [tag] })))
  const disclaimer = brand.requiredDisclaimer?.trim()
  if (disclaimer) {
    checks.push(checkFrom({ field: 'brand.requiredDisclaimer', index: 0, text: disclaimer }, { kind: 'required-disclaimer', text: disclaimer }))
  }
  return checks
}

/**
 * Reads every line of a brief into the checks the audit will run, each citing its line. A line it cannot
 * read is returned in `notUnderstood` with a hint, never dropped.
 */
export function analyzeBrief(brief: AnalysedBrief): BriefAnalysis {
  const checks: BriefCheck[] = []
  const notUnderstood: NotUnderstoodLine[] = []
  brief.constraints.forEach((text, index) => {
    const source: BriefLine = { field: 'constraints', index, text }
    const reading = readConstraint(text)
    if ('check' in reading) checks.push(checkFrom(source, reading.check))
    else notUnderstood.push({ source, hint: reading.hint })
  })
  brief.platforms.forEach((platform, index) =>
    checks.push(checkFrom({ field: 'platforms', index, text: platform }, { kind: 'platform-fit', platform })))
  checks.push(...brandChecks(brief.brand))
  return { checks, notUnderstood, conflicts: findBriefConflicts(brief, checks) }
}
