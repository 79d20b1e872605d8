import { hasCallToAction } from '../../content/call-to-action'
import { containsPhrase } from '../../content/text-matching'
import { asMidSentence } from './brief-facts'
import { capitalise, fill } from './phrasing'
import { ACTIONS } from './product-kind'
import { fittingOptions } from './writer-contract'
import type { WritingContext } from './writing-context'

/*
 * The sentence pools the offline writer draws from. Every line is built from the brief's own phrases
 * and says nothing that would need evidence: no superlatives, guarantees or numbers the brief did not give.
 * The theme is free text ("Tax season without the panic"), so it only ever stands as a label at the
 * start of a line; bent into a sentence ("Make {theme} easy") it reads as a template seam.
 */

const HEADLINES = [
  '{Theme}, with {product}',
  'Meet {product}',
  '{Product}, made for {audience}',
  '{Theme}: meet {product}',
  '{Audience}, this one is for you',
  'Say hello to {product}',
  'Made for {audience}: {product}',
  '{Theme}, made for {audience}',
]
const BRAND_HEADLINES = ['{Brand} presents {product}', 'New from {brand}: {product}']
const FALLBACK_HEADLINES = ['Something new is here', 'Made with you in mind', 'Take a closer look', 'Look what is new', 'Here for you', 'Now in season']

const INTROS = [
  '{Product} is made for {audience}',
  'Meet {product}, made for {audience}',
  '{Theme}: say hello to {product}, made for {audience}',
  '{Theme}. {Product} is here for {audience}',
]
const FALLBACK_INTRO = 'Here is something new, with you in mind'

const PLAIN_DETAILS = ['It fits into your day without any fuss', 'Every detail is there for a reason', 'It is simple to start and easy to keep using']

const VALUES = [
  'You spend less time on the small stuff and more on what matters',
  'It is easy to start and easy to stick with',
  'It keeps things simple, so you can enjoy the good part',
  'It fits the way you already live and work',
]
const FALLBACK_VALUE = 'It keeps things simple'

const AUDIENCE_LINES = [
  'We built it with {audience} in mind, from the first sketch to the final detail',
  'It is shaped around what {audience} need day to day',
  'We kept {audience} in mind at every step',
]

export function slotsFor(context: WritingContext): Record<string, string> {
  const { facts } = context
  return {
    product: context.product,
    name: context.name,
    Product: capitalise(context.product),
    brand: context.brand,
    Brand: capitalise(context.brand),
    audience: facts.audience,
    Audience: capitalise(facts.audience),
    Theme: capitalise(facts.theme),
  }
}

function filled(context: WritingContext, templates: readonly string[]): string[] {
  const slots = slotsFor(context)
  return templates.map(template => fill(template, slots))
}

/** An allowed line from the pool, else the fallback if allowed, else nothing (the sentence is left out). */
function chooseOr(context: WritingContext, templates: readonly string[], fallback: string): string {
  const line = context.choose(filled(context, templates)) ?? fill(fallback, slotsFor(context))
  return context.allows(line) ? line : ''
}

export function headlines(context: WritingContext, count: number): string[] {
  // "New from EcoSip: EcoSip bottle" says the name twice, so brand lines need a brand distinct from the name.
  const brandLines = context.name !== context.brand ? BRAND_HEADLINES : []
  const chosen = context.chooseMany(filled(context, [...HEADLINES, ...brandLines]), count)
  const fallbacks = FALLBACK_HEADLINES.filter(line => !chosen.includes(line) && context.allows(line))
  return fittingOptions(context.contract, 'headlines', [...chosen, ...fallbacks]).slice(0, count)
}

export function intro(context: WritingContext): string {
  return chooseOr(context, INTROS, FALLBACK_INTRO)
}

