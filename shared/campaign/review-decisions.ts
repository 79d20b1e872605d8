import { storableString } from '../schemas/storable-text'
import { z } from '../schemas/zod'
import { characterCount } from '../utils/character-count'
import { ARTIFACT_TYPES, type ArtifactType } from './artifacts'
import { PLATFORMS, type Platform } from './platforms'
import { requireCommentForChanges, reviewCommentField, reviewDecisionField, reviewerNameField, type ReviewDecision } from './review'

export const REVIEW_QUOTE_MAX_CHARACTERS = 500
/** More posts than any platform's writer produces: an index past it names nothing. */
const POST_INDEX_MAX = 99

const QUOTE_FORBIDDEN = /[^\P{Cc}\n\t]|\p{Cs}/u

/**
 * What a decision is about: a whole artifact, or one short-copy post (its platform and its place
 * among that platform's posts, from 0, as `metadata.platforms[].variants` orders them).
 */
export interface ReviewItem {
  artifactType: ArtifactType
  platform: Platform | null
  postIndex: number | null
}

/** `POST /api/review/{token}/decisions`: a decision on one item, as the reviewer saw it in `version`. */
export const reviewDecisionSchema = z.object({
  reviewerName: reviewerNameField,
  decision: reviewDecisionField,
  comment: reviewCommentField,
  artifactType: z.enum(ARTIFACT_TYPES, { error: 'Copy, ShortCopy or Visual' }),
  platform: z.enum(PLATFORMS, { error: 'A platform of the short copy' }).nullable().default(null),
  postIndex: z.number({ error: 'A post\'s place, from 0' }).int('A whole number').min(0, 'At least 0')
    .max(POST_INDEX_MAX, `At most ${POST_INDEX_MAX}`).nullable().default(null),
  version: z.number({ error: 'The version the decision is about' }).int('A whole number').min(1, 'At least 1'),
  // Windows line endings count as the one line break they show, as in comments.
  quote: storableString({ error: 'The quote must be text' }).overwrite(text => text.replace(/\r\n?/g, '\n')).trim()
    .refine(text => characterCount(text) <= REVIEW_QUOTE_MAX_CHARACTERS, `At most ${REVIEW_QUOTE_MAX_CHARACTERS} characters`)
    .refine(text => !QUOTE_FORBIDDEN.test(text), 'Text, line breaks and tabs only: no other control characters')
    .default(''),
}).superRefine((input, context) => {
  requireCommentForChanges(input, context)
  if ((input.platform === null) !== (input.postIndex === null)) {
    context.addIssue({ code: 'custom', path: [input.platform === null ? 'platform' : 'postIndex'], message: 'A post needs both its platform and its place' })
  }
  if (input.platform !== null && input.artifactType !== 'ShortCopy') {
    context.addIssue({ code: 'custom', path: ['platform'], message: 'Only short copy has posts' })
  }
})
export type ReviewDecisionInput = z.input<typeof reviewDecisionSchema>
export type ReviewDecisionFields = z.output<typeof reviewDecisionSchema>

/** One reviewer's decision on one item; `resolvedAt` once the owner marked it dealt with. */
export interface ReviewItemDecision extends ReviewItem {
  id: string
  reviewerName: string
  decision: ReviewDecision
  comment: string
  /** The passage the reviewer quoted, as it stood in `version`; empty when none. */
  quote: string
  /** The artifact's version (its iteration) the reviewer decided on. */
  version: number
  createdAt: string
  resolvedAt: string | null
}

/** `OnReviewDecisionChanged`: a new decision, or one the owner resolved. */
export interface ReviewDecisionNotice {
  campaignId: string
  decision: ReviewItemDecision
}

/** `GET /api/campaigns/{id}/review-decisions`: every decision on the campaign, oldest first. */
export interface ReviewDecisionList {
  campaignId: string
  decisions: ReviewItemDecision[]
}
