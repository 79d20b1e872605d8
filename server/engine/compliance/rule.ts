import type { ArtifactType, CampaignBrief, RuleCategory, Severity } from '#shared/campaign'
import type { AuditedArtifact } from './audited-artifact'

/** What the UI lists for each rule. */
export interface RuleDefinition {
  id: string
  /** What the rule asks for, in a marketer's words: the report's title for it. */
  title: string
  category: RuleCategory
  severity: Severity
  /** Why the rule exists, in a sentence or two. */
  explanation: string
  /** What to do when it fails, in the imperative. */
  recommendation: string
}

/** One problem a rule found. */
export interface Finding {
  /** Where in the artifact, e.g. "headlines[1]" or "x variant 2". */
  location: string
  description: string
  /** Overrides the rule's severity for this finding (readability grades how hard the text is). */
  severity?: Severity
  /** A more specific instruction than the rule's own, still in the imperative. */
  recommendation?: string
}

export interface AuditContext {
  brief: CampaignBrief
  /** The notes of the brief's "Substantiation:" lines: the claims they name may be made. */
  substantiations: readonly string[]
}

export interface Rule extends RuleDefinition {
  appliesTo: readonly ArtifactType[]
  /**
   * The findings for one artifact: an empty list when it passes, `null` when the rule has nothing to check
   * here (the brief requires no disclaimer, say) so the check counts neither for nor against the score.
   */
  check(artifact: AuditedArtifact, context: AuditContext): Finding[] | null
}

export function defineRule(rule: Rule): Rule {
  return rule
}

/** Quotes a term in a message so the reader (and a reviser reading feedback) sees exactly which words. */
export function quote(text: string): string {
  return `"${text}"`
}
