import type { ArtifactWriter, WriteRequest, WrittenArtifact } from '../types'
import { engineKind } from '../../artifact-types'
import { streamText } from './stream-text'
import { createWritingContext } from './writing-context'

export interface OfflineWriterOptions {
  /** Milliseconds between streamed pieces: 0 writes at once (tests, benchmarks); the default lets a person watch. */
  paceMs?: number
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

  constructor(options: OfflineWriterOptions = {}) {
    this.paceMs = Math.max(0, options.paceMs ?? DEFAULT_PACE_MS)
  }

  async write(request: WriteRequest): Promise<WrittenArtifact> {
    request.signal.throwIfAborted()
    const artifact = this.compose(request)
    await streamText(artifact.content, request.onText, { paceMs: this.paceMs, signal: request.signal })
    return artifact
  }

  private compose(request: WriteRequest): WrittenArtifact {
    const context = createWritingContext(request)
    const kind = engineKind(request.type)
    const metadata = kind.writeOffline(context, request.brief)
    return { content: kind.render(metadata), metadata }
  }
}
