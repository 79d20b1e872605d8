import type { z } from 'zod'
import type { ArtifactType, CampaignBrief } from '#shared/campaign'
import { extractJsonBlock } from './json-block'
import { copyDraftSchema, describeIssues, shortCopyDraftSchema, visualDraftSchema } from './schemas'

export type Draft
  = | { type: 'Copy', value: z.output<typeof copyDraftSchema> }
    | { type: 'ShortCopy', value: z.output<ReturnType<typeof shortCopyDraftSchema>> }
    | { type: 'Visual', value: z.output<typeof visualDraftSchema> }

export type ParsedDraft = { ok: true, draft: Draft } | { ok: false, problems: string[] }

/** Reads the structure at the end of a model's answer and checks it against the artifact's schema. */
export function parseDraft(type: ArtifactType, brief: CampaignBrief, answer: string): ParsedDraft {
  const block = extractJsonBlock(answer)
  if (!block.ok) return { ok: false, problems: [block.problem] }
  switch (type) {
    case 'Copy': {
      const result = copyDraftSchema.safeParse(block.value)
      return result.success ? { ok: true, draft: { type, value: result.data } } : invalid(result.error)
    }
    case 'ShortCopy': {
      const result = shortCopyDraftSchema(brief.platforms).safeParse(block.value)
      return result.success ? { ok: true, draft: { type, value: result.data } } : invalid(result.error)
    }
    case 'Visual': {
      const result = visualDraftSchema.safeParse(block.value)
      return result.success ? { ok: true, draft: { type, value: result.data } } : invalid(result.error)
    }
  }
}

function invalid(error: z.ZodError): ParsedDraft {
  return { ok: false, problems: describeIssues(error) }
}
