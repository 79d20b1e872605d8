import { flesch } from 'flesch'
import { syllable } from 'syllable'

const WORD = /[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu
const HAS_WORD = /[\p{L}\p{N}]/u
/** Sentences end at . ! ? followed by a space or the end, and at line breaks (headings, list items). */
const SENTENCE_END = /[.!?]+(?:\s+|$)|\n+/u

export function wordCount(text: string): number {
  return (text.match(WORD) ?? []).length
}

/** Flesch reading ease (1975) of English text: higher is easier; 60–70 is plain English, below 30 is very hard. */
export function readingEase(text: string): number {
  const words = text.match(WORD) ?? []
  if (words.length === 0) return 100
  const sentences = text.split(SENTENCE_END).filter(sentence => HAS_WORD.test(sentence)).length
  // syllable() returns 0 for numbers and symbols; every word is at least one beat when read aloud.
  const syllables = words.reduce((total, word) => total + Math.max(1, syllable(word)), 0)
  return flesch({ sentence: Math.max(1, sentences), word: words.length, syllable: syllables })
}

/** Flesch–Kincaid grade level (1975): the US school grade that can read the text; 8 is plain English. */
export function gradeLevel(text: string): number {
  const words = text.match(WORD) ?? []
  if (words.length === 0) return 0
  const sentences = Math.max(1, text.split(SENTENCE_END).filter(sentence => HAS_WORD.test(sentence)).length)
  const syllables = words.reduce((total, word) => total + Math.max(1, syllable(word)), 0)
  return 0.39 * (words.length / sentences) + 11.8 * (syllables / words.length) - 15.59
}
