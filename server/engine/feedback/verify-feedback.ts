import type { FeedbackCheck } from '#shared/campaign'
import { containsPhrase, containsTerm } from '../content/text-matching'
import type { FeedbackItem } from './feedback-items'

const count = (characters: number) => characters.toLocaleString('en-GB')

/**
 * Checks each item against the version written for it. `text` is what a reader sees of the new version;
 * `previousText` the same of the version before (null for a first version, where "shorter" has nothing to
 * be shorter than).
 */
export function verifyFeedback(items: readonly FeedbackItem[], text: string, previousText: string | null): FeedbackCheck[] {
  return items.map((item): FeedbackCheck => {
    switch (item.kind) {
      case 'shorter': {
        if (previousText === null) return { item: item.text, outcome: 'needs-person', evidence: 'There is no earlier version to compare with.' }
        const before = [...previousText].length
        const after = [...text].length
        return after < before
          ? { item: item.text, outcome: 'done', evidence: `Shorter: ${count(before)} → ${count(after)} characters.` }
          : { item: item.text, outcome: 'not-done', evidence: `Not shorter: ${count(before)} → ${count(after)} characters.` }
      }
      case 'mention':
        return containsPhrase(text, item.phrase)
          ? { item: item.text, outcome: 'done', evidence: `“${item.phrase}” is in the text.` }
          : { item: item.text, outcome: 'not-done', evidence: `“${item.phrase}” is not in the text.` }
      case 'remove': {
        const left = item.terms.filter(term => containsTerm(text, term))
        return left.length === 0
          ? { item: item.text, outcome: 'done', evidence: `${item.terms.map(term => `“${term}”`).join(', ')} no longer in the text.` }
          : { item: item.text, outcome: 'not-done', evidence: `Still in the text: ${left.map(term => `“${term}”`).join(', ')}.` }
      }
      case 'person':
        return { item: item.text, outcome: 'needs-person', evidence: 'No rule can check this: read the new version.' }
    }
  })
}
