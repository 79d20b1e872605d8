/** Collapses runs of whitespace so phrases match across line breaks and double spaces. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}

/**
 * A case-insensitive pattern for `term` as a whole word or phrase: "cure" matches "Cure!" but not "secure",
 * and "#1" matches "#1 choice" but not "#10". Inner whitespace in the term matches any whitespace.
 */
export function termPattern(term: string, flags = 'iu'): RegExp {
  const body = normaliseWhitespace(term).split(' ').map(escapeRegExp).join('\\s+')
  return new RegExp(`(?<![\\p{L}\\p{N}])${body}(?![\\p{L}\\p{N}])`, flags)
}

export function containsTerm(text: string, term: string): boolean {
  return normaliseWhitespace(term) !== '' && termPattern(term).test(text)
}

/** Whether `text` contains `phrase`, ignoring case, whitespace differences and the phrase's closing punctuation. */
export function containsPhrase(text: string, phrase: string): boolean {
  const wanted = normaliseWhitespace(phrase).replace(/[.!;:,]+$/u, '').toLowerCase()
  return wanted !== '' && normaliseWhitespace(text).toLowerCase().includes(wanted)
}
