/** Small helpers for assembling sentences from the brief's phrases. */

export function capitalise(text: string): string {
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

/** Replaces `{slot}` markers; unknown slots are left visible so a broken template is obvious in tests. */
export function fill(template: string, slots: Readonly<Record<string, string>>): string {
  return template.replace(/\{(\w+)\}/gu, (marker, name: string) => slots[name] ?? marker)
}
