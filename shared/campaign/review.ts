import { storableString } from '../schemas/storable-text'
import { z } from '../schemas/zod'
import { characterCount } from '../utils/character-count'
import type { CampaignStatusSnapshot } from './campaign'
import type { ReviewItemDecision } from './review-decisions'

export const REVIEW_LINK_MAX_HOURS = 720
export const REVIEW_DECISIONS = ['approve', 'request-changes'] as const
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number]

/** `POST /api/campaigns/{id}/review-links`. */
export const createReviewLinkSchema = z.object({
  expiresInHours: z.number({ error: 'Expiry must be a number of hours' }).int('Whole hours only')
    .min(1, 'At least 1 hour')
    .max(REVIEW_LINK_MAX_HOURS, `At most ${REVIEW_LINK_MAX_HOURS} hours`),
  allowFeedback: z.boolean({ error: 'Say whether reviewers may leave feedback' }),
})
export type CreateReviewLinkInput = z.input<typeof createReviewLinkSchema>

/** Snapshots carry this many of the newest feedback posts; older ones are read a page at a time. */
export const REVIEW_FEEDBACK_IN_SNAPSHOT = 20
export const REVIEW_FEEDBACK_PAGE_MAX = 50
export const REVIEWER_NAME_MAX_CHARACTERS = 100
export const REVIEW_COMMENT_MAX_CHARACTERS = 2000

// Control characters have no place in a name, and in a comment only line breaks and tabs do: the
// others are invisible, and JSON spells each with six bytes. Lone surrogates are half a character.
// A name shows beside what the reviewer said, so it may not reorder the text around it either
// (bidirectional embeddings, overrides and isolates: U+202E then "eaR" shows as "Rae").
const NAME_FORBIDDEN = /[\p{Cc}\p{Cs}\u202A-\u202E\u2066-\u2069]/u
const COMMENT_FORBIDDEN = /[^\P{Cc}\n\t]|\p{Cs}/u

const atMost = (max: number) => [(text: string) => characterCount(text) <= max, `At most ${max} characters`] as const

/** A reviewer's name as they type it: shown to the owner beside what they said. */
export const reviewerNameField = storableString({ error: 'Name is required' }).trim().min(1, 'Name is required')
  .refine(...atMost(REVIEWER_NAME_MAX_CHARACTERS))
  .refine(name => !NAME_FORBIDDEN.test(name), 'Letters, digits, spaces and punctuation only')

export const reviewDecisionField = z.enum(REVIEW_DECISIONS, { error: 'Approve or request changes' })

/** A comment: Windows line endings count as the one line break they show. */
export const reviewCommentField = storableString({ error: 'The comment must be text' }).overwrite(text => text.replace(/\r\n?/g, '\n')).trim()
  .refine(...atMost(REVIEW_COMMENT_MAX_CHARACTERS))
  .refine(comment => !COMMENT_FORBIDDEN.test(comment), 'Text, line breaks and tabs only: no other control characters')
  .default('')

/** A comment is optional for an approval, required to ask for changes. */
export function requireCommentForChanges(input: { decision: ReviewDecision, comment: string }, context: z.RefinementCtx): void {
  if (input.decision === 'request-changes' && input.comment === '') {
    context.addIssue({ code: 'custom', path: ['comment'], message: 'Say what should change' })
  }
}

/** `POST /api/review/{token}/feedback`: one decision on the whole campaign. */
export const reviewFeedbackSchema = z.object({
  reviewerName: reviewerNameField,
  decision: reviewDecisionField,
  comment: reviewCommentField,
}).superRefine(requireCommentForChanges)
export type ReviewFeedbackInput = z.input<typeof reviewFeedbackSchema>
export type ReviewFeedbackFields = z.output<typeof reviewFeedbackSchema>

/** `GET /api/campaigns/{id}/review-feedback`: the newest page, or the page older than `before` (a feedback id). */
export const reviewFeedbackQuerySchema = z.object({
  before: z.uuid('A feedback id').optional(),
  limit: z.coerce.number().int('A whole number').min(1, 'At least 1')
    .max(REVIEW_FEEDBACK_PAGE_MAX, `At most ${REVIEW_FEEDBACK_PAGE_MAX}`).default(REVIEW_FEEDBACK_PAGE_MAX),
})
export type ReviewFeedbackQuery = z.output<typeof reviewFeedbackQuerySchema>

/** A link as its owner lists it: never the secret. */
export interface ReviewLinkSummary {
  id: string
  allowFeedback: boolean
  createdAt: string
  expiresAt: string
  lastUsedAt: string | null
  revokedAt: string | null
}

/** The answer to creating a link: the only time the secret is shown. */
export interface CreatedReviewLink {
  id: string
  /** `/review/{token}`, relative to the app's origin. */
  url: string
  token: string
  expiresAt: string
}

export interface ReviewFeedback {
  id: string
  reviewerName: string
  decision: ReviewDecision
  comment: string
  createdAt: string
}

/** One page of a campaign's feedback, oldest first; `hasOlder`: a page before this one exists. */
export interface ReviewFeedbackPage {
  campaignId: string
  feedback: ReviewFeedback[]
  totalCount: number
  hasOlder: boolean
}

/** `OnReviewFeedbackReceived`: one new post, and how many the campaign now has. */
export interface ReviewFeedbackNotice {
  campaignId: string
  feedback: ReviewFeedback
  totalCount: number
}

/** `GET /api/review/{token}`: the campaign as a reviewer sees it. */
export interface ReviewView {
  campaign: CampaignStatusSnapshot & { theme: string }
  allowFeedback: boolean
  expiresAt: string
  /** The same newest posts as `campaign.reviewFeedback`. */
  feedback: ReviewFeedback[]
  /** Every decision on single items, oldest first. */
  decisions: ReviewItemDecision[]
}
