/** A stretch of a text to mark, in UTF-16 offsets as the audit reports them, with the check it fails. */
export interface TextHighlight {
  start: number
  end: number
  /** The element id of the mark where it starts, which the report's "Show in the artifact" focuses. */
  id: string
  /** What it fails, in a marketer's words. */
  title: string
}

/** A piece of the text: plain when no highlight covers it, otherwise marked with the titles of all that do. */
export interface HighlightedPiece {
  text: string
  titles: string[]
  /** Set on the piece where a highlight starts (the first highlight listed, when several start there). */
  id?: string
}

const isLowSurrogate = (code: number) => code >= 0xDC00 && code <= 0xDFFF

/** An offset inside the text that never splits a character written as a surrogate pair (most emoji). */
function snapped(text: string, offset: number, direction: -1 | 1): number {
  const clamped = Math.min(Math.max(0, Math.trunc(offset)), text.length)
  if (clamped > 0 && clamped < text.length && isLowSurrogate(text.charCodeAt(clamped))) return clamped + direction
  return clamped
}

/**
 * Splits text into plain and marked pieces. Highlights may overlap or nest (a piece is marked with each
 * that covers it), reach past the text (clamped) or be empty (ignored); offsets that fall inside an emoji
 * widen to take it whole. Concatenated, the pieces are the text.
 */
export function highlightPieces(text: string, highlights: readonly TextHighlight[]): HighlightedPiece[] {
  const spans = highlights
    // A highlight shifted to start before this part (a post's styled piece) continues here; it does not open here.
    .map(highlight => ({ ...highlight, opens: highlight.start >= 0, start: snapped(text, highlight.start, -1), end: snapped(text, highlight.end, 1) }))
    .filter(highlight => highlight.end > highlight.start)
  const cuts = [...new Set([0, text.length, ...spans.flatMap(span => [span.start, span.end])])].sort((a, b) => a - b)
  const pieces: HighlightedPiece[] = []
  for (let index = 0; index < cuts.length - 1; index += 1) {
    const start = cuts[index]!
    const end = cuts[index + 1]!
    const covering = spans.filter(span => span.start <= start && span.end >= end)
    const id = spans.find(span => span.opens && span.start === start)?.id
    pieces.push({ text: text.slice(start, end), titles: covering.map(span => span.title), ...(id && { id }) })
  }
  return pieces.length > 0 ? pieces : [{ text, titles: [] }]
}

/** The highlights moved to a part of the text that starts at `offset`, as a post's styled pieces need. */
export function shiftedHighlights(highlights: readonly TextHighlight[], offset: number): TextHighlight[] {
  return highlights.map(highlight => ({ ...highlight, start: highlight.start - offset, end: highlight.end - offset }))
}
