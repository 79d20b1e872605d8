import { describe, expect, it } from 'vitest'
import { findUnsubstantiatedClaims, readBriefDirectives } from '../../../../server/engine/content'
import { makeBrief } from '../support/fixtures'

describe('readBriefDirectives', () => {
  it('projects the constraint lines\' checks for the writers: mentions and links to include, words to avoid, substantiation', () => {
    const directives = readBriefDirectives(makeBrief({
      constraints: [
        'Must include free delivery on orders over £20.',
        'Mention "Made in Wales"',
        'Avoid the words cheap, discount or bargain',
        'Do not use "miracle"',
        'Substantiation: "#1" — top seller on GardenMart, May 2025',
        'Keep it short',
        'Mention that the first bag is free',
        'Include a link to beanbox.example/start',
      ],
    }))
    expect(directives).toEqual({
      mustInclude: ['free delivery on orders over £20', 'Made in Wales', 'the first bag is free', 'beanbox.example/start'],
      avoid: ['cheap', 'discount', 'bargain', 'miracle'],
      substantiations: ['"#1" — top seller on GardenMart, May 2025'],
    })
  })

  it('finds nothing in a brief without constraints', () => {
    expect(readBriefDirectives(makeBrief())).toEqual({ mustInclude: [], avoid: [], substantiations: [] })
  })
})

describe('findUnsubstantiatedClaims', () => {
  it('finds claims as whole words, whatever their case', () => {
    expect(findUnsubstantiatedClaims('GUARANTEED to grow. The Best kit. 100% organic.').map(match => match.claim)).toEqual(['guaranteed', 'best', '100%'])
    expect(findUnsubstantiatedClaims('A secure box for #10 seed types, bestow it on a friend.')).toEqual([])
  })

  it('lets a substantiation note cover a claim', () => {
    expect(findUnsubstantiatedClaims('The #1 kit in Wales.', ['#1: top seller on GardenMart, May 2025'])).toEqual([])
    expect(findUnsubstantiatedClaims('The #1 kit, guaranteed.', ['#1: top seller'])).toEqual([{ claim: 'guaranteed', found: 'guaranteed' }])
  })
})
