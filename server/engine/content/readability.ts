import { flesch } from 'flesch'
import { LRUCache } from 'lru-cache'
import { syllable } from 'syllable'

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const HAS_WORD = /[\p{L}\p{N}]/u
/** Sentences end at . ! ? followed by a space or the end, and at line breaks (headings, list items). */
const SENTENCE_END = /[.!?]+(?:\s+|$)|\n+/u

/**
 * Syllables per word, remembered: counting runs a dozen regular expressions over each word, and
 * both the writer and the audit grade the same vocabulary over and over. Bounded, as briefs bring
 * words of their own.
 */
const syllablesOf = new LRUCache<string, number>({ max: 20_000 })

/** syllable() returns 0 for numbers and symbols; every word is at least one beat when read aloud. */
function beats(word: string): number {
  const key = word.toLowerCase()
  let count = syllablesOf.get(key)
  if (count === undefined) {
    count = Math.max(1, syllable(key))
    syllablesOf.set(key, count)
  }
  return count
}

export function wordCount(text: string): number {
  return (text.match(WORD) ?? []).length
}

/** Flesch reading ease (1975) of English text: higher is easier; 60–70 is plain English, below 30 is very hard. */
export function readingEase(text: string): number {
  const words = text.match(WORD) ?? []
  if (words.length === 0) return 100
  const sentences = text.split(SENTENCE_END).filter(sentence => HAS_WORD.test(sentence)).length
  const syllables = words.reduce((total, word) => total + beats(word), 0)
  return flesch({ sentence: Math.max(1, sentences), word: words.length, syllable: syllables })
}

/** Flesch–Kincaid grade level (1975): the US school grade that can read the text; 8 is plain English. */
export function gradeLevel(text: string): number {
  const words = text.match(WORD) ?? []
  if (words.length === 0) return 0
  const sentences = Math.max(1, text.split(SENTENCE_END).filter(sentence => HAS_WORD.test(sentence)).length)
  const syllables = words.reduce((total, word) => total + beats(word), 0)
  return 0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59
}
