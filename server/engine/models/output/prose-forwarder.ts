/**
 * Passes the readable part of a streamed answer on as it arrives and holds back the structure.
 *
 * Answers are prose followed by a ```json block. Watchers should see the prose being written,
 * not the JSON, so everything from the first code fence on is withheld. A delta may end in the
 * middle of a fence, so a trailing run of backticks waits for the next delta before it is sent.
 */
export interface ProseForwarder {
  push(delta: string): void
  /** Flushes anything held back; call once the stream has ended. */
  end(): void
}

const FENCE = '```'

export function createProseForwarder(onText: (chunk: string) => void): ProseForwarder {
  let held = ''
  let structureStarted = false
  const emit = (text: string) => {
    if (text) onText(text)
  }
  return {
    push(delta) {
      if (structureStarted) return
      const text = held + delta
      const fence = text.indexOf(FENCE)
      if (fence >= 0) {
        structureStarted = true
        held = ''
        emit(text.slice(0, fence))
        return
      }
      const partialFence = /`{1,2}$/.exec(text)
      const cut = partialFence ? partialFence.index : text.length
      emit(text.slice(0, cut))
      held = text.slice(cut)
    },
    end() {
      if (!structureStarted) emit(held)
      held = ''
    },
  }
}
