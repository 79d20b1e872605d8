import { describe, expect, it } from 'vitest'
import { readConstraint } from '#shared/brief-contract'

/** Each line, as marketers write it, and the check it must become. */
const UNDERSTOOD: ReadonlyArray<[string, Record<string, unknown>]> = [
  // must not say
  ['Never use the word cheap', { kind: 'must-not-say', phrases: ['cheap'] }],
  ['Do not say "miracle"', { kind: 'must-not-say', phrases: ['miracle'] }],
  ['Don’t mention "discount" or \'bargain\'.', { kind: 'must-not-say', phrases: ['discount', 'bargain'] }],
  ['- avoid the words cheap, discount or bargain', { kind: 'must-not-say', phrases: ['cheap', 'discount', 'bargain'] }],
  ['• NEVER SAY CHEAP!', { kind: 'must-not-say', phrases: ['CHEAP'] }],
  ['No discounts', { kind: 'must-not-say', phrases: ['discounts'] }],
  ['Must not use "world-class"', { kind: 'must-not-say', phrases: ['world-class'] }],
  ['Dont use terms like synergy', { kind: 'must-not-say', phrases: ['synergy'] }],
  ['No #ad', { kind: 'must-not-say', phrases: ['#ad'] }],
  // must mention
  ['Mention free shipping', { kind: 'must-mention', phrases: ['free shipping'] }],
  ['Must include free delivery on orders over £20.', { kind: 'must-mention', phrases: ['free delivery on orders over £20'] }],
  ['Always mention "Made in Wales"', { kind: 'must-mention', phrases: ['Made in Wales'] }],
  ['1. Include "30-day returns" and "free samples"', { kind: 'must-mention', phrases: ['30-day returns', 'free samples'] }],
  ['please highlight the night-time routine', { kind: 'must-mention', phrases: ['the night-time routine'] }],
  // claim classes
  ['Do not make health claims', { kind: 'claim-class', claimClass: 'health' }],
  ['No medical claims.', { kind: 'claim-class', claimClass: 'health' }],
  ['Never promise guaranteed returns', { kind: 'claim-class', claimClass: 'financial' }],
  ['Avoid guarantees', { kind: 'claim-class', claimClass: 'absolute' }],
  ['No absolute claims like 100% or #1', { kind: 'claim-class', claimClass: 'absolute' }],
  ['don\'t make green claims', { kind: 'claim-class', claimClass: 'environmental' }],
  ['Avoid eco claims such as carbon neutral', { kind: 'claim-class', claimClass: 'environmental' }],
  ['No superlatives', { kind: 'claim-class', claimClass: 'absolute' }],
  // lengths
  ['Keep LinkedIn under 600 characters', { kind: 'max-length', limit: 600, strict: true, unit: 'characters', scope: 'posts', platform: 'linkedin' }],
  ['keep x posts below 200 chars.', { kind: 'max-length', limit: 200, strict: true, platform: 'x' }],
  ['Instagram captions: max 150 characters', { kind: 'max-length', limit: 150, strict: false, platform: 'instagram' }],
  ['Headlines no more than 60 characters', { kind: 'max-length', limit: 60, strict: false, scope: 'headlines' }],
  ['Keep the body copy to at most 300 words', { kind: 'max-length', limit: 300, unit: 'words', scope: 'body' }],
  ['Posts: 1,000 characters max', { kind: 'max-length', limit: 1000, strict: false, scope: 'posts' }],
  ['CTAs under 25 characters', { kind: 'max-length', limit: 25, scope: 'callsToAction' }],
  // links and calls to action
  ['End with a CTA to beanbox.example/start', { kind: 'call-to-action', mustContain: 'beanbox.example/start' }],
  ['End with a call-to-action to https://beanbox.example/start.', { kind: 'call-to-action', mustContain: 'https://beanbox.example/start' }],
  ['Always end with "Book a tasting"', { kind: 'call-to-action', mustContain: 'Book a tasting' }],
  ['CTA: Start your trial', { kind: 'call-to-action', mustContain: 'Start your trial' }],
  ['Include a link to beanbox.example/offer', { kind: 'required-link', url: 'beanbox.example/offer' }],
  ['Must link to https://ledgerly.example/tax', { kind: 'required-link', url: 'https://ledgerly.example/tax' }],
  ['Send readers to the landing page ledgerly.example', { kind: 'required-link', url: 'ledgerly.example' }],
  // disclaimers
  ['Include the disclaimer "Terms apply."', { kind: 'required-disclaimer', text: 'Terms apply' }],
  ['Disclaimer: Capital at risk', { kind: 'required-disclaimer', text: 'Capital at risk' }],
  // hashtags
  ['No more than 3 hashtags', { kind: 'max-hashtags', max: 3 }],
  ['Use at most 2 hashtags per post', { kind: 'max-hashtags', max: 2 }],
  ['Fewer than 4 hashtags', { kind: 'max-hashtags', max: 3 }],
  ['Hashtags: max 5', { kind: 'max-hashtags', max: 5 }],
  ['2 hashtags max', { kind: 'max-hashtags', max: 2 }],
  ['No hashtags', { kind: 'max-hashtags', max: 0 }],
  ['Always use #BeanBox and #CoffeeClub', { kind: 'required-hashtags', tags: ['#BeanBox', '#CoffeeClub'] }],
  // emoji, reading level, language
  ['No emoji', { kind: 'emoji', allowed: false }],
  ['Don\'t use emojis.', { kind: 'emoji', allowed: false }],
  ['Emoji are welcome', { kind: 'emoji', allowed: true }],
  ['Reading level: grade 8 or below', { kind: 'reading-level', maxGrade: 8 }],
  ['Write at a 6th-grade reading level', { kind: 'reading-level', maxGrade: 6 }],
  ['Flesch-Kincaid grade ≤ 9', { kind: 'reading-level', maxGrade: 9 }],
  ['Write in British English', { kind: 'language', language: 'English' }],
  ['Language: French', { kind: 'language', language: 'French' }],
  ['German only', { kind: 'language', language: 'German' }],
  // substantiation
  ['Substantiation: "#1" — top seller on GardenMart, May 2025', { kind: 'substantiation', note: '"#1" — top seller on GardenMart, May 2025' }],
]

/** Lines that look like a check but are not one: each must come back as not understood, with a hint. */
const NOT_UNDERSTOOD = [
  'Keep it short',
  'Avoid jargon',
  'No clichés',
  'Don\'t mention competitors',
  'Be warm but not pushy',
  'Do not talk down to the audience or sound like a bank',
  'End with a call to action',
  'Include the standard disclaimer',
  'Make no claims we cannot prove',
  '',
  '   • ',
]

describe('readConstraint', () => {
  it.each(UNDERSTOOD)('reads %j', (line, expected) => {
    const reading = readConstraint(line)
    expect(reading).toHaveProperty('check')
    expect('check' in reading ? reading.check : undefined).toMatchObject(expected)
  })

  it.each(NOT_UNDERSTOOD)('does not guess at %j', (line) => {
    const reading = readConstraint(line)
    expect(reading).not.toHaveProperty('check')
    expect('hint' in reading ? reading.hint : '').toMatch(/\w/u)
  })

  it('never reads "No more than 3 hashtags" as a ban on the word "more"', () => {
    expect(readConstraint('No more than 3 hashtags')).toEqual({ check: { kind: 'max-hashtags', max: 3 } })
  })

  it('never reads "No more than 280 characters on X" as a ban on words', () => {
    expect(readConstraint('No more than 280 characters on X')).toMatchObject({ check: { kind: 'max-length', limit: 280, platform: 'x' } })
  })
})
