/** Collapses runs of whitespace so phrases match across line breaks and double spaces. */
export function normaliseWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim()
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')
}

/**
 * Patterns already built: an audit and a write test the same few hundred terms (the brief's, the
 * rules' word lists) over and over, and building a Unicode pattern costs far more than running it.
 * Bounded: the oldest half is dropped when full. Stateful patterns (g, y) are never shared.
 */
const builtPatterns = new Map<string, RegExp>()
const MAX_BUILT_PATTERNS = 4_096

/**
 * A case-insensitive pattern for `term` as a whole word or phrase: "cure" matches "Cure!" but not "secure",
 * and "#1" matches "#1 choice" but not "#10". Inner whitespace in the term matches any whitespace.
 */
export function termPattern(term: string, flags = 'iu'): RegExp {
  const stateful = flags.includes('g') || flags.includes('y')
  const key = `${flags}\u0000${term}`
  const built = stateful ? undefined : builtPatterns.get(key)
  if (built) return built
  const pattern = anyTermPattern([term], flags)
  if (stateful) return pattern
  if (builtPatterns.size >= MAX_BUILT_PATTERNS) {
    for (const oldest of [...builtPatterns.keys()].slice(0, MAX_BUILT_PATTERNS / 2)) builtPatterns.delete(oldest)
  }
  builtPatterns.set(key, pattern)
  return pattern
}

/**
 * One pattern matching any of `terms` as termPattern would match each: one pass over a text says
 * whether any is there before asking which. Not remembered; callers keep what they build.
 */
export function anyTermPattern(terms: readonly string[], flags = 'iu'): RegExp {
  const bodies = terms.map(term => normaliseWhitespace(term).split(' ').map(escapeRegExp).join('\\s+'))
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${bodies.join('|')})(?![\\p{L}\\p{N}])`, flags)
}
