import type { BriefCheck } from '#shared/brief-contract'
import type { CampaignBrief } from '#shared/campaign'
import { directivesOf, type BriefDirectives } from '../../content/brief-constraints'
import { normaliseWhitespace } from '../../content/text-matching'
import { productKind, type ProductKind } from './product-kind'
import { styleForTone, type ToneStyle } from './tone-styles'

/** The pieces of a brief the offline writer builds sentences from. */
export interface BriefFacts {
  /** The product's name, whole, as the brief spells it ("Aurelle Night Serum"). */
  product: string
  /** What the brief says after the name ("with 0.3% encapsulated retinol"), or empty. */
  productDetail: string
  kind: ProductKind
  /** The brand name, or the product when the brief names no brand. */
  brand: string
  /** Who it is for, lower-cased unless it starts with a name or acronym ("busy parents"). */
  audience: string
  /** The campaign theme as the brief words it; used as a label, never bent into a sentence. */
  theme: string
  style: ToneStyle
  directives: BriefDirectives
  bannedTerms: string[]
  palette: string[]
}

/** Where a descriptive clause starts: after this, the text describes rather than names. */
const CLAUSE_BREAK = /\s*(?:[,;:(—–]|\s-\s|\.\s)\s*/u
/** Words that start a description inside a name's clause ("Serum with retinol", "supplement that …"). */
const CONNECTOR = /^(?:with|that|which|who|for|from|made|built|designed|crafted|featuring|by|in|on)$/iu
const LONGEST_PHRASE_WORDS = 10
/** Words a clipped phrase must not end on ("managers at companies with 50 to"). */
const DANGLING = /^(?:a|an|the|and|or|but|of|to|at|in|on|for|with|without|within|from|by|about|into|over|under|through|across|between|like|as|is|are|our|your|their|its|this|these|who|that|which|\p{N}[\p{N},.]*)$/iu

/** Brief text in one Unicode form, so "é" typed two ways is one word, with single spaces. */
export function cleanBriefText(text: string): string {
  return normaliseWhitespace(text.normalize('NFC')).replace(/[.!]+$/u, '')
}

function firstWords(text: string, count: number): string {
  const words = text.split(' ')
  if (words.length <= count) return text
  const kept = words.slice(0, count)
  while (kept.length > 1 && DANGLING.test(kept[kept.length - 1] ?? '')) kept.pop()
  return kept.join(' ')
}

/**
 * Splits "Aurelle Night Serum with 0.3% retinol" into the name and the description after it. The name is
 * never clipped: it ends at a clause break, or at a connector followed by a lower-case word or a number
 * ("Tools for Schools" stays one name).
 */
export function splitNameAndDetail(text: string): { name: string, detail: string } {
  const clean = cleanBriefText(text)
  const [head = clean, ...rest] = clean.split(CLAUSE_BREAK)
  const words = head.split(' ')
  const cut = words.findIndex((word, index) => index > 0 && CONNECTOR.test(word) && !/^\p{Lu}/u.test(words[index + 1] ?? 'A'))
  const name = cut > 0 ? words.slice(0, cut).join(' ') : head
  const detail = [cut > 0 ? words.slice(cut).join(' ') : '', rest.join(', ')].filter(Boolean).join(', ').replace(/[)]+$/u, '').trim()
  return { name, detail }
}

/**
 * Lower-cases a leading common word so it reads mid-sentence ("Busy parents" → "busy parents"), but leaves
 * names, acronyms and title case alone ("UK nurses", "iPhone users", "Black Friday deals").
 */
export function asMidSentence(text: string): string {
  const [first = '', ...rest] = text.split(' ')
  const isName = /\p{Lu}/u.test(first.slice(1)) || rest.some(word => /^\p{Lu}/u.test(word))
  const word = isName ? first : first.charAt(0).toLowerCase() + first.slice(1)
  return [word, ...rest].join(' ')
}

/** The first clause of a brief field, clipped to a phrase that fits in a sentence. */
function phrase(text: string): string {
  const [clause = text] = cleanBriefText(text).split(CLAUSE_BREAK)
  return asMidSentence(firstWords(clause, LONGEST_PHRASE_WORDS))
}

/** "Eco-conscious commuters who cycle" → "eco-conscious commuters": the part before "who", "that" and the like. */
function audiencePhrase(text: string): string {
  const head = cleanBriefText(text).split(/\s+(?:who|that|which|looking|wanting|aged|between)\s+/iu)[0] ?? text
  return phrase(head)
}

export function readBriefFacts(brief: CampaignBrief, checks: readonly BriefCheck[]): BriefFacts {
  const { name, detail } = splitNameAndDetail(brief.product)
  const brandName = brief.brand?.name ? cleanBriefText(brief.brand.name) : ''
  return {
    product: name,
    productDetail: detail,
    kind: productKind(brief.product),
    brand: brandName || name,
    audience: audiencePhrase(brief.targetAudience),
    theme: cleanBriefText(brief.theme),
    style: styleForTone(brief.tone),
    directives: directivesOf(checks),
    bannedTerms: brief.brand?.bannedTerms ?? [],
    palette: brief.brand?.palette ?? [],
  }
}
