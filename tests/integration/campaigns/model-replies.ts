import type { ArtifactType } from '#shared/campaign'
import type { RecordedRequest, ReplyChooser, ScriptedReply } from '../models/fake-openai-server'
import { answerChunks, COPY_PROSE, copyStructure, shortCopyStructure, visualStructure } from '../models/fixtures'

/** The fixtures' brief as a marketer would send it: the answers below are written for it. */
export const MODEL_BRIEF = {
  theme: 'Spring refill launch',
  product: 'EcoSip refillable bottle',
  targetAudience: 'Commuters who buy bottled water every day',
  tone: 'Warm and practical',
  constraints: ['Must include "refill"'],
  platforms: ['x', 'linkedin', 'instagram'],
  brand: { name: 'EcoSip', palette: ['#0B3D2E', '#F4F1E8'], requiredHashtags: ['#EcoSip'] },
}

// Each writer prompt states its task in its own words (server/engine/models/prompts/writer-prompts.ts).
const TASKS: Array<[ArtifactType, string]> = [
  ['Copy', 'Write the campaign copy:'],
  ['ShortCopy', 'Write short social posts'],
  ['Visual', 'Propose the key visual:'],
]

const ANSWERS: Record<ArtifactType, ScriptedReply> = {
  Copy: { kind: 'answer', chunks: answerChunks(COPY_PROSE, copyStructure) },
  ShortCopy: { kind: 'answer', chunks: answerChunks(['Three posts per platform.\n\n'], shortCopyStructure()) },
  Visual: { kind: 'answer', chunks: answerChunks(['Two concepts.\n\n'], visualStructure) },
}
const NO_TONE_FINDINGS: ScriptedReply = { kind: 'answer', chunks: ['No tone problems.\n```json\n{"findings": []}\n```'] }

/** Which artifact a writer request is for; undefined for other calls (the tone review). */
export function artifactTypeOf(request: RecordedRequest): ArtifactType | undefined {
  const prompt = JSON.stringify(request.body.messages ?? [])
  return TASKS.find(([, task]) => prompt.includes(task))?.[0]
}

/**
 * A model that writes every artifact of MODEL_BRIEF well, except the types in `failing`, which
 * get 500s for as long as they are in the set; the tone review finds nothing.
 */
export function campaignModel(failing: Set<ArtifactType>): ReplyChooser {
  return (request) => {
    const type = artifactTypeOf(request)
    if (!type) return NO_TONE_FINDINGS
    return failing.has(type) ? { kind: 'status', status: 500, message: 'The model is overloaded' } : ANSWERS[type]
  }
}
