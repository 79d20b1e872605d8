import type { Rule, RuleDefinition } from './rule'
import { textContrast, altTextLength, altTextPresent } from './rules/accessibility'
import { bannedTerms, requiredDisclaimer, requiredHashtags } from './rules/brand'
import { avoidTerms, mustInclude } from './rules/brief-constraints'
import { unsubstantiatedClaims } from './rules/claims'
import { callToAction, readability } from './rules/clarity'
import { hashtagCount, platformLength } from './rules/platform'
import { structure } from './rules/structure'
import { repeatedPunctuation, shouting } from './rules/tone'

/** Every rule the audit runs, in the order its issues are reported. */
export const AUDIT_RULES: readonly Rule[] = [
  unsubstantiatedClaims,
  mustInclude,
  avoidTerms,
  bannedTerms,
  requiredDisclaimer,
  requiredHashtags,
  platformLength,
  hashtagCount,
  callToAction,
  structure,
  readability,
  shouting,
  repeatedPunctuation,
  altTextPresent,
  altTextLength,
  textContrast,
]

/** The catalogue as plain data, for listing the rules in the UI. */
export const RULES: readonly RuleDefinition[] = AUDIT_RULES.map(({ id, category, severity, explanation, recommendation }) =>
  ({ id, category, severity, explanation, recommendation }))
