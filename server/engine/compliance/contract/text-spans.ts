import type { TextSnippet } from '#shared/campaign'
import type { TextSegment } from '../audited-artifact'

/** Characters of context either side of the offending words, enough to recognise where they sit. */
const CONTEXT = 40
/** The longest excerpt a report carries: an over-long post is shown by its overflow, not in full. */
const LONGEST_EXCERPT = 200

/** A stretch of an artifact's text that fails a check. */
export interface Span {
  location: string
  start: number
  end: number
  excerpt: string
  snippet: TextSnippet
}

function clip(text: string, fromEnd: boolean): string {
  if (text.length <= CONTEXT) return text
  return fromEnd ? `…${text.slice(-CONTEXT)}` : `${text.slice(0, CONTEXT)}…`
}

export function spanOf(segment: TextSegment, start: number, end: number): Span {
  const whole = segment.text.slice(start, end)
  const excerpt = whole.length > LONGEST_EXCERPT ? `${whole.slice(0, LONGEST_EXCERPT)}…` : whole
  return {
    location: segment.location,
    start,
    end,
    excerpt,
    snippet: { before: clip(segment.text.slice(0, start), true), match: excerpt, after: clip(segment.text.slice(end), false) },
  }
}

/** Every match of `pattern` in the segment, with its offsets. */
export function spansMatching(segment: TextSegment, pattern: RegExp): Span[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`)
  return [...segment.text.matchAll(global)]
    .filter(match => match[0] !== '')
    .map(match => spanOf(segment, match.index, match.index + match[0].length))
}
