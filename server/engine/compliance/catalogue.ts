import type { Rule, RuleDefinition } from './rule'
import { textContrast, altTextLength, altTextPresent } from './rules/accessibility'
import { unsubstantiatedClaims } from './rules/claims'
import { callToAction, readability } from './rules/clarity'
import { hashtagCount } from './rules/platform'
import { structure } from './rules/structure'
import { repeatedPunctuation, shouting } from './rules/tone'

/** The general rules every campaign is audited against, after its brief's own checks, in report order. */
export const AUDIT_RULES: readonly Rule[] = [
  unsubstantiatedClaims,
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
export const RULES: readonly RuleDefinition[] = AUDIT_RULES.map(({ id, title, category, severity, explanation, recommendation }) =>
  ({ id, title, category, severity, explanation, recommendation }))
