import { finishVisualConcepts } from '../../content/contrast'
import { ArtifactEditMismatchError } from '../edit-mismatch'
import { defineEngineKind } from '../kind'
import { visualAudit } from './audit'
import { visualModel } from './model'
import { writeVisual } from './offline-writer'
import { renderVisual } from './render'

/** The key visual's concepts. */
export const visualEngine = defineEngineKind<'Visual'>()({
  agentName: 'VisualConceptAgent',
  render: renderVisual,
  writeOffline: writeVisual,
  model: visualModel,
  audit: visualAudit,
  readerText: visual => visual.concepts.flatMap(concept => [...concept.layout, concept.altText.text, concept.imagePrompt]).join('\n'),
  applyEdit(brief, base, edit) {
    const concepts = base.concepts ?? []
    if (concepts.length !== edit.concepts.length) {
      throw new ArtifactEditMismatchError('concepts', `Send all ${concepts.length} concepts: an edit changes their text, not how many there are.`)
    }
    // The palette is not text a person edits: each concept keeps its own.
    return { concepts: finishVisualConcepts(brief, edit.concepts.map((concept, index) => ({ ...concept, palette: concepts[index]!.palette }))) }
  },
})
