import { analyzeBrief, type BriefCheck } from '#shared/brief-contract'
import type { CampaignBrief } from '#shared/campaign'

/** What the brief's constraint lines ask the writers for, projected from the brief's checks. */
export interface BriefDirectives {
  /** Phrases and links each text artifact must contain ("Must include free returns", "Include a link to …"). */
  mustInclude: string[]
  /** Words or phrases no artifact may contain ("Avoid 'cheap' or 'discount'"). */
  avoid: string[]
  /** Notes that back claims ("Substantiation: clinically proven, per the 2024 trial"). */
  substantiations: string[]
}

/** The notes of the brief's "Substantiation:" lines, which let the claims they name pass. */
export function substantiationsOf(checks: readonly BriefCheck[]): string[] {
  return checks.flatMap(check => (check.kind === 'substantiation' ? [check.note] : []))
}

/** The directives of a brief read now; a campaign's writers use `directivesOf` its stored checks. */
export function readBriefDirectives(brief: CampaignBrief): BriefDirectives {
  return directivesOf(analyzeBrief(brief).checks)
}

export function directivesOf(checks: readonly BriefCheck[]): BriefDirectives {
  const constraintChecks = checks.filter(check => check.source.field === 'constraints')
  return {
    mustInclude: constraintChecks.flatMap((check) => {
      if (check.kind === 'must-mention') return check.phrases
      return check.kind === 'required-link' ? [check.url] : []
    }),
    avoid: constraintChecks.flatMap(check => (check.kind === 'must-not-say' ? check.phrases : [])),
    substantiations: substantiationsOf(constraintChecks),
  }
}
