import { anyTermPattern, normaliseWhitespace, termPattern } from '#shared/utils/term-pattern'

export { normaliseWhitespace, termPattern } from '#shared/utils/term-pattern'

export function containsTerm(text: string, term: string): boolean {
  return normaliseWhitespace(term) !== '' && termPattern(term).test(text)
}

/**
 * Whether a text contains any of `terms`, as `terms.some(term => containsTerm(text, term))` says, in
 * one pass over the text with a pattern built once. A writer tests each of its candidate sentences
 * against every term the brief bans or avoids (up to 50 banned terms, and as many from its
 * constraints and feedback): one by one, each test normalised the term, looked its pattern up and
 * scanned the text again, and a short copy for a brief at its limits took 24 ms of one turn (43 ms
 * with feedback at its limits too).
 */
export function anyTermMatcher(terms: readonly string[]): (text: string) => boolean {
  const wanted = terms.filter(term => normaliseWhitespace(term) !== '')
  if (wanted.length === 0) return () => false
  // One term's pattern is built once for the process (termPattern); a list's, once for this matcher.
  const pattern = wanted.length === 1 ? termPattern(wanted[0]!) : anyTermPattern(wanted)
  return text => pattern.test(text)
}

/** The last text containsPhrase folded: rules ask about many phrases in the same text in a row. */
let lastFolded = { text: '', folded: '' }

/** Whether `text` contains `phrase`, ignoring case, whitespace differences and the phrase's closing punctuation. */
export function containsPhrase(text: string, phrase: string): boolean {
  const wanted = normaliseWhitespace(phrase).replace(/[.!;:,]+$/u, '').toLowerCase()
  if (wanted === '') return false
  if (lastFolded.text !== text) lastFolded = { text, folded: normaliseWhitespace(text).toLowerCase() }
  return lastFolded.folded.includes(wanted)
}
