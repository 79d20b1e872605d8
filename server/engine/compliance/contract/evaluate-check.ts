import { CLAIM_CLASSES, type BriefCheck, type CheckOf } from '#shared/brief-contract'
import type { Platform } from '#shared/campaign'
import { hashtagBody, hashtagKey, hashtagsIn, squashedTerm } from '../../content/hashtags'
import { allowedLength, measuredLength } from '../../content/length-limits'
import { countCharacters, PLATFORM_RULES } from '../../content/platform-rules'
import { gradeLevel, wordCount } from '../../content/readability'
import { containsPhrase, containsTerm, termPattern } from '../../content/text-matching'
import type { AuditedArtifact, TextSegment } from '../audited-artifact'
import { quote } from '../rule'
import { FEWEST_WORDS_TO_GRADE } from '../rules/clarity'
import { bodiesOf, partsInScope, partsOf, postsOf, readingUnits } from './artifact-parts'
import { likelyLanguage } from './language'
import { spanOf, spansMatching, type Span } from './text-spans'

/** One place a check failed, before it is tied to its artifact. */
export interface Miss {
  location: string
  description: string
  recommendation: string
  span?: Span
}

/** `null`: the check does not apply to this artifact (a LinkedIn limit and the visual), so it is not tested. */
export type Evaluation = Miss[] | null

const notApplicable = (parts: readonly unknown[]) => parts.length === 0

function missing(units: readonly TextSegment[], isPresent: (text: string) => boolean, miss: (unit: TextSegment) => Omit<Miss, 'location'>): Evaluation {
  if (notApplicable(units)) return null
  return units.filter(unit => !isPresent(unit.text)).map(unit => ({ location: unit.location, ...miss(unit) }))
}

const HASHTAG_RUN = /#[\p{L}\p{N}_]+/gu

/** The segment's hashtags with their offsets and their bodies (hashtagBody), read once for all the terms looked for. */
function hashtagsOf(segment: TextSegment): Array<{ start: number, end: number, tag: string, body: string }> {
  return [...segment.text.matchAll(HASHTAG_RUN)].map(match => ({ start: match.index, end: match.index + match[0].length, tag: match[0], body: hashtagBody(match[0]) }))
}

/**
 * Where each of `terms` appears in the segments, and with `inHashtags` inside hashtags too: a hashtag
 * spells words without spaces ("#ChemicalFree"), so a ruled-out phrase is looked for squashed in each
 * tag that does not already say it as words. Each term's pattern and each segment's hashtags are
 * prepared once: a text of 2,500 hashtags checked against every banned term built a span of every
 * hashtag for every term, half a second of one check.
 */
function wordsFound(segments: readonly TextSegment[], terms: readonly string[], miss: (found: string) => Omit<Miss, 'location' | 'span'>, inHashtags = false): Evaluation {
  if (notApplicable(segments)) return null
  const searches = terms.map(term => ({ pattern: termPattern(term), squashed: squashedTerm(term) }))
  return segments.flatMap((segment) => {
    const hashtags = inHashtags ? hashtagsOf(segment) : []
    return searches.flatMap(({ pattern, squashed }) => [
      ...spansMatching(segment, pattern),
      ...hashtags.filter(({ tag, body }) => squashed !== '' && body.includes(squashed) && !pattern.test(tag)).map(({ start, end }) => spanOf(segment, start, end)),
    ].map(span => ({ location: segment.location, span, ...miss(span.excerpt) })))
  })
}

/** A claim wording that a "Substantiation:" note names is backed, so it may be said. */
function claimWordings(check: CheckOf<'claim-class'>, substantiations: readonly string[]): string[] {
  return CLAIM_CLASSES[check.claimClass].wordings.filter(wording => !substantiations.some(note => containsTerm(note, wording)))
}

/**
 * Drops matches inside a longer match ("100%" inside "100% guaranteed" is reported once), in one pass
 * over each location's matches in order of where they start (the longest first among those starting
 * together): a match lies inside an earlier one exactly when an earlier one reaches as far. Comparing
 * every match with all those before it took 33 s for an edited copy repeating a claim word over
 * 5,000 characters in each field. Matches come grouped by location and leave in that order.
 */
function withoutOverlaps(misses: Miss[]): Miss[] {
  const byLocation = new Map<string, Miss[]>()
  for (const miss of misses) {
    const located = byLocation.get(miss.location)
    if (located) located.push(miss)
    else byLocation.set(miss.location, [miss])
  }
  return [...byLocation.values()].flatMap((located) => {
    const ordered = located.sort((a, b) => (a.span?.start ?? 0) - (b.span?.start ?? 0) || (b.span?.end ?? 0) - (a.span?.end ?? 0))
    let reach = -1
    return ordered.filter((miss) => {
      if (!miss.span) return true
      if (miss.span.end <= reach) return false
      reach = miss.span.end
      return true
    })
  })
}

function overLength(check: CheckOf<'max-length'>, artifact: AuditedArtifact): Evaluation {
  const parts = partsInScope(artifact, check.scope, check.platform)
  if (notApplicable(parts)) return null
  const allowed = allowedLength(check)
  return parts.flatMap((part) => {
    const platform = 'platform' in part ? (part as { platform: Platform }).platform : undefined
    const count = measuredLength(check, part.text, platform)
    if (count <= allowed) return []
    // The overflow is highlighted: what would have to go for the part to fit.
    const cut = check.unit === 'characters' ? [...part.text].slice(0, allowed).join('').length : part.text.length
    return [{
      location: part.location,
      span: check.unit === 'characters' ? spanOf(part, cut, part.text.length) : undefined,
      description: `${count} ${check.unit}; the brief allows ${check.strict ? 'under' : 'at most'} ${check.limit}.`,
      recommendation: `Cut at least ${count - allowed} ${check.unit} so it is ${check.strict ? 'under' : 'at most'} ${check.limit}.`,
    }]
  })
}

