import { normaliseHashtag } from '#shared/utils/hashtags'
import { anyTermMatcher } from './text-matching'

// Recognising hashtags is shared with the browser, whose post previews publish them the same way.
export { normaliseHashtag, hashtagKey, hashtagsIn } from '#shared/utils/hashtags'

/** The tests made for a list of banned terms (a brief's, never changed in place), while the list is in use. */
const testsByTerms = new WeakMap<readonly string[], (tag: string) => boolean>()

/**
 * Whether a banned term appears in a hashtag, with or without its spaces: "fast cash" bans #FastCash.
 * The terms are read once for every hashtag tested against the same list: a short copy tests dozens,
 * variant after variant, against up to 50 terms.
 */
export function bannedTermInHashtag(bannedTerms: readonly string[]): (tag: string) => boolean {
  let test = testsByTerms.get(bannedTerms)
  if (!test) {
    test = hashtagTest(bannedTerms)
    testsByTerms.set(bannedTerms, test)
  }
  return test
}

function hashtagTest(bannedTerms: readonly string[]): (tag: string) => boolean {
  // A term with no letter, digit or underscore can never be part of a hashtag.
  const terms = bannedTerms.filter(term => squashedTerm(term) !== '')
  const squashed = terms.map(squashedTerm)
  const mentioned = anyTermMatcher(terms)
  return (tag) => {
    const body = hashtagBody(tag)
    return squashed.some(term => body.includes(term)) || mentioned(tag)
  }
}

/** A term as a hashtag would spell it: lower case, without spaces or punctuation ("fast cash" → "fastcash"). */
export function squashedTerm(term: string): string {
  return term.toLowerCase().replace(/[^\p{L}\p{N}_]/gu, '')
}

/** A hashtag's letters, digits and underscores, in lower case: what a squashed term is looked for in. */
export function hashtagBody(tag: string): string {
  return normaliseHashtag(tag).slice(1).toLowerCase()
}
