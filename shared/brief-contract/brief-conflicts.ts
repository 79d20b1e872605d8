import type { CampaignBrief } from '../campaign/brief'
import { termPattern } from '../utils/term-pattern'
import type { BriefCheck, BriefConflict } from './checks'
import { CLAIM_CLASSES } from './claim-classes'
import { CLAIM_KINDS } from './general-claims'

type ConflictField = BriefConflict['field']

const GENERAL_RULE = 'the audit\'s rule that claims need evidence (FTC Policy Statement Regarding Advertising Substantiation)'

function firstFound(text: string, wordings: readonly string[]): string | undefined {
  for (const wording of wordings) {
    const match = termPattern(wording).exec(text)
    if (match) return match[0]
  }
  return undefined
}

/**
 * The places where the brief itself asks for something the audit will flag: a product described as
 * "cures cancer", a line asking to mention "100% guaranteed" while another rules out such claims.
 * The campaign shows these before it is written, so a flagged draft is never a surprise.
 */
export function findBriefConflicts(brief: Pick<CampaignBrief, 'theme' | 'product' | 'targetAudience' | 'tone'>, checks: readonly BriefCheck[]): BriefConflict[] {
  const notes = checks.flatMap(check => (check.kind === 'substantiation' ? [check.note] : []))
  const backed = (wording: string) => notes.some(note => termPattern(wording).test(note))
  const texts: Array<{ field: ConflictField, index: number, text: string }> = [
    { field: 'theme', index: 0, text: brief.theme },
    { field: 'product', index: 0, text: brief.product },
    { field: 'targetAudience', index: 0, text: brief.targetAudience },
    ...checks.flatMap(check => (check.kind === 'must-mention' && check.source.field === 'constraints'
      ? [{ field: 'constraints' as const, index: check.source.index, text: check.source.text }]
      : [])),
  ]
  const classChecks = checks.filter(check => check.kind === 'claim-class')
  return texts.flatMap(({ field, index, text }) => {
    const conflicts: BriefConflict[] = []
    for (const kind of CLAIM_KINDS) {
      const found = firstFound(text, kind.wordings.filter(wording => !backed(wording)))
      if (found) conflicts.push({ field, index, text, found, forbiddenBy: GENERAL_RULE })
    }
    for (const check of classChecks) {
      const found = firstFound(text, CLAIM_CLASSES[check.claimClass].wordings.filter(wording => !backed(wording)))
      if (found && !conflicts.some(conflict => conflict.found.toLowerCase() === found.toLowerCase())) {
        conflicts.push({ field, index, text, found, forbiddenBy: `your constraint “${check.source.text}” (${CLAIM_CLASSES[check.claimClass].guidance})` })
      }
    }
    return conflicts
  })
}
