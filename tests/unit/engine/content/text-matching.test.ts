import { describe, expect, it } from 'vitest'
import { containsPhrase, containsTerm, termPattern } from '../../../../server/engine/content/text-matching'

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
