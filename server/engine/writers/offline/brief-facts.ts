import type { CampaignBrief } from '#shared/campaign'
import { readBriefDirectives, type BriefDirectives } from '../../content/brief-constraints'
import { normaliseWhitespace } from '../../content/text-matching'
import { styleForTone, type ToneStyle } from './tone-styles'

/** The pieces of a brief the offline writer builds sentences from, trimmed to fit in a sentence. */
export interface BriefFacts {
  /** The product's name as it reads mid-sentence ("EcoSip bottle"). */
  product: string
  /** What follows the name in the brief ("made from recycled steel"), or empty. */
  productDetail: string
  /** The brand name, or the product when the brief names no brand. */
  brand: string
  /** Who it is for, lower-cased unless it starts with a name or acronym ("busy parents"). */
  audience: string
  /** The campaign theme as a phrase ("summer hydration"). */
  theme: string
  style: ToneStyle
  directives: BriefDirectives
  bannedTerms: string[]
  disclaimer?: string
  palette: string[]
  /** Keywords for hashtags, most specific first. */
  keywords: string[]
}

/** Where a descriptive clause starts: after this, the text describes rather than names. */
const CLAUSE_BREAK = /\s*(?:[,;:(—–]|\s-\s|\.\s)\s*/u
const LONGEST_NAME_WORDS = 6
const LONGEST_PHRASE_WORDS = 10
/** Words a clipped phrase must not end on ("managers at companies with 50 to"). */
const DANGLING = /^(?:a|an|the|and|or|but|of|to|at|in|on|for|with|without|within|from|by|about|into|over|under|through|across|between|like|as|is|are|our|your|their|its|this|these|who|that|which|\p{N}[\p{N},.]*)$/iu
const STOPWORDS = new Set(['the', 'and', 'for', 'with', 'our', 'your', 'from', 'that', 'this', 'into', 'who', 'are', 'new', 'all', 'more', 'less', 'about', 'their', 'them', 'they', 'you', 'aged', 'over', 'under', 'made'])

function firstWords(text: string, count: number): string {
  const words = text.split(' ')
  if (words.length <= count) return text
  const kept = words.slice(0, count)
  while (kept.length > 1 && DANGLING.test(kept[kept.length - 1] ?? '')) kept.pop()
  return kept.join(' ')
}

/** Splits "EcoSip, a bottle made from steel" into the name and the description after it. */
export function splitNameAndDetail(text: string): { name: string, detail: string } {
  const clean = normaliseWhitespace(text).replace(/[.!]+$/u, '')
  const [head = clean, ...rest] = clean.split(CLAUSE_BREAK)
  const words = head.split(' ')
  const name = firstWords(head, LONGEST_NAME_WORDS)
  const overflow = words.slice(LONGEST_NAME_WORDS).join(' ')
  const detail = [overflow, rest.join(', ')].filter(Boolean).join(' ').replace(/[)]+$/u, '').trim()
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
  const [clause = text] = normaliseWhitespace(text).replace(/[.!]+$/u, '').split(CLAUSE_BREAK)
  return asMidSentence(firstWords(clause, LONGEST_PHRASE_WORDS))
}

/** "Eco-conscious commuters who cycle" → "eco-conscious commuters": the part before "who", "that" and the like. */
function audiencePhrase(text: string): string {
  const head = normaliseWhitespace(text).split(/\s+(?:who|that|which|looking|wanting|aged|between)\s+/iu)[0] ?? text
  return phrase(head)
}

function keywordsOf(...texts: string[]): string[] {
  const words = texts.flatMap(text => text.match(/[\p{L}][\p{L}\p{N}]*/gu) ?? [])
  const kept = words.filter(word => word.length >= 4 && !STOPWORDS.has(word.toLowerCase()))
  return [...new Map(kept.map(word => [word.toLowerCase(), word])).values()]
}

export function readBriefFacts(brief: CampaignBrief): BriefFacts {
  const { name, detail } = splitNameAndDetail(brief.product)
  const theme = phrase(brief.theme)
  const brandName = brief.brand?.name?.trim()
  return {
    product: name,
    productDetail: detail,
    brand: brandName || name,
    audience: audiencePhrase(brief.targetAudience),
    theme,
    style: styleForTone(brief.tone),
    directives: readBriefDirectives(brief),
    bannedTerms: brief.brand?.bannedTerms ?? [],
    disclaimer: brief.brand?.requiredDisclaimer?.trim() || undefined,
    palette: brief.brand?.palette ?? [],
    keywords: keywordsOf(brandName ?? '', name, theme),
  }
}