/** How the brief's description after the name becomes a sentence, by the word it starts with. */
const DETAIL_SENTENCES: ReadonlyArray<{ start: RegExp, write: (detail: string) => string }> = [
  { start: /^(?:that|which)\s+/iu, write: detail => `It ${detail.replace(/^\S+\s+/u, '')}` },
  { start: /^(?:with|from)\s/iu, write: detail => `It comes ${detail}` },
  { start: /^for\s/iu, write: detail => `It is made ${detail}` },
  { start: /^featuring\s/iu, write: detail => `It features ${detail.replace(/^\S+\s+/u, '')}` },
  { start: /^(?:a|an|the|made|built|designed|crafted|available|now|perfect|ideal|in|on|by)\s/iu, write: detail => `It is ${detail}` },
]

/**
 * What the product is, in the brief's own words when it says: the description is carried as given (claims
 * included, so the audit can flag them) unless feedback asked to leave its words out.
 */
export function detail(context: WritingContext): string {
  const description = context.facts.productDetail
  if (description && context.allowsBriefText(description)) {
    const known = DETAIL_SENTENCES.find(candidate => candidate.start.test(description))
    return known ? known.write(description) : `At a glance: ${asMidSentence(description)}`
  }
  return chooseOr(context, PLAIN_DETAILS, PLAIN_DETAILS[0]!)
}

export function values(context: WritingContext, count: number): string[] {
  const chosen = context.chooseMany(filled(context, VALUES), count)
  return chosen.length > 0 || !context.allows(FALLBACK_VALUE) ? chosen : [FALLBACK_VALUE]
}

export function audienceLine(context: WritingContext): string {
  return chooseOr(context, AUDIENCE_LINES, FALLBACK_INTRO)
}

export function flourish(context: WritingContext): string {
  return chooseOr(context, context.style.flourishes, '')
}

const URL = /^(?:https?:\/\/)?[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)+(?:\/\S*)?$/u
/** A call to action to build on when the brief's wording rules out every one in the pool. */
const PLAIN_ACTION = 'Find out more'

/**
 * A call to action that carries what the brief says it must contain: a link is where it sends people ("Shop
 * Aurelle now at beanbox.example/start"), a call to action of the brief's own replaces the writer's, and
 * any other phrase follows it.
 */
function carrying(action: string, phrase: string): string {
  if (containsPhrase(action, phrase)) return action
  if (URL.test(phrase)) return `${action} at ${phrase}`
  if (hasCallToAction(phrase)) return capitalise(phrase)
  return `${action}: ${phrase}`
}

/** The brief's own calls to action first, so a link or wording appended to them is never replaced. */
function requiredOrder(phrases: readonly string[]): string[] {
  const own = (phrase: string) => !URL.test(phrase) && hasCallToAction(phrase)
  return [...phrases.filter(own), ...phrases.filter(phrase => !own(phrase))]
}

/**
 * Distinct calls to action that fit what the brief sells, each carrying what the brief says the call to
 * action must contain, within the brief's length for calls to action.
 */
export function callsToAction(context: WritingContext, count: number): string[] {
  const required = requiredOrder(context.contract.callToAction)
  const pool = context.chooseMany(filled(context, ACTIONS[context.facts.kind]), count)
  const bases = pool.length > 0 || required.length === 0 ? pool : [PLAIN_ACTION]
  const actions = bases.map(action => required.reduce(carrying, action))
  const distinct = [...new Map(actions.map(action => [action.toLowerCase(), action])).values()]
  return fittingOptions(context.contract, 'callsToAction', distinct)
}

/**
 * One sentence per phrase the brief or feedback requires: a web address as where to go, anything else as a
 * fact. A phrase the call to action already carries is not said twice.
 */
export function mustIncludeLines(context: WritingContext): string[] {
  return context.mustInclude
    .filter(phrase => !context.contract.callToAction.some(required => containsPhrase(required, phrase)))
    .map(phrase => URL.test(phrase) ? `Find out more at ${phrase}` : `Good to know: ${asMidSentence(phrase)}`)
}

export function emphasisLines(context: WritingContext): string[] {
  return context.revision.emphasis.map(topic => `Above all, it is about ${topic}`).filter(context.allowsBriefText)
}

export function hook(context: WritingContext): string {
  return context.choose(context.style.hooks) ?? ''
}

export function emoji(context: WritingContext): string {
  return context.contract.emojiAllowed && context.style.emoji.length > 0 ? context.random.pick(context.style.emoji) : ''
}
