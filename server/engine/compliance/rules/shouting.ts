import type { CampaignBrief } from '#shared/campaign'

/** Acronyms are usually short; a capitalised word this long or longer is shouting unless the brief uses it. */
const LONGEST_ACRONYM = 4
/** Words that start a token: not hex colours (#FFFFFF), hashtags' inner parts or codes glued to digits. */
const WORD = /(?<![\p{L}\p{N}#])[\p{L}][\p{L}\p{N}'’]*/gu

function isCapitalised(word: string): boolean {
  // Most words hold a lower-case letter, which settles it without the expressions below.
  if (word.toUpperCase() !== word) return false
  // Codes with digits ("A4", "X5") are product names, not shouting.
  if (/\p{N}/u.test(word)) return false
  const letters = word.replace(/[^\p{L}]/gu, '')
  return letters.length >= 2 && letters === letters.toUpperCase() && letters !== letters.toLowerCase()
}

/** Capitalised words the brief itself uses (brand and product names such as "IKEA"), which are never shouting. */
export function knownCapitalisedWords(brief: CampaignBrief): Set<string> {
  const sources = [brief.theme, brief.product, brief.targetAudience, brief.brand?.name ?? '', brief.brand?.requiredDisclaimer ?? '', ...brief.constraints]
  return new Set(sources.flatMap(source => source.match(WORD) ?? []).filter(isCapitalised))
}

/**
 * Capitalised words that shout: long ones ("AMAZING") and runs of two or more ("BUY NOW"), leaving
 * acronyms such as "UK" or "FAQ" and the brief's own names alone.
 */
export function shoutedWords(text: string, known: ReadonlySet<string>): string[] {
  const words = [...text.matchAll(WORD)].map(match => ({ word: match[0], start: match.index, end: match.index + match[0].length }))
  const shouted = new Set<string>()
  words.forEach((current, index) => {
    if (!isCapitalised(current.word) || known.has(current.word)) return
    const next = words[index + 1]
    const previous = words[index - 1]
    const adjacent = (left?: { word: string, end: number }, right?: { word: string, start: number }) =>
      left !== undefined && right !== undefined && /^\s+$/u.test(text.slice(left.end, right.start))
      && isCapitalised(left.word) && isCapitalised(right.word) && !known.has(left.word) && !known.has(right.word)
    if (current.word.length > LONGEST_ACRONYM || adjacent(current, next) || adjacent(previous, current)) shouted.add(current.word)
  })
  return [...shouted]
}
