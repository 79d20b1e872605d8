import type { CampaignBrief } from '#shared/campaign'
import { finishShortCopy, finishVisualConcepts, renderCopy, renderShortCopy, renderVisual } from '../../content'
import type { WrittenArtifact } from '../../writers/types'
import type { Draft } from './parse-draft'

/**
 * A validated draft becomes an artifact through the same finishers and renderers as the
 * offline writer, so counts, hashtag policy, contrast and the readable text are computed by
 * us, never taken from the model.
 */
export function finishDraft(brief: CampaignBrief, draft: Draft): WrittenArtifact {
  switch (draft.type) {
    case 'Copy': {
      const metadata = draft.value
      return { content: renderCopy(metadata), metadata }
    }
    case 'ShortCopy': {
      const metadata = { platforms: finishShortCopy(brief, draft.value) }
      return { content: renderShortCopy(metadata), metadata }
    }
    case 'Visual': {
      const metadata = { concepts: finishVisualConcepts(brief, draft.value.concepts) }
      return { content: renderVisual(metadata), metadata }
    }
  }
}
