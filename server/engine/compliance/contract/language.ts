/**
 * Very common function words per language: a text written in one language uses its own far more
 * than any other's, which is enough to tell marketing copy's language apart without a model.
 */
const FUNCTION_WORDS: Readonly<Record<string, readonly string[]>> = {
  English: ['the', 'and', 'of', 'to', 'a', 'in', 'is', 'for', 'with', 'your', 'you', 'it', 'on', 'that', 'this', 'our'],
  French: ['le', 'la', 'les', 'et', 'de', 'des', 'du', 'un', 'une', 'pour', 'avec', 'votre', 'vous', 'est', 'nous', 'dans'],
  German: ['der', 'die', 'das', 'und', 'ist', 'mit', 'für', 'ein', 'eine', 'sie', 'ihr', 'ihre', 'wir', 'nicht', 'auf', 'zu'],
  Spanish: ['el', 'la', 'los', 'las', 'y', 'de', 'del', 'un', 'una', 'para', 'con', 'tu', 'su', 'es', 'en', 'que'],
  Italian: ['il', 'lo', 'la', 'gli', 'le', 'e', 'di', 'del', 'un', 'una', 'per', 'con', 'tuo', 'è', 'che', 'non'],
  Portuguese: ['o', 'os', 'as', 'e', 'de', 'do', 'da', 'um', 'uma', 'para', 'com', 'seu', 'sua', 'é', 'que', 'não'],
  Dutch: ['de', 'het', 'een', 'en', 'van', 'voor', 'met', 'je', 'jouw', 'is', 'niet', 'op', 'wij', 'ons', 'dat', 'zijn'],
}

/** Texts shorter than this say too little to tell their language. */
export const FEWEST_WORDS_FOR_LANGUAGE = 8

/** The language whose function words the text uses most, or null when it is too short to tell. */
export function likelyLanguage(text: string): string | null {
  const words = (text.toLowerCase().match(/[\p{L}]+/gu) ?? [])
  if (words.length < FEWEST_WORDS_FOR_LANGUAGE) return null
  let best: { language: string, hits: number } | null = null
  for (const [language, list] of Object.entries(FUNCTION_WORDS)) {
    const set = new Set(list)
    const hits = words.filter(word => set.has(word)).length
    if (!best || hits > best.hits) best = { language, hits }
  }
  return best && best.hits > 0 ? best.language : null
}
