import type { Platform } from '../campaign/platforms'
import type { BriefCheck, LengthScope } from './checks'
import { CLAIM_CLASSES, type ClaimClassId } from './claim-classes'
import { cleanLine, firstUrl, listItems, parseCount, quotedItems, singlePhrase, tidyPhrase } from './line-text'

type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never
/** What one line asks for, before it is tied to the line it came from. */
export type CheckBody = DistributiveOmit<BriefCheck, 'id' | 'source' | 'interpretedBy'>
export type LineReading = { check: CheckBody } | { hint: string }

export const GENERAL_HINT = 'Start the line with what to check, for example: Never say "cheap"; Mention "free shipping"; '
  + 'Keep LinkedIn under 600 characters; End with a CTA to example.com/start; At most 3 hashtags; Do not make health claims.'
const QUOTE_HINT = 'Quote the exact words, for example: Never say "cheap" or Mention "free shipping".'

const NEGATIVE = /^(?:do\s+not|don['’]?t|never|avoid|no|without|exclude|must\s+not|mustn['’]t|should\s+not|shouldn['’]t|cannot|can['’]?t|may\s+not|not)\b\s*/iu
const POSITIVE_LEAD = /^(?:please|always|must|should|you\s+must|be\s+sure\s+to|make\s+sure\s+(?:to|you)|remember\s+to|ensure\s+(?:you|that\s+you|to))\s+/iu
const SAY_VERB = /^(?:use|using|say|saying|mention|mentioning|include|including|write|writing|refer\s+to|call\s+(?:it|the\s+\p{L}+)|describe\s+(?:it|the\s+\p{L}+)\s+as|any\s+mention\s+of|mention\s+of|references?\s+to)\s+/iu
const WORD_NOUN = /^(?:the\s+|any\s+)?(?:words?|terms?|phrases?|expressions?|wording)(?:\s+like)?\s+/iu
const MENTION_VERB = /^(?:include|mention|contain|feature|state|say|reference|highlight|name|use|call\s+out)s?\s+(?:the\s+(?:words?|phrases?|terms?)\s+)?/iu
/** Things a line can forbid that are a style, not a list of words: the audit cannot test them by matching. */
const STYLE_NOUNS = /^(?:jargon|slang|clich[eé]s?|buzzwords?|profanity|swearing|swear\s+words|negativity|puns?|politics|competitors?|competitor\s+names|passive\s+voice|long\s+sentences|exclamation\s+marks?|all\s+caps|caps|hype|fluff|technical\s+terms|acronyms|humou?r|sarcasm|emotional\s+language)$/iu
/** A hashtag starts with a letter or underscore, so "#1" is a claim, not a tag. */
const HASHTAG = /(?:^|\s)(#[\p{L}_][\p{L}\p{N}_]*)/u
const LANGUAGES = ['english', 'french', 'german', 'spanish', 'italian', 'portuguese', 'dutch'] as const

const PLATFORM_WORDS: ReadonlyArray<[RegExp, Platform]> = [
  [/\b(?:x|twitter|tweets?)\b/iu, 'x'],
  [/\blinked\s?in\b/iu, 'linkedin'],
  [/\b(?:instagram|insta|ig)\b/iu, 'instagram'],
  [/\b(?:facebook|fb)\b/iu, 'facebook'],
  [/\btik\s?tok\b/iu, 'tiktok'],
]

function platformIn(text: string): Platform | undefined {
  return PLATFORM_WORDS.find(([pattern]) => pattern.test(text))?.[1]
}

function scopeIn(text: string): LengthScope {
  if (/\b(?:headlines?|titles?)\b/iu.test(text)) return 'headlines'
  if (/\b(?:cta|ctas|calls?[\s-]to[\s-]action|buttons?)\b/iu.test(text)) return 'callsToAction'
  if (/\balt[\s-]?text\b/iu.test(text)) return 'altText'
  if (/\b(?:social|short|posts?|captions?|tweets?)\b/iu.test(text)) return 'posts'
  if (/\b(?:body|copy|article|email|blog|landing\s+page|long[\s-]form)\b/iu.test(text)) return 'body'
  return 'posts'
}

function readSubstantiation(text: string): LineReading | undefined {
  const match = /^(?:substantiation|claims?\s+backed\s+by|evidence)\s*:\s*(.+)$/iu.exec(text)
  return match?.[1] ? { check: { kind: 'substantiation', note: match[1].trim() } } : undefined
}

function readHashtags(text: string): LineReading | undefined {
  if (!/\bhash\s?tags?\b/iu.test(text) && !HASHTAG.test(text)) return undefined
  const before = /(no\s+more\s+than|not\s+more\s+than|at\s+most|max(?:imum)?(?:\s+of)?|up\s+to|only|limit(?:ed)?\s+(?:to|of)|fewer\s+than|less\s+than|under|below|≤|<=|<)\s*(\d+)\s+(?:[\p{L}-]+\s+)?hash\s?tags?\b/iu.exec(text)
  if (before?.[1] && before[2]) {
    const strict = /^(?:fewer|less|under|below|<)/iu.test(before[1]) && !before[1].startsWith('<=')
    return { check: { kind: 'max-hashtags', max: Math.max(0, parseCount(before[2]) - (strict ? 1 : 0)) } }
  }
  const after = /(\d+)\s+hash\s?tags?\s+(?:max(?:imum)?|at\s+most|or\s+fewer|or\s+less|tops)\b|hash\s?tags?\s*:?\s*(?:max(?:imum)?|limit|at\s+most|up\s+to)\s*:?\s*(\d+)/iu.exec(text)
  const count = after?.[1] ?? after?.[2]
  if (count) return { check: { kind: 'max-hashtags', max: parseCount(count) } }
  const tags = [...text.matchAll(new RegExp(HASHTAG.source, 'gu'))].map(match => match[1] ?? '').filter(Boolean)
  if (NEGATIVE.test(text)) {
    if (tags.length > 0) return { check: { kind: 'must-not-say', phrases: tags } }
    if (/^(?:no|never\s+use|don['’]?t\s+use|do\s+not\s+use|avoid|without)\s+(?:any\s+)?hash\s?tags?$/iu.test(text)) return { check: { kind: 'max-hashtags', max: 0 } }
    return undefined
  }
  if (tags.length > 0) return { check: { kind: 'required-hashtags', tags } }
  return undefined
}

function readEmoji(text: string): LineReading | undefined {
  if (!/\b(?:emojis?|emoji|emoticons?)\b/iu.test(text)) return undefined
  if (NEGATIVE.test(text) || /\b(?:not\s+allowed|forbidden|banned)\b/iu.test(text)) return { check: { kind: 'emoji', allowed: false } }
  return { check: { kind: 'emoji', allowed: true } }
}

function readReadingLevel(text: string): LineReading | undefined {
  if (!/\b(?:reading\s+(?:level|age|grade)|flesch|grade)\b/iu.test(text)) return undefined
  const grade = /\b(\d{1,2})(?:st|nd|rd|th)?\b/iu.exec(text)?.[1]
  if (!grade) return { hint: 'Give the grade as a number, for example: Reading level: grade 8 or below.' }
  const value = parseCount(grade)
  if (value < 1 || value > 20) return { hint: 'Give a Flesch–Kincaid grade between 1 and 20.' }
  return { check: { kind: 'reading-level', maxGrade: value } }
}

function readLanguage(text: string): LineReading | undefined {
  const names = LANGUAGES.join('|')
  const match = new RegExp(`^(?:language\\s*:\\s*(?:british\\s+|american\\s+|uk\\s+|us\\s+)?(${names})|(?:write|written|copy|everything|all\\s+copy|use|respond|keep\\s+it)\\b.*?\\bin\\s+(?:british\\s+|american\\s+|uk\\s+|us\\s+)?(${names})|(${names})\\s+only)\\b`, 'iu').exec(text)
  const language = match?.[1] ?? match?.[2] ?? match?.[3]
  if (!language) return undefined
  return { check: { kind: 'language', language: language.charAt(0).toUpperCase() + language.slice(1).toLowerCase() } }
}

function readCallToAction(text: string): LineReading | undefined {
  const namesCta = /\b(?:cta|calls?[\s-]to[\s-]action)\b/iu.test(text)
  const endsWith = /^(?:end|finish|close|sign\s+off)\s+(?:each\s+post\s+|every\s+post\s+|the\s+copy\s+|posts\s+)?with\s+(.+)$/iu.exec(text)
  if (!namesCta && !endsWith) return undefined
  const url = firstUrl(text)
  if (url) return { check: { kind: 'call-to-action', mustContain: url } }
  const quoted = quotedItems(text)[0]
  if (quoted) return { check: { kind: 'call-to-action', mustContain: quoted } }
  const target = /\b(?:cta|call[\s-]to[\s-]action)\s*(?:must|should)?\s*(?::|to|that\s+says|saying|reading|reads|says|be|of|pointing\s+to|linking\s+to|that\s+links\s+to|to\s+visit)\s+(.+)$/iu.exec(text)?.[1]
    ?? (namesCta ? undefined : endsWith?.[1])
  if (target) return { check: { kind: 'call-to-action', mustContain: singlePhrase(target.replace(/^(?:visit|go\s+to)\s+/iu, '')) } }
  return { hint: 'Say what the call to action must contain, for example: End with a CTA to example.com/start, or CTA: "Book a tasting".' }
}

function readLength(text: string): LineReading | undefined {
  const match = /(no\s+more\s+than|not\s+more\s+than|at\s+most|max(?:imum)?(?:\s+of)?|up\s+to|within|fewer\s+than|less\s+than|shorter\s+than|under|below|≤|<=|<)\s*(\d[\d,]*)\s*(characters?|chars?|letters|words?)\b/iu.exec(text)
    ?? /(\d[\d,]*)\s*(characters?|chars?|words?)\s+(max(?:imum)?|or\s+(?:fewer|less)|at\s+most|tops|limit)\b/iu.exec(text)
  if (!match) return undefined
  const [qualifier, digits, unitWord] = /^\d/u.test(match[1] ?? '') ? [match[3], match[1], match[2]] : [match[1], match[2], match[3]]
  const limit = parseCount(digits ?? '')
  if (!Number.isFinite(limit) || limit < 1) return { hint: 'Give the limit as a positive number, for example: Keep LinkedIn posts under 600 characters.' }
  const strict = /^(?:fewer|less|shorter|under|below|<)/iu.test(qualifier ?? '') && !(qualifier ?? '').startsWith('<=')
  const unit = /^word/iu.test(unitWord ?? '') ? 'words' : 'characters'
  const platform = platformIn(text)
  return { check: { kind: 'max-length', limit, strict, unit, scope: platform ? 'posts' : scopeIn(text), ...(platform ? { platform } : {}) } }
}

function readLink(text: string): LineReading | undefined {
  if (NEGATIVE.test(text)) return undefined
  const url = firstUrl(text)
  if (!url || !/\b(?:link|links|url|website|web\s+address|site|landing\s+page|point\s+to|send\s+(?:people|readers|them)\s+to)\b/iu.test(text)) return undefined
  return { check: { kind: 'required-link', url } }
}

function readDisclaimer(text: string): LineReading | undefined {
  if (!/\bdisclaimer\b/iu.test(text)) return undefined
  const wording = quotedItems(text)[0] ?? /\bdisclaimer\s*(?::|-|—)\s*(.+)$/iu.exec(text)?.[1]
  if (wording) return { check: { kind: 'required-disclaimer', text: tidyPhrase(wording) } }
  return { hint: 'Quote the disclaimer word for word, for example: Include the disclaimer "Terms apply."' }
}

/** Financial first: "guaranteed returns" is a return claim before it is an absolute one. */
const CLASS_ORDER: readonly ClaimClassId[] = ['financial', 'environmental', 'health', 'absolute']

function claimClassIn(text: string): ClaimClassId | undefined {
  const lower = text.toLowerCase()
  return CLASS_ORDER.find(id => CLAIM_CLASSES[id].namedAs.some(name =>
    new RegExp(`(?<![\\p{L}\\p{N}])${name.replace(/[#%]/gu, '\\$&')}`, 'iu').test(lower)))
}

function readClaimClass(text: string): LineReading | undefined {
  if (!NEGATIVE.test(text)) return undefined
  if (!/\b(?:claims?|claiming|promises?|promising|guarantees?|guaranteeing|superlatives?)\b/iu.test(text)) return undefined
  const claimClass = claimClassIn(text)
  if (claimClass) return { check: { kind: 'claim-class', claimClass } }
  if (quotedItems(text).length > 0) return undefined
  return { hint: 'Name the kind of claim (health, guaranteed or absolute, financial returns, environmental) or quote the exact words.' }
}

function stripRepeatedly(text: string, pattern: RegExp): { rest: string, stripped: boolean } {
  let rest = text
  let stripped = false
  while (pattern.test(rest)) {
    rest = rest.replace(pattern, '')
    stripped = true
  }
  return { rest, stripped }
}

function readMustNotSay(text: string): LineReading | undefined {
  const lead = NEGATIVE.exec(text)
  if (!lead) return undefined
  const afterVerb = stripRepeatedly(text.slice(lead[0].length), SAY_VERB)
  const afterNoun = stripRepeatedly(afterVerb.rest, WORD_NOUN)
  const quoted = quotedItems(afterNoun.rest)
  if (quoted.length > 0) return { check: { kind: 'must-not-say', phrases: quoted } }
  const rest = tidyPhrase(afterNoun.rest)
  if (rest === '' || STYLE_NOUNS.test(rest)) return { hint: QUOTE_HINT }
  const named = afterVerb.stripped || afterNoun.stripped
  const items = listItems(rest)
  if (!named && rest.split(' ').length > 3) return { hint: QUOTE_HINT }
  if (items.some(item => item.split(' ').length > 4)) return { hint: QUOTE_HINT }
  return { check: { kind: 'must-not-say', phrases: items } }
}

function readMustMention(text: string): LineReading | undefined {
  const { rest: withoutLead } = stripRepeatedly(text, POSITIVE_LEAD)
  const verb = MENTION_VERB.exec(withoutLead)
  if (!verb) return undefined
  const rest = withoutLead.slice(verb[0].length)
  const quoted = quotedItems(rest)
  if (quoted.length > 0) return { check: { kind: 'must-mention', phrases: quoted } }
  // "Mention that the first bag is free" asks for "the first bag is free".
  const phrase = tidyPhrase(rest.replace(/^\s*that\s+/iu, ''))
  if (phrase === '' || phrase.split(' ').length > 8) return { hint: QUOTE_HINT }
  return { check: { kind: 'must-mention', phrases: [phrase] } }
}

/** Readers in the order they are tried: the more specific ones first, so "No more than 3 hashtags" is a limit, not a ban. */
const READERS = [
  readSubstantiation, readHashtags, readEmoji, readReadingLevel, readLanguage, readCallToAction, readLength,
  readLink, readDisclaimer, readClaimClass, readMustNotSay, readMustMention,
] as const

/** One constraint line as a check, or a hint how to phrase it when it cannot be read. */
export function readConstraint(line: string): LineReading {
  const text = cleanLine(line)
  if (text === '') return { hint: GENERAL_HINT }
  const unprefixed = text.replace(/^(?:please|always|you\s+must|must)\s+(?!not\b)/iu, '')
  for (const read of READERS) {
    const reading = read(unprefixed)
    if (reading) return reading
  }
  return { hint: GENERAL_HINT }
}
