import { normaliseWhitespace, termPattern } from '#shared/utils/term-pattern'

export { normaliseWhitespace, termPattern } from '#shared/utils/term-pattern'

export function containsTerm(text: string, term: string): boolean {
  return normaliseWhitespace(term) !== '' && termPattern(term).test(text)
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
