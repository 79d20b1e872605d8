import { generateText, streamText, type ModelMessage } from 'ai'
import type { ConfiguredLanguageModel } from './provider'

export interface ModelCall {
  model: ConfiguredLanguageModel
  system: string
  messages: ModelMessage[]
  signal: AbortSignal
}

/*
 * The SDK's own retries are switched off (maxRetries: 0): retrying is the caller's decision
 * (withRetries), and two nested retry loops would multiply attempts and hide 429s from it.
 */
const COMMON = { maxRetries: 0, maxOutputTokens: 4096 } as const

/** Streams one answer, passing each text delta to `onDelta`; resolves with the whole answer. */
export async function streamAnswer(call: ModelCall, onDelta: (delta: string) => void): Promise<string> {
  const result = streamText({
    ...COMMON,
    model: call.model,
    system: call.system,
    messages: call.messages,
    abortSignal: call.signal,
    // Errors are read from the stream below; the default handler would only log them.
    onError: () => {},
  })
  let answer = ''
  for await (const part of result.fullStream) {
    if (part.type === 'text-delta') {
      answer += part.text
      onDelta(part.text)
    }
    else if (part.type === 'error') {
      throw part.error
    }
    else if (part.type === 'abort') {
      // Stop reading at once; the caller turns the abort into cancellation or a timeout.
      call.signal.throwIfAborted()
      break
    }
  }
  return answer
}

/** One answer in a single response, for short follow-ups where there is nothing to watch. */
export async function completeAnswer(call: ModelCall): Promise<string> {
  const result = await generateText({
    ...COMMON,
    model: call.model,
    system: call.system,
    messages: call.messages,
    abortSignal: call.signal,
  })
  return result.text
}
