import { describe, expect, it } from 'vitest'
import { bannedTermInHashtag } from '../../../../server/engine/content/hashtags'
import { anyTermMatcher, containsPhrase, containsTerm, termPattern } from '../../../../server/engine/content/text-matching'

describe('termPattern', () => {
  it('matches the term as a whole word, across any whitespace', () => {
    expect(containsTerm('A Cure! for all', 'cure')).toBe(true)
    expect(containsTerm('Secure checkout', 'cure')).toBe(false)
    expect(containsTerm('our #1\nchoice', '#1   choice')).toBe(true)
    expect(containsTerm('#10 choice', '#1')).toBe(false)
  })

  it('builds a pattern once and hands the same one out again', () => {
    expect(termPattern('free trial')).toBe(termPattern('free trial'))
    expect(termPattern('free trial', 'u')).not.toBe(termPattern('free trial'))
  })

  it('never shares a stateful (global or sticky) pattern, whose lastIndex moves as it matches', () => {
    const first = termPattern('deal', 'giu')
    expect(first.exec('deal one, deal two')?.index).toBe(0)
    expect(termPattern('deal', 'giu')).not.toBe(first)
    expect(termPattern('deal', 'giu').exec('deal one')?.index).toBe(0)
  })
})

describe('containsPhrase', () => {
  it('answers for the text it is given when texts alternate', () => {
    const texts = ['Shop the Spring  Sale today.', 'Nothing to see here.']
    for (let round = 0; round < 3; round++) {
      expect(containsPhrase(texts[0]!, 'spring sale!')).toBe(true)
      expect(containsPhrase(texts[1]!, 'spring sale')).toBe(false)
    }
  })
})

describe('anyTermMatcher', () => {
  const terms = ['cure', '#1', 'free   trial', 'c++', 'a.b', 'café', '(beta)', 'price?', 'Secure']
  const texts = [
    'A Cure! for all', 'Secure checkout', 'securely', '#10 choice', 'our #1\nchoice', 'start your free\ntrial', 'freetrial',
    'learn c++ today', 'aXb and a.b', 'Le CAFÉ est ouvert', 'cafés', 'join the (beta) now', 'what price? none', 'nothing here', '',
  ]

  it('finds a text to contain one of the terms exactly when some term alone is found in it', () => {
    for (let size = 1; size <= terms.length; size++) {
      const some = terms.slice(0, size)
      const mentioned = anyTermMatcher(some)
      for (const text of texts) expect(mentioned(text), `${JSON.stringify(some)} in ${JSON.stringify(text)}`).toBe(some.some(term => containsTerm(text, term)))
    }
  })

  it('ignores empty and blank terms rather than matching every text', () => {
    expect(anyTermMatcher([])('Anything at all.')).toBe(false)
    expect(anyTermMatcher(['', '   ', '\n'])('Anything at all.')).toBe(false)
    expect(anyTermMatcher(['', 'cure'])('Securely, at all.')).toBe(false)
    expect(anyTermMatcher(['', 'cure'])('a cure')).toBe(true)
  })
})

describe('bannedTermInHashtag', () => {
  it('bans a hashtag holding a term with or without its spaces, and ignores terms with nothing a hashtag can hold', () => {
    const banned = bannedTermInHashtag(['fast cash', '!!!', 'cheap'])
    expect(banned('#FastCash')).toBe(true)
    expect(banned('#fast_cash_now')).toBe(false)
    expect(banned('#CheapSeeds')).toBe(true)
    expect(banned('#Garden')).toBe(false)
    expect(bannedTermInHashtag(['!!!'])('#anything')).toBe(false)
  })

  it('reads a list of terms once, however many hashtags it tests', () => {
    const terms = ['fast cash']
    expect(bannedTermInHashtag(terms)).toBe(bannedTermInHashtag(terms))
    expect(bannedTermInHashtag(['fast cash'])).not.toBe(bannedTermInHashtag(terms))
  })
})
