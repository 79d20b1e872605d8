import { hashtagHasBannedTerm, hashtagKey, hashtagsIn } from '../../content/hashtags'
import { publishedPost } from '../../content/published-post'
import { containsPhrase, containsTerm } from '../../content/text-matching'
import { variantLocation } from '../audited-artifact'
import { defineRule, quote } from '../rule'
import { scanSegments } from './segment-scan'

export const bannedTerms = defineRule({
  id: 'brand.banned-terms',
  category: 'compliance',
  severity: 'High',
  explanation: 'The brand kit lists terms the brand never uses, in text or hashtags.',
  recommendation: 'Remove the brand\'s banned terms from text and hashtags.',
  appliesTo: ['Copy', 'ShortCopy', 'Visual'],
  check(artifact, { brief }) {
    const banned = brief.brand?.bannedTerms ?? []
    if (banned.length === 0) return null
    return scanSegments(artifact.segments, (text) => {
      const tags = hashtagsIn(text)
      return banned
        .filter(term => containsTerm(text, term) || tags.some(tag => hashtagHasBannedTerm(tag, [term])))
        .map(term => ({
          description: `Uses the banned term ${quote(term)}.`,
          recommendation: `Remove the banned term ${quote(term)}.`,
        }))
    })
  },
})

function missingTags(post: string, required: readonly string[]) {
  const present = new Set(hashtagsIn(post).map(hashtagKey))
  return required.filter(tag => !present.has(hashtagKey(tag))).map(tag => ({
    description: `Missing the required hashtag ${tag}.`,
    recommendation: `Add the required hashtag ${tag}.`,
  }))
}

export const requiredHashtags = defineRule({
  id: 'brand.required-hashtags',
  category: 'compliance',
  severity: 'Medium',
  explanation: 'The brand kit names hashtags every social post must carry.',
  recommendation: 'Add the brand\'s required hashtags to every post.',
  appliesTo: ['ShortCopy'],
  check(artifact, { brief }) {
    const required = brief.brand?.requiredHashtags ?? []
    if (required.length === 0) return null
    if (artifact.type !== 'ShortCopy' || !artifact.metadata) return scanSegments(artifact.segments, text => missingTags(text, required))
    return artifact.metadata.platforms.flatMap(({ platform, variants }) => variants.flatMap((variant, index) =>
      missingTags(publishedPost(variant), required).map(finding => ({ ...finding, location: variantLocation(platform, index) }))))
  },
})

/**
 * Long-form copy is where a disclaimer is read, so each body length must carry it in full; social posts
 * are too short to require it everywhere and link back to the copy.
 */
export const requiredDisclaimer = defineRule({
  id: 'brand.disclaimer',
  category: 'compliance',
  severity: 'High',
  explanation: 'The brand kit requires a disclaimer wherever the campaign\'s long-form copy appears.',
  recommendation: 'Add the required disclaimer, word for word, to every body length of the copy.',
  appliesTo: ['Copy'],
  check(artifact, { brief }) {
    const disclaimer = brief.brand?.requiredDisclaimer?.trim()
    if (!disclaimer) return null
    const bodies = artifact.type === 'Copy' && artifact.metadata
      ? Object.entries(artifact.metadata.body).map(([length, text]) => ({ location: `body.${length}`, text }))
      : [{ location: 'content', text: artifact.content }]
    return bodies.filter(body => !containsPhrase(body.text, disclaimer)).map(body => ({
      location: body.location,
      description: 'The required disclaimer is missing.',
      recommendation: `Add the required disclaimer: ${quote(disclaimer)}.`,
    }))
  },
})
