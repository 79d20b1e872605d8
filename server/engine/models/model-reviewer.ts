import type { CampaignBrief, ComplianceIssue, Severity } from '#shared/campaign'
import { RULES } from '../compliance/catalogue'
import type { RuleDefinition } from '../compliance/rule'
import { withCallTimeout } from './call-signal'
import { completeAnswer } from './model-calls'
import { extractJsonBlock } from './output/json-block'
import { toneReviewSchema } from './output/review-schema'
import { buildReviewPrompt, type ReviewedArtifact } from './prompts/review-prompt'
import type { ModelSetup } from './provider'

export const MODEL_TONE_RULE_ID = 'model.tone'

export interface ModelReviewerOptions {
  /** The deterministic rules, so the model is told not to repeat what they check (default: the audit's catalogue). */
  rules?: readonly RuleDefinition[]
  /** Told about failures, which are otherwise swallowed. Receives the error, never a key. */
  onError?: (error: unknown) => void
}

/**
 * A language model's second opinion on tone, added to the rule engine's audit.
 *
 * It is advisory: any failure (network, timeout, unusable answer) yields no findings rather than
 * failing the audit, and its findings are capped at Medium severity, because High findings make
 * the run rewrite artifacts automatically and an opinion should not drive that loop on its own.
 */
export class ModelReviewer {
  constructor(private readonly setup: ModelSetup, private readonly options: ModelReviewerOptions = {}) {}

  /** `signal` cancels the review (the run was cancelled, say); it then returns no findings at once. */
  async review(brief: CampaignBrief, artifacts: ReviewedArtifact[], options: { signal?: AbortSignal } = {}): Promise<ComplianceIssue[]> {
    if (artifacts.length === 0) return []
    const checked = (this.options.rules ?? RULES).map(rule => `${rule.id}: ${rule.explanation}`)
    const prompt = buildReviewPrompt(brief, artifacts, checked)
    const signal = options.signal ?? new AbortController().signal
    try {
      const answer = await withCallTimeout(`tone review by ${this.setup.modelId}`, { signal, timeoutMs: this.setup.timeoutMs },
        callSignal => completeAnswer({
          model: this.setup.model,
          system: prompt.system,
          messages: [{ role: 'user', content: prompt.user }],
          signal: callSignal,
        }))
      const block = extractJsonBlock(answer)
      if (!block.ok) throw new Error(`tone review: ${block.problem}`)
      const findings = toneReviewSchema.parse(block.value)
      const reviewed = new Set(artifacts.map(artifact => artifact.type))
      return findings
        .filter(finding => reviewed.has(finding.artifactType))
        .map(finding => ({
          artifactType: finding.artifactType,
          issueDescription: finding.issueDescription,
          severity: capSeverity(finding.severity),
          ruleId: MODEL_TONE_RULE_ID,
          category: 'tone' as const,
          location: finding.location,
          recommendation: finding.recommendation,
          source: 'model' as const,
        }))
    }
    catch (error) {
      this.options.onError?.(error)
      return []
    }
  }
}

function capSeverity(severity: Severity): Severity {
  return severity === 'High' ? 'Medium' : severity
}
