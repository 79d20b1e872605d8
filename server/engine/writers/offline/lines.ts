import { capitalise, fill, sentence } from './phrasing'
import type { WritingContext } from './writing-context'

/*
 * The sentence pools the offline writer draws from. Every line is built from the brief's own phrases
 * and says nothing that would need evidence: no superlatives, guarantees or numbers the brief did not give.
 */

const HEADLINES = [
  '{Theme}, made simple with {product}',
  'Meet {product}',
  '{Product}, made for {audience}',
  'Your {theme} starts with {product}',
  'A fresh take on {theme}',
  '{Audience}, this one is for you',
  'Make {theme} easy with {product}',
  'Say hello to {product}',
  'Made for {audience}: {product}',
  '{Theme}: the {product} way',
]
const BRAND_HEADLINES = ['{Brand} presents {product}', 'New from {brand}: {product}']
const FALLBACK_HEADLINES = ['Something new is here', 'Made with you in mind', 'Take a closer look', 'Look what is new', 'Here for you', 'Now in season']

const INTROS = [
  '{Product} is made for {audience}',
  'Meet {product}, made for {audience}',
  'For {audience}, {theme} starts with {product}',
  '{Theme} should feel simple, and {product} helps make it so',
  'Say hello to {product}, our take on {theme}',
]
const FALLBACK_INTRO = 'Here is something new, with you in mind'

const PLAIN_DETAILS = ['It fits into your day without any fuss', 'Every detail is there for a reason', 'It is simple to start and easy to keep using']

const VALUES = [
  'You spend less time on the small stuff and more on what matters',
  'It takes the guesswork out of {theme}',
  'It is easy to start and easy to stick with',
  'It brings {theme} within easy reach',
  'It keeps things simple, so you can enjoy the good part',
]
const FALLBACK_VALUE = 'It keeps things simple'

const AUDIENCE_LINES = [
  'We built it with {audience} in mind, from the first sketch to the final detail',
  'It is shaped around what {audience} need day to day',
  'We kept {audience} in mind at every step',
]

const GENERIC_ACTIONS = ['Find out more', 'Learn more about {name}', 'Shop {name} now', 'See what is new']

/** The claims the "demo: include risky claims" brief asks for, so the audit has something to catch. */
const RISKY_LINES = ['Results are guaranteed from day one', 'The #1 choice for {audience}', '100% risk-free, every time']

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
    theme: facts.theme,
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
  return [...chosen, ...fallbacks].slice(0, count)
}

export function intro(context: WritingContext): string {
  return chooseOr(context, INTROS, FALLBACK_INTRO)
}

/** What the product is, from the brief's description when it has one. */
export function detail(context: WritingContext): string {
  const description = context.facts.productDetail
  if (description && context.allows(description)) {
    return /^(?:a|an|the|made|built|designed|crafted|available|now)\b/iu.test(description)
      ? `It is ${description}`
      : `In short: ${description}`
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

/** Distinct calls to action in the style's voice, topped up with plain ones. */
export function callsToAction(context: WritingContext, count: number): string[] {
  const styled = context.chooseMany(filled(context, context.style.actions), count)
  const extra = context.chooseMany(filled(context, GENERIC_ACTIONS), count).filter(action => !styled.includes(action))
  return [...styled, ...extra].slice(0, count)
}

export function mustIncludeLines(context: WritingContext): string[] {
  return context.mustInclude.map(phrase => `Good to know: ${phrase}`)
}

export function emphasisLines(context: WritingContext): string[] {
  return context.revision.emphasis.map(topic => `Above all, it is about ${topic}`).filter(context.allows)
}

export function riskyLines(context: WritingContext): string[] {
  return context.riskyClaims ? filled(context, RISKY_LINES).map(sentence) : []
}

export function hook(context: WritingContext): string {
  return context.choose(context.style.hooks) ?? ''
}

export function emoji(context: WritingContext): string {
  return context.style.emoji.length > 0 ? context.random.pick(context.style.emoji) : ''
}
