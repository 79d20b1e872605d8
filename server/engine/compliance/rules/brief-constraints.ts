import { containsPhrase, containsTerm } from '../../content/text-matching'
import { PLATFORM_NAMES } from '../../content/render'
import type { AuditedArtifact } from '../audited-artifact'
import { defineRule, quote, type Finding } from '../rule'
import { scanSegments } from './segment-scan'

function missingPhrases(text: string, phrases: readonly string[], location: string): Finding[] {
  return phrases.filter(phrase => !containsPhrase(text, phrase)).map(phrase => ({
    location,
    description: `The brief says to include ${quote(phrase)}, and it is missing.`,
    recommendation: `Include ${quote(phrase)} as the brief requires.`,
  }))
}

/** Copy must carry each phrase somewhere; short copy must carry it on every platform, since each is read alone. */
function mustIncludeFindings(artifact: AuditedArtifact, phrases: readonly string[]): Finding[] {
  if (artifact.type === 'ShortCopy' && artifact.metadata) {
    return artifact.metadata.platforms.flatMap(({ platform, variants }) =>
      missingPhrases(variants.map(variant => variant.text).join('\n'), phrases, PLATFORM_NAMES[platform]))
  }
  return missingPhrases(artifact.segments.map(segment => segment.text).join('\n'), phrases, 'content')
}

export const mustInclude = defineRule({
  id: 'brief.must-include',
  category: 'compliance',
  severity: 'High',
  explanation: 'The brief\'s "Must include …" constraints are the marketer\'s explicit requirements.',
  recommendation: 'Include every phrase the brief says to include.',
  appliesTo: ['Copy', 'ShortCopy'],
  check(artifact, { directives }) {
    if (directives.mustInclude.length === 0) return null
    return mustIncludeFindings(artifact, directives.mustInclude)
  },
})

export const avoidTerms = defineRule({
  id: 'brief.avoid',
  category: 'compliance',
  severity: 'High',
  explanation: 'The brief\'s "Avoid …" constraints name words the marketer does not want used.',
  recommendation: 'Remove the words the brief says to avoid.',
  appliesTo: ['Copy', 'ShortCopy', 'Visual'],
  check(artifact, { directives }) {
    if (directives.avoid.length === 0) return null
    return scanSegments(artifact.segments, text => directives.avoid.filter(term => containsTerm(text, term)).map(term => ({
      description: `Uses ${quote(term)}, which the brief says to avoid.`,
      recommendation: `Remove ${quote(term)}; the brief says to avoid it.`,
    })))
  },
})
