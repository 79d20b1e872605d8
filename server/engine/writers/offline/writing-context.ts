import { analyzeBrief } from '#shared/brief-contract'
import type { WriteRequest } from '../types'
import { findUnsubstantiatedClaims } from '../../content/claims'
import { anyTermMatcher, containsPhrase } from '../../content/text-matching'
import { readBriefFacts, type BriefFacts } from './brief-facts'
import { readRevisionNotes, type RevisionNotes } from './revision-notes'
import { canonicalJson, createRandom, type Random } from './seeded-random'
import type { ToneStyle } from './tone-styles'
import { readWriterContract, type WriterContract } from './writer-contract'

/** Everything one write needs: the brief's facts, what to change, a seeded random source and a guard on wording. */
export interface WritingContext {
  facts: BriefFacts
  style: ToneStyle
  revision: RevisionNotes
  /** What the brief's checks ask that the writer honours by construction (lengths, call to action, disclaimers…). */
  contract: WriterContract
  random: Random
  iteration: number
  /** Phrases every text artifact must carry: the brief's "Must include" plus what feedback asked to add. */
  mustInclude: string[]
  /** The product's name, whole and always: the writer never drops or rewords what the brief names. */
  product: string
  /** The shortest fair name for calls to action: the brand when the product name starts with it ("EcoSip"). */
  name: string
  brand: string
  /**
   * Whether the writer's own wording around the brief's phrases is free of claims, banned words, words
   * to avoid and, when the brief rules them out, emoji. The brief's phrases themselves are not judged here: they are carried, and the audit judges them.
   */
  allows(text: string): boolean
  /** Whether text taken from the brief may go in: only feedback (a later version) can rule it out. */
  allowsBriefText(text: string): boolean
  /** The first allowed option in a seeded order; `undefined` when none is allowed. */
  choose(options: readonly string[]): string | undefined
  /** Up to `count` distinct allowed options in a seeded order. */
  chooseMany(options: readonly string[], count: number): string[]
}

export function seedFor(request: Pick<WriteRequest, 'brief' | 'campaignId' | 'iteration' | 'type' | 'feedback' | 'tags'>): string {
  const { brief, campaignId, iteration, type, feedback, tags } = request
  return canonicalJson({ brief, campaignId, iteration, type, feedback, tags })
}

function withoutPhrases(text: string, phrases: readonly string[]): string {
  return phrases.filter(Boolean).reduce((rest, phrase) => rest.split(phrase).join(' '), text)
}

const EMOJI = /\p{Extended_Pictographic}/u

export function createWritingContext(request: Pick<WriteRequest, 'brief' | 'checks' | 'campaignId' | 'iteration' | 'type' | 'feedback' | 'tags'>): WritingContext {
  const checks = request.checks ?? analyzeBrief(request.brief).checks
  const facts = readBriefFacts(request.brief, checks)
  const contract = readWriterContract(request.brief, checks)
  const revision = readRevisionNotes(request.feedback, request.tags)
  const random = createRandom(seedFor(request))
  const avoid = [...facts.directives.avoid, ...revision.avoid, ...facts.bannedTerms]
  const claimsFree = (text: string) => findUnsubstantiatedClaims(text, facts.directives.substantiations).length === 0
  const briefPhrases = [facts.product, facts.brand, facts.audience, facts.theme]
  const mentionsAvoided = anyTermMatcher(avoid)
  const mentionsRevisionAvoided = anyTermMatcher(revision.avoid)
  const allows = (text: string) => {
    const own = withoutPhrases(text, briefPhrases)
    return claimsFree(own) && !mentionsAvoided(own) && (contract.emojiAllowed || !EMOJI.test(own))
  }
  const allowsBriefText = (text: string) => (!revision.dropClaims || claimsFree(text)) && !mentionsRevisionAvoided(text)
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
  const { product, brand } = facts
  const productStartsWithBrand = brand !== product && product.toLowerCase().startsWith(`${brand.toLowerCase()} `)
  return {
    facts,
    style: revision.style ?? facts.style,
    revision,
    contract,
    random,
    iteration: request.iteration,
    mustInclude,
    product,
    name: productStartsWithBrand ? brand : product,
    brand,
    allows,
    allowsBriefText,
    choose,
    chooseMany,
  }
}
