import { hasCallToAction } from '../../content/call-to-action'
import { variantLocation } from '../audited-artifact'
import { defineRule, type Finding } from '../rule'
import { readingEase, wordCount } from '../../content/readability'
import { containsPhrase } from '../../content/text-matching'

export const callToAction = defineRule({
  id: 'clarity.call-to-action',
  title: 'Tells the reader what to do next',
  category: 'clarity',
  severity: 'Medium',
  explanation: 'Copy and each social post should tell the reader what to do next.',
  recommendation: 'Add a clear call to action that starts with a verb, such as "Shop the range" or "Book a demo".',
  appliesTo: ['Copy', 'ShortCopy'],
  check(artifact) {
    if (artifact.type === 'Copy' && artifact.metadata) {
      const actions = artifact.metadata.callsToAction.filter(hasCallToAction)
      return actions.length > 0 ? [] : [{ location: 'callsToAction', description: 'No call to action.' }]
    }
    if (artifact.type === 'ShortCopy' && artifact.metadata) {
      return artifact.metadata.platforms.flatMap(({ platform, variants }) => variants.flatMap((variant, index) =>
        hasCallToAction(variant.text) ? [] : [{ location: variantLocation(platform, index), description: 'This post has no call to action.' }]))
    }
    return hasCallToAction(artifact.content) ? [] : [{ location: 'content', description: 'No call to action.' }]
  },
})

/** Below 30 is "very difficult" (graduate level); below 50 is "difficult" for a general audience. */
export const VERY_HARD_READING = 30
export const HARD_READING = 50
/** Flesch is unreliable on a sentence or two, so bodies shorter than this are not graded. */
export const FEWEST_WORDS_TO_GRADE = 30

/** The brand's disclaimer is fixed legal wording the writer cannot simplify, so it is left out of the grade. */
function withoutDisclaimer(text: string, disclaimer: string | undefined): string {
  if (!disclaimer || !containsPhrase(text, disclaimer)) return text
  return text.split(disclaimer.trim()).join(' ')
}

function gradeReadability(location: string, text: string): Finding[] {
  if (wordCount(text) < FEWEST_WORDS_TO_GRADE) return []
  const ease = Math.round(readingEase(text))
  if (ease >= HARD_READING) return []
  return [{
    location,
    severity: ease < VERY_HARD_READING ? 'Medium' : 'Low',
    description: `Flesch reading ease ${ease} (${ease < VERY_HARD_READING ? 'very difficult' : 'difficult'}); aim for ${HARD_READING} or more.`,
    recommendation: 'Use shorter sentences and simpler words to make the copy easier to read.',
  }]
}

export const readability = defineRule({
  id: 'clarity.readability',
  title: 'Easy to read',
  category: 'clarity',
  severity: 'Medium',
  explanation: `Marketing copy should be easy to read: a body of ${FEWEST_WORDS_TO_GRADE} words or more with a Flesch reading ease below ${HARD_READING} is flagged Low, below ${VERY_HARD_READING} Medium (the required disclaimer is not graded).`,
  recommendation: 'Use shorter sentences and simpler words to make the copy easier to read.',
  appliesTo: ['Copy'],
  check(artifact, { brief }) {
    const disclaimer = brief.brand?.requiredDisclaimer
    if (artifact.type === 'Copy' && artifact.metadata) {
      return Object.entries(artifact.metadata.body).flatMap(([length, text]) => gradeReadability(`body.${length}`, withoutDisclaimer(text, disclaimer)))
    }
    return gradeReadability('content', withoutDisclaimer(artifact.content, disclaimer))
  },
})