function overPlatformLimit(platform: Platform, artifact: AuditedArtifact): Evaluation {
  const posts = postsOf(artifact).filter(post => post.platform === platform)
  if (notApplicable(posts)) return null
  const { limit } = PLATFORM_RULES[platform]
  return posts.flatMap((post) => {
    const count = countCharacters(platform, post.text)
    if (count <= limit) return []
    return [{
      location: post.location,
      description: `${count} characters; ${platform === 'x' ? 'X counts' : 'the platform allows'} ${limit}.`,
      recommendation: `Shorten the post by at least ${count - limit} characters to fit the ${limit}-character limit.`,
    }]
  })
}

const EMOJI = /\p{Extended_Pictographic}(?:\uFE0F|\u200D\p{Extended_Pictographic})*/u

/** Judges one artifact against one of the brief's checks. */
export function evaluateCheck(check: BriefCheck, artifact: AuditedArtifact, substantiations: readonly string[]): Evaluation {
  switch (check.kind) {
    case 'must-mention': {
      // The brand name is expected where the type says (the long copy); a short post may name the product alone.
      const units = check.source.field === 'brand.name' ? partsOf(artifact).brandNameUnits : readingUnits(artifact)
      return missing(units, text => check.phrases.every(phrase => containsPhrase(text, phrase)), (unit) => {
        const absent = check.phrases.filter(phrase => !containsPhrase(unit.text, phrase))
        return { description: `${quote(absent.join('", "'))} is missing.`, recommendation: `Mention ${absent.map(quote).join(' and ')}, as the brief asks.` }
      })
    }
    case 'must-not-say':
      return wordsFound(artifact.segments, check.phrases, found => ({
        description: `Says ${quote(found)}, which the brief rules out.`,
        recommendation: `Remove ${quote(found)} or reword the sentence without it.`,
      }), true)
    case 'claim-class': {
      const found = wordsFound(artifact.segments, claimWordings(check, substantiations), word => ({
        description: `${quote(word)} makes ${CLAIM_CLASSES[check.claimClass].label.replace(/ without substantiation$/u, '')}, which the brief rules out.`,
        recommendation: `Remove ${quote(word)}; say what the product does without claiming it, or add a "Substantiation:" line naming the evidence.`,
      }))
      return found && withoutOverlaps(found)
    }
    case 'max-length': return overLength(check, artifact)
    case 'platform-fit': return overPlatformLimit(check.platform, artifact)
    case 'required-link':
      return missing(readingUnits(artifact), text => containsPhrase(text, check.url), () => ({
        description: `No link to ${check.url}.`,
        recommendation: `Add the link ${check.url}.`,
      }))
    case 'call-to-action': {
      return missing(partsOf(artifact).callToActionUnits, text => containsPhrase(text, check.mustContain), () => ({
        description: `The call to action does not contain ${quote(check.mustContain)}.`,
        recommendation: `End with a call to action that contains ${quote(check.mustContain)}.`,
      }))
    }
    case 'required-disclaimer':
      return missing(bodiesOf(artifact), text => containsPhrase(text, check.text), () => ({
        description: 'The required disclaimer is missing.',
        recommendation: `Add the disclaimer word for word: ${quote(check.text)}.`,
      }))
    case 'required-hashtags':
      return missing(postsOf(artifact), text => check.tags.every(tag => hashtagsIn(text).map(hashtagKey).includes(hashtagKey(tag))), () => ({
        description: `Missing ${check.tags.join(' ')}.`,
        recommendation: `Add ${check.tags.join(' ')} to the post.`,
      }))
    case 'max-hashtags': {
      const posts = postsOf(artifact)
      if (notApplicable(posts)) return null
      return posts.flatMap((post) => {
        const count = new Set(hashtagsIn(post.text).map(hashtagKey)).size
        if (count <= check.max) return []
        return [{ location: post.location, description: `${count} hashtags; the brief allows ${check.max}.`, recommendation: `Remove ${count - check.max} hashtag${count - check.max === 1 ? '' : 's'}.` }]
      })
    }
    case 'emoji':
      if (check.allowed) return null
      return notApplicable(artifact.segments)
        ? null
        : artifact.segments.flatMap(segment => spansMatching(segment, EMOJI).map(span => ({
            location: segment.location, span, description: `Uses the emoji ${span.excerpt}; the brief asks for none.`, recommendation: `Remove ${span.excerpt}.`,
          })))
    case 'reading-level': {
      const bodies = bodiesOf(artifact).filter(body => wordCount(body.text) >= FEWEST_WORDS_TO_GRADE)
      return missing(bodies, text => gradeLevel(text) <= check.maxGrade, unit => ({
        description: `Reads at grade ${gradeLevel(unit.text).toFixed(1)}; the brief asks for ${check.maxGrade} or below.`,
        recommendation: 'Use shorter sentences and shorter, everyday words.',
      }))
    }
    case 'language': {
      const units = readingUnits(artifact).filter(unit => likelyLanguage(unit.text) !== null)
      return missing(units, text => likelyLanguage(text) === check.language, unit => ({
        description: `Reads as ${likelyLanguage(unit.text)}; the brief asks for ${check.language}.`,
        recommendation: `Write it in ${check.language}.`,
      }))
    }
    case 'substantiation': return null
  }
}
