import type { ArtifactType, CampaignBrief } from '#shared/campaign'
import { engineKind } from '../../artifact-types'
import type { WrittenMetadata } from '../../writers/types'
import { extractJsonBlock } from './json-block'
import { describeIssues } from './schemas'

export type ParsedDraft = { ok: true, metadata: WrittenMetadata } | { ok: false, problems: string[] }

/**
 * Reads the structure at the end of a model's answer, checks it against the artifact type's draft
 * schema and finishes it through the same finishers as the offline writer, so counts, hashtag
 * policy and contrast are computed by us, never taken from the model.
 */
export function parseDraft(type: ArtifactType, brief: CampaignBrief, answer: string): ParsedDraft {
  const block = extractJsonBlock(answer)
  if (!block.ok) return { ok: false, problems: [block.problem] }
  const draft = engineKind(type).model.readDraft(block.value, brief)
  return draft.ok ? { ok: true, metadata: draft.metadata } : { ok: false, problems: describeIssues(draft.error) }
}
