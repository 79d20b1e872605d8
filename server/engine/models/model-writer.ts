import type { ModelMessage } from 'ai'
import type { ArtifactWriter, WriteRequest, WrittenArtifact } from '../writers/types'
import { engineKind } from '../artifact-types'
import { withCallTimeout } from './call-signal'
import { ModelOutputError } from './errors'
import { completeAnswer, streamAnswer } from './model-calls'
import { parseDraft } from './output/parse-draft'
import { createProseForwarder } from './output/prose-forwarder'
import { buildRepairMessage, buildWriterPrompt } from './prompts/writer-prompts'
import type { ModelSetup } from './provider'

/**
 * Writes artifacts with a language model.
 *
 * One streamed call per artifact: the model writes a readable draft (streamed to `onText` as it
 * arrives, so people watch it being written) and ends with a JSON block holding the structure.
 * One call rather than prose-then-generateObject keeps the draft and the structure from drifting
 * apart and halves latency and cost; and parsing the JSON ourselves, instead of relying on the
 * provider's JSON mode, works the same on every OpenAI-compatible server, many of which do not
 * support structured outputs.
 *
 * If the structure is invalid, the model is shown what was wrong and asked once, in the same
 * conversation, for the JSON alone (nothing new to watch, so that call is not streamed).
 *
 * The returned `content` is rendered from the validated structure by its type's renderer, so it
 * is laid out exactly like the offline writer's and always agrees with `metadata`. The streamed
 * draft is the live view of the same writing and will not match it character for character.
 *
 * Model output is data: it is parsed as JSON, validated, cleaned and capped, and otherwise only
 * ever treated as plain text.
 */
export class ModelWriter implements ArtifactWriter {
  readonly model: string

  constructor(private readonly setup: ModelSetup) {
    this.model = setup.modelId
  }

  async write(request: WriteRequest): Promise<WrittenArtifact> {
    const what = `${request.type} by ${this.model}`
    const prompt = buildWriterPrompt(request)
    const messages: ModelMessage[] = [{ role: 'user', content: prompt.user }]
    const call = (signal: AbortSignal) => ({ model: this.setup.model, system: prompt.system, messages, signal })
    const limits = { signal: request.signal, timeoutMs: this.setup.timeoutMs }

    const answer = await withCallTimeout(what, limits, async (signal) => {
      const prose = createProseForwarder(request.onText)
      const text = await streamAnswer(call(signal), delta => prose.push(delta))
      prose.end()
      return text
    })
    let parsed = parseDraft(request.type, request.brief, answer)
    if (!parsed.ok) {
      messages.push(
        { role: 'assistant', content: answer },
        { role: 'user', content: buildRepairMessage(request.type, parsed.problems) },
      )
      const repaired = await withCallTimeout(what, limits, signal => completeAnswer(call(signal)))
      parsed = parseDraft(request.type, request.brief, repaired)
      if (!parsed.ok) throw new ModelOutputError(what, parsed.problems)
    }
    request.signal.throwIfAborted()
    return { content: engineKind(request.type).render(parsed.metadata), metadata: parsed.metadata }
  }
}
