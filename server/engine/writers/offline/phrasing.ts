/** Small helpers for assembling sentences from the brief's phrases. */

/** Upper-cases the first letter, but leaves a name with inner capitals alone ("iPhone", "eBay"). */
export function capitalise(text: string): string {
  const [first = ''] = text.split(' ')
  if (/\p{Lu}/u.test(first.slice(1))) return text
  return text.charAt(0).toUpperCase() + text.slice(1)
}

/** Ends a sentence with a full stop unless it already ends with punctuation. */
export function sentence(text: string): string {
  const trimmed = text.trim()
  if (trimmed === '') return ''
  return capitalise(/[.!?…:]$/u.test(trimmed) ? trimmed : `${trimmed}.`)
}

/** Joins sentences with single spaces, skipping empty ones. */
export function joinSentences(parts: ReadonlyArray<string | undefined>): string {
  return parts.map(part => sentence(part ?? '')).filter(Boolean).join(' ')
}

const LAST_WORD = /([\p{L}\p{M}\p{N}]+)\s+$/u
const FIRST_WORD = /^([\p{L}\p{M}\p{N}]+)/u

/**
 * Replaces `{slot}` markers; unknown slots are left visible so a broken template is obvious in tests.
 * A value that starts with the word just before its slot takes that word's place, so "Your {theme}"
 * with "Your morning ritual" reads "Your morning ritual", never "Your your morning ritual".
 */
export function fill(template: string, slots: Readonly<Record<string, string>>): string {
  let result = ''
  let rest = template
  for (let marker = /\{(\w+)\}/u.exec(rest); marker; marker = /\{(\w+)\}/u.exec(rest)) {
    result += rest.slice(0, marker.index)
    rest = rest.slice(marker.index + marker[0].length)
    const value = slots[marker[1]!]
    if (value === undefined) {
      result += marker[0]
      continue
    }
    const before = LAST_WORD.exec(result)
    const first = FIRST_WORD.exec(value)
    if (before && first && before[1]!.toLowerCase() === first[1]!.toLowerCase()) result = result.slice(0, before.index)
    result += value
  }
  return result + rest
}
