import { briefCheckSchema, type BriefAnalysis, type BriefCheck, type NotUnderstoodLine } from '#shared/brief-contract'
import { withCallTimeout } from './call-signal'
import { completeAnswer } from './model-calls'
import { extractJsonBlock } from './output/json-block'
import type { ModelSetup } from './provider'

/**
 * The kinds a model may turn a line into, with their fields. Not "substantiation" (it would let claims
 * through on a model's reading) nor "platform-fit" (it comes from the platforms, never a line).
 */
const KINDS = [
  'must-mention {"phrases": string[]}',
  'must-not-say {"phrases": string[]}',
  'claim-class {"claimClass": "health" | "absolute" | "financial" | "environmental"}',
  'max-length {"limit": number, "strict": boolean, "unit": "characters" | "words", "scope": "posts" | "headlines" | "body" | "callsToAction" | "altText", "platform"?: "x" | "linkedin" | "instagram" | "facebook" | "tiktok"}',
  'required-link {"url": string}',
  'call-to-action {"mustContain": string}',
  'required-disclaimer {"text": string}',
  'required-hashtags {"tags": string[]}',
  'max-hashtags {"max": number}',
  'emoji {"allowed": boolean}',
  'reading-level {"maxGrade": number}',
  'language {"language": string}',
] as const
const ALLOWED_KINDS = new Set(KINDS.map(kind => kind.split(' ')[0]))

const SYSTEM = [
  'You turn lines of a marketing brief that a rule-based reader could not read into checks an automatic audit can run.',
  'Each check has a "kind" and the fields listed for it:',
  ...KINDS.map(kind => `- ${kind}`),
  'Answer with one JSON object in a ```json block: {"interpretations": [{"line": <the line\'s number>, "check": {"kind": …, …fields} | null}]}.',
  'Use null when a line cannot be checked by matching text (a matter of style or taste). Never invent words the line does not ask for.',
].join('\n')

export interface ModelLineInterpreterOptions {
  /** Told about failures, which otherwise leave the lines as they were. Receives the error, never a key. */
  onError?: (error: unknown) => void
}

/**
 * A language model's reading of the brief lines the analyzer did not understand. It is advisory: a line
 * it turns into a valid check is marked `interpretedBy: 'model'`; any other answer, or any failure,
 * leaves the line listed as not checked automatically.
 */
export class ModelLineInterpreter {
  constructor(private readonly setup: ModelSetup, private readonly options: ModelLineInterpreterOptions = {}) {}

  async interpret(analysis: BriefAnalysis, options: { signal?: AbortSignal } = {}): Promise<BriefAnalysis> {
    if (analysis.notUnderstood.length === 0) return analysis
    try {
      const user = analysis.notUnderstood.map((line, index) => `${index + 1}. ${JSON.stringify(line.source.text)}`).join('\n')
      const answer = await withCallTimeout(`brief lines by ${this.setup.modelId}`, { signal: options.signal ?? new AbortController().signal, timeoutMs: this.setup.timeoutMs },
        callSignal => completeAnswer({ model: this.setup.model, system: SYSTEM, messages: [{ role: 'user', content: user }], signal: callSignal }))
      const block = extractJsonBlock(answer)
      if (!block.ok) throw new Error(`brief lines: ${block.problem}`)
      const interpreted = new Map<number, BriefCheck>()
      const entries = (block.value as { interpretations?: unknown }).interpretations
      for (const entry of Array.isArray(entries) ? entries : []) {
        const check = checkFor(analysis.notUnderstood, entry)
        if (check && !interpreted.has(check.source.index)) interpreted.set(check.source.index, check)
      }
      const remaining = analysis.notUnderstood.filter(line => !interpreted.has(line.source.index))
      return { ...analysis, checks: [...analysis.checks, ...interpreted.values()], notUnderstood: remaining }
    }
    catch (error) {
      this.options.onError?.(error)
      return analysis
    }
  }
}

/** A valid check of an allowed kind for the numbered line, tied to that line; `undefined` otherwise. */
function checkFor(lines: readonly NotUnderstoodLine[], entry: unknown): BriefCheck | undefined {
  if (typeof entry !== 'object' || entry === null) return undefined
  const { line, check } = entry as { line?: unknown, check?: unknown }
  const source = typeof line === 'number' ? lines[line - 1]?.source : undefined
  if (!source || typeof check !== 'object' || check === null || !ALLOWED_KINDS.has(String((check as { kind?: unknown }).kind))) return undefined
  const parsed = briefCheckSchema.safeParse({ ...check, id: `${source.field}.${source.index}`, source, interpretedBy: 'model' })
  return parsed.success ? parsed.data : undefined
}
