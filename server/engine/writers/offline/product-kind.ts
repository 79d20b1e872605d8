/**
 * What sort of thing the brief sells, so calls to action fit it: nobody books a demo of a serum or
 * adds a charity run to a basket. Read from the product's own words; when they do not say, the calls to
 * action are ones that fit anything.
 */
export type ProductKind = 'software' | 'event' | 'service' | 'goods' | 'unknown'

const CUES: ReadonlyArray<{ kind: ProductKind, words: RegExp }> = [
  { kind: 'event', words: /\b(?:\d+k|run|race|marathon|festival|conference|summit|webinar|concert|workshop|meetup|fair|expo|gala|tour|launch party|event|class|course|bootcamp)\b/iu },
  { kind: 'software', words: /\b(?:app|apps|software|platform|saas|api|dashboard|plugin|extension|tool|toolkit|cloud|crm|automation|analytics|online|digital)\b/iu },
  { kind: 'service', words: /\b(?:service|services|subscription|membership|plan|insurance|account|banking|delivery|coaching|consulting|clinic|salon|studio|gym|agency|repairs?|cleaning|hotel|restaurant|café|cafe|florist)\b/iu },
  { kind: 'goods', words: /\b(?:bottle|serum|cream|shoes?|trainers?|boots?|bags?|kit|supplement|vitamins?|coffee|tea|chocolate|snacks?|drinks?|wine|beer|shirt|jacket|dress|watch|phone|headphones|speaker|laptop|camera|bike|e-?bike|glassware|candle|soap|shampoo|lipstick|perfume|fragrance|planner|book|toy|game|mattress|chair|sofa|lamp|blender|kettle)\b/iu },
]

export function productKind(product: string): ProductKind {
  return CUES.find(cue => cue.words.test(product))?.kind ?? 'unknown'
}

/** Calls to action per kind, `{name}` filled in; each fits anything of its kind. */
export const ACTIONS: Readonly<Record<ProductKind, readonly string[]>> = {
  goods: ['Shop {name} now', 'Discover {name}', 'Try {name} today', 'Get yours today', 'Find out more about {name}', 'Order {name} today'],
  software: ['See how {name} works', 'Book a demo of {name}', 'Start with {name} today', 'Learn more about {name}', 'Try {name} today'],
  event: ['Sign up for {name}', 'Book your place today', 'Register today', 'Find out more about {name}', 'Join us'],
  unknown: ['Discover {name}', 'Find out more about {name}', 'Learn more about {name}', 'Say hello to {name}', 'See what {name} offers'],
  service: ['Discover {name}', 'Get in touch today', 'Find out more about {name}', 'Learn more about {name}', 'See what {name} offers'],
}
