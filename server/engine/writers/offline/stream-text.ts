import { runTurns, type LoopTurns } from '../../orchestrator/loop-turns'

/** Words per streamed piece: small enough to watch, large enough not to flood the hub with events. */
const WORDS_PER_PIECE = 3
/** At zero pace, a turn of the event loop this often even within the run's budget, so an abort from another task stops the write. */
const PIECES_BETWEEN_TURNS = 50

/** Splits text into pieces of a few words each (with their trailing whitespace); joined, they are the text. */
export function splitIntoPieces(text: string, wordsPerPiece = WORDS_PER_PIECE): string[] {
  const leading = /^\s+/u.exec(text)?.[0] ?? ''
  const words = text.slice(leading.length).match(/\S+\s*/gu) ?? []
  const pieces: string[] = []
  for (let index = 0; index < words.length; index += wordsPerPiece) pieces.push(words.slice(index, index + wordsPerPiece).join(''))
  if (leading) pieces.unshift(leading)
  return pieces
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The write was aborted.', 'AbortError')
}

function nextTurn(): Promise<void> {
  return new Promise(resolve => setImmediate(resolve))
}

/** Waits `ms`, or rejects with the signal's reason (an AbortError by default) as soon as it is aborted. */
export function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(abortReason(signal))
      return
    }
    const onAbort = () => {
      clearTimeout(timer)
      reject(abortReason(signal))
    }
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort)
      resolve()
    }, ms)
    signal.addEventListener('abort', onAbort, { once: true })
  })
}

export interface StreamOptions {
  paceMs: number
  signal: AbortSignal
  /** At zero pace each piece waits for the run's share of the event loop, so other work and aborts get turns. */
  turns?: Pick<LoopTurns, 'pass'>
}

/** Hands `text` to `onText` piece by piece, `paceMs` apart, stopping with a rejection when `signal` aborts. */
export async function streamText(text: string, onText: (chunk: string) => void, options: StreamOptions): Promise<void> {
  const { turns = runTurns } = options
  const pieces = splitIntoPieces(text)
  for (const [index, piece] of pieces.entries()) {
    if (options.signal.aborted) throw abortReason(options.signal)
    if (options.paceMs > 0 && index > 0) await pause(options.paceMs, options.signal)
    else if (index > 0) await (index % PIECES_BETWEEN_TURNS === 0 ? nextTurn() : turns.pass())
    if (options.signal.aborted) throw abortReason(options.signal)
    onText(piece)
  }
}
