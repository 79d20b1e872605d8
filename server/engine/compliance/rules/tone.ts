import { ARTIFACT_TYPES } from '#shared/campaign'
import { defineRule, quote } from '../rule'
import { scanSegments } from './segment-scan'
import { knownCapitalisedWords, shoutedWords } from './shouting'

export const shouting = defineRule({
  id: 'tone.shouting',
  title: 'No shouting in capitals',
  category: 'tone',
  severity: 'Low',
  explanation: 'Words in capitals beyond acronyms read as shouting and look like spam.',
  recommendation: 'Write words in sentence case; keep capitals for acronyms and names.',
  appliesTo: ARTIFACT_TYPES,
  check(artifact, { brief }) {
    const known = knownCapitalisedWords(brief)
    return scanSegments(artifact.segments, (text) => {
      const words = shoutedWords(text, known)
      if (words.length === 0) return []
      return [{
        description: `Shouting in capitals: ${words.map(quote).join(', ')}.`,
        recommendation: `Rewrite ${words.map(quote).join(', ')} in sentence case.`,
      }]
    })
  },
})

/** "!!", "?!?" and the like; a single "?!" or an ellipsis is fine. */
const REPEATED_PUNCTUATION = /[!?]*(?:!!|\?\?|!\?!|\?!\?)[!?]*/gu

export const repeatedPunctuation = defineRule({
  id: 'tone.repeated-punctuation',
  title: 'No repeated punctuation',
  category: 'tone',
  severity: 'Low',
  explanation: 'Repeated exclamation or question marks ("!!", "?!?") read as overexcited and lower trust.',
  recommendation: 'Use a single exclamation or question mark.',
  appliesTo: ARTIFACT_TYPES,
  check(artifact) {
    return scanSegments(artifact.segments, (text) => {
      const runs = text.match(REPEATED_PUNCTUATION) ?? []
      if (runs.length === 0) return []
      return [{
        description: `Repeated punctuation: ${[...new Set(runs)].map(quote).join(', ')}.`,
        recommendation: 'Use a single exclamation or question mark.',
      }]
    })
  },
})
