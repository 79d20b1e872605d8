import type { WriteRequest } from '../types'
import { findUnsubstantiatedClaims } from '../../content/claims'
import { containsPhrase, containsTerm } from '../../content/text-matching'
import { readBriefFacts, type BriefFacts } from './brief-facts'
import { readRevisionNotes, type RevisionNotes } from './revision-notes'
import { canonicalJson, createRandom, type Random } from './seeded-random'
import type { ToneStyle } from './tone-styles'

/** Everything one write needs: the brief's facts, what to change, a seeded random source and a guard on wording. */
export interface WritingContext {
  facts: BriefFacts
  style: ToneStyle
  revision: RevisionNotes
  random: Random
  iteration: number
  /** Only for the "demo: include risky claims" brief, and only until feedback arrives. */
  riskyClaims: boolean
  /** Phrases every text artifact must carry: the brief's "Must include" plus what feedback asked to add. */
  mustInclude: string[]
  /** The product as it can safely be named (falls back to the brand, then a neutral phrase). */
  product: string
  /** The shortest fair name for calls to action: the brand when the product name starts with it ("EcoSip"). */
  name: string
  brand: string
  /** Whether text is free of claims, banned words and words to avoid. */
  allows(text: string): boolean
  /** The first allowed option in a seeded order; `undefined` when none is allowed. */
  choose(options: readonly string[]): string | undefined
  /** Up to `count` distinct allowed options in a seeded order. */
  chooseMany(options: readonly string[], count: number): string[]
}

const NEUTRAL_NAME = 'our new range'

export function seedFor(request: Pick<WriteRequest, 'brief' | 'campaignId' | 'iteration' | 'type' | 'feedback' | 'tags'>): string {
  const { brief, campaignId, iteration, type, feedback, tags } = request
  return canonicalJson({ brief, campaignId, iteration, type, feedback, tags })
}

export function createWritingContext(request: Pick<WriteRequest, 'brief' | 'campaignId' | 'iteration' | 'type' | 'feedback' | 'tags'>): WritingContext {
  const facts = readBriefFacts(request.brief)
  const revision = readRevisionNotes(request.feedback, request.tags)
  const random = createRandom(seedFor(request))
  const hasFeedback = request.feedback.length > 0 || request.tags.length > 0
  const riskyClaims = facts.directives.riskyClaimsDemo && request.iteration <= 1 && !hasFeedback && !revision.dropClaims
  const avoid = [...facts.directives.avoid, ...revision.avoid, ...facts.bannedTerms]
  const allows = (text: string) =>
    findUnsubstantiatedClaims(text, facts.directives.substantiations).length === 0
    && !avoid.some(term => containsTerm(text, term))
  const choose = (options: readonly string[]) => random.shuffle(options).find(allows)
  const chooseMany = (options: readonly string[], count: number) => {
    const seen = new Set<string>()
    return random.shuffle(options).filter((option) => {
      const key = option.toLowerCase()
      if (seen.has(key) || !allows(option)) return false
      seen.add(key)
      return true
    }).slice(0, count)
  }
  const mustInclude = [...facts.directives.mustInclude]
  for (const phrase of revision.include) {
    if (!mustInclude.some(existing => containsPhrase(existing, phrase))) mustInclude.push(phrase)
  }
  const product = allows(facts.product) ? facts.product : allows(facts.brand) ? facts.brand : NEUTRAL_NAME
  const brand = allows(facts.brand) ? facts.brand : product
  const productStartsWithBrand = brand !== product && product.toLowerCase().startsWith(`${brand.toLowerCase()} `)
  const name = productStartsWithBrand ? brand : product
  return {
    facts,
    style: revision.style ?? facts.style,
    revision,
    random,
    iteration: request.iteration,
    riskyClaims,
    mustInclude,
    product,
    name,
    brand,
    allows,
    choose,
    chooseMany,
  }
}
