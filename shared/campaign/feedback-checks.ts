/** How one item of feedback fared in the version written for it. */
export const FEEDBACK_OUTCOMES = ['done', 'not-done', 'needs-person'] as const
export type FeedbackOutcome = (typeof FEEDBACK_OUTCOMES)[number]

/**
 * One item of the feedback a version was written for, checked against that version: "shorter" by
 * length against the version before, "mention X" by X being there, "don't say Y" by Y being gone; what
 * no rule can judge ("more energetic") needs a person.
 */
export interface FeedbackCheck {
  /** The item as the feedback worded it. */
  item: string
  outcome: FeedbackOutcome
  /** What was measured or found, in plain words ("1,204 → 806 characters", "“free shipping” is in the text"). */
  evidence: string
}

/** The version's note: exactly what the checks found, nothing more ("1 of 2 done, 1 for a person to check"). */
export function feedbackNote(checks: readonly FeedbackCheck[]): string {
  if (checks.length === 0) return ''
  const tally = (outcome: FeedbackOutcome) => checks.filter(check => check.outcome === outcome).length
  const parts = [`${tally('done')} of ${checks.length} done`]
  if (tally('not-done') > 0) parts.push(`${tally('not-done')} not done`)
  if (tally('needs-person') > 0) parts.push(`${tally('needs-person')} for a person to check`)
  return parts.join(', ')
}
