import type { Finding } from './rule'

/** A part the structure rule finds missing. */
export function missing(location: string, description: string): Finding {
  return { location, description }
}

/** How many different non-empty texts there are, ignoring case and surrounding space. */
export function distinctTexts(texts: readonly string[]): number {
  return new Set(texts.map(text => text.trim().toLowerCase()).filter(Boolean)).size
}
