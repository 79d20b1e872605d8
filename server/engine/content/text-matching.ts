import { normaliseWhitespace, termPattern } from '#shared/utils/term-pattern'

export { normaliseWhitespace, termPattern } from '#shared/utils/term-pattern'

export function containsTerm(text: string, term: string): boolean {
  return normaliseWhitespace(term) !== '' && termPattern(term).test(text)
}

/** Whether `text` contains `phrase`, ignoring case, whitespace differences and the phrase's closing punctuation. */
export function containsPhrase(text: string, phrase: string): boolean {
  const wanted = normaliseWhitespace(phrase).replace(/[.!;:,]+$/u, '').toLowerCase()
  return wanted !== '' && normaliseWhitespace(text).toLowerCase().includes(wanted)
}
