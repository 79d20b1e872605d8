import type { ArtifactWriter, WriteRequest, WrittenArtifact } from '../types'
import { engineKind } from '../../artifact-types'
import { runTurns, type LoopTurns } from '../../orchestrator/loop-turns'
import { streamText } from './stream-text'
import { createWritingContext } from './writing-context'

export interface OfflineWriterOptions {
  /** Milliseconds between streamed pieces: 0 writes at once (tests, benchmarks); the default lets a person watch. */
  paceMs?: number
  /** The run's share of the event loop (the process's `runTurns` unless a test passes its own). */
  turns?: Pick<LoopTurns, 'pass'>
}

/** What composing an artifact reads of a write request: everything but how it is streamed. */
export type ComposeRequest = Pick<WriteRequest, 'brief' | 'checks' | 'campaignId' | 'iteration' | 'type' | 'feedback' | 'tags'>

/** The whole artifact the offline writer writes for `request`, composed at once (`write` then streams it). */
export function composeOffline(request: ComposeRequest): WrittenArtifact {
  const context = createWritingContext(request)
  const kind = engineKind(request.type)
  const metadata = kind.writeOffline(context, request.brief)
  return { content: kind.render(metadata), metadata }
}

/** A pace at which three streamed words at a time read like someone typing briskly. */
export const DEFAULT_PACE_MS = 45

/**
 * The built-in writer: no network and no keys. It builds brief-specific copy from sentence pools with a PRNG
 * seeded by the brief, campaign, iteration and feedback, so the same request always gives the same text and
 * a new iteration gives new wording. Feedback and audit recommendations steer what changes.
 */
export class OfflineWriter implements ArtifactWriter {
  readonly model = 'offline-writer'
  private readonly paceMs: number
  private readonly turns: Pick<LoopTurns, 'pass'>

  constructor(options: OfflineWriterOptions = {}) {
    this.paceMs = Math.max(0, options.paceMs ?? DEFAULT_PACE_MS)
    this.turns = options.turns ?? runTurns
  }

  async write(request: WriteRequest): Promise<WrittenArtifact> {
    request.signal.throwIfAborted()
    // Composing is one step of about a millisecond: a run's parallel writes and several runs starting
    // at once would otherwise compose back to back in one turn of the loop, while requests wait.
    await this.turns.pass()
    request.signal.throwIfAborted()
    const artifact = composeOffline(request)
    await streamText(artifact.content, request.onText, { paceMs: this.paceMs, signal: request.signal, turns: this.turns })
    return artifact
  }
}
