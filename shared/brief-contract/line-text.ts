/** Bullets and numbering a marketer may start a line with ("- ", "• ", "1. ", "a) "). */
const BULLET = /^(?:[-*•·▪►✓✔–—>]+|\(?(?:\d{1,2}|[a-z])[.)])\s*/iu
const QUOTE_CHARS = '"“”‘’\'«»'
const QUOTED = /["“«]([^"“”«»]+)["”»]|(?<![\p{L}\p{N}])['‘]([^'‘’]+)['’](?![\p{L}\p{N}])/gu

/** The line without bullets, surrounding quotes, trailing punctuation or runs of whitespace. */
export function cleanLine(line: string): string {
  let text = line.replace(/\s+/gu, ' ').trim()
  while (BULLET.test(text)) text = text.replace(BULLET, '')
  return text.replace(/[.;!,]+$/u, '').trim()
}

/** A phrase lifted from a line, without quotes, lead-in articles or closing punctuation. */
export function tidyPhrase(text: string): string {
  const trimmed = text.replace(/\s+/gu, ' ').trim()
  return trimmed.replace(new RegExp(`^[${QUOTE_CHARS}]+|[${QUOTE_CHARS}.!;:,]+$`, 'gu'), '').trim()
}

/** The quoted items of a line ("Avoid 'cheap' or “discount”" → cheap, discount). */
export function quotedItems(text: string): string[] {
  return [...text.matchAll(QUOTED)].map(match => tidyPhrase(match[1] ?? match[2] ?? '')).filter(Boolean)
}

/** "cheap, discount or bargain" → three items; quoted items win when the line quotes them. */
export function listItems(text: string): string[] {
  const quoted = quotedItems(text)
  if (quoted.length > 0) return quoted
  return text.split(/\s*,\s*(?:and\s+|or\s+)?|\s+(?:or|and|nor)\s+|\s*\/\s*/iu).map(tidyPhrase).filter(Boolean)
}

/** The first quoted item, else the whole text, tidied. */
export function singlePhrase(text: string): string {
  return quotedItems(text)[0] ?? tidyPhrase(text)
}

const URL = /\b(?:https?:\/\/)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:\/[^\s"'”’)]*)?/iu

/** The first web address in the text ("beanbox.example/start"), without closing punctuation. */
export function firstUrl(text: string): string | undefined {
  return URL.exec(text)?.[0].replace(/[.,;:!?]+$/u, '')
}

export function parseCount(digits: string): number {
  return Number.parseInt(digits.replace(/[,_\s]/gu, ''), 10)
}
