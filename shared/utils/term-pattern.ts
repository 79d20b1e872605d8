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
