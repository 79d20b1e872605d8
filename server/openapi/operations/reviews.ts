import {
  createdReviewLinkSchema, createReviewLinkSchema, reviewDecisionListSchema, reviewDecisionSchema, reviewFeedbackItemSchema, reviewFeedbackSchema,
  reviewItemDecisionSchema, reviewLinkListSchema, reviewViewSchema,
} from '#shared/campaign'
import { hubTokenResponseSchema } from '#shared/schemas/account-responses'
import { z } from '#shared/schemas/zod'
import type { OperationDefinition } from '../operation'
import { campaignId, reviewToken } from './parameters'

const TAG = 'Review links'

export const reviewOperations: OperationDefinition[] = [
  {
    method: 'post', path: '/api/campaigns/{id}/review-links', tag: TAG, access: 'user',
    summary: 'Share a campaign through a review link',
    description: 'The secret is shown once; it opens `/review/{token}` without an account. A campaign has at most `REVIEW_LINKS_PER_CAMPAIGN` links (100 by default) '
      + '(ended links that carried no feedback or decision are deleted to make room); past that, 409 `/problems/review-link-limit`.',
    pathParameters: { id: campaignId },
    body: createReviewLinkSchema,
    success: { 201: { description: 'The link, with its secret', schema: createdReviewLinkSchema } },
    problems: [404, 409],
  },
  {
    method: 'get', path: '/api/campaigns/{id}/review-links', tag: TAG, access: 'user',
    summary: 'The campaign\'s review links',
    pathParameters: { id: campaignId },
    success: { 200: { description: 'The links, never their secrets', schema: reviewLinkListSchema } },
    problems: [404],
  },
  {
    method: 'delete', path: '/api/campaigns/{id}/review-links/{linkId}', tag: TAG, access: 'user',
    summary: 'Revoke a review link',
    description: 'The link stops working at once and hub connections opened with it are closed.',
    pathParameters: { id: campaignId, linkId: { schema: z.string(), description: 'The link\'s id.' } },
    success: { 204: { description: 'Revoked' } },
    problems: [404],
  },
  {
    method: 'get', path: '/api/review/{token}', tag: TAG, access: 'review-link',
    summary: 'The shared campaign, as a reviewer sees it',
    pathParameters: { token: reviewToken },
    success: { 200: { description: 'The campaign and the link\'s terms', schema: reviewViewSchema } },
    problems: [404],
  },
  {
    method: 'post', path: '/api/review/{token}/hub-token', tag: TAG, access: 'review-link',
    summary: 'A read-only hub token for the shared campaign',
    pathParameters: { token: reviewToken },
    success: { 200: { description: 'The hub token and the hub\'s address', schema: hubTokenResponseSchema } },
    problems: [404],
  },
  {
    method: 'post', path: '/api/review/{token}/feedback', tag: TAG, access: 'review-link',
    summary: 'Leave feedback on the shared campaign',
    description: 'Only when the link allows feedback; the owner sees it live.',
    pathParameters: { token: reviewToken },
    body: reviewFeedbackSchema,
    success: { 201: { description: 'The stored feedback', schema: reviewFeedbackItemSchema } },
    problems: [403, 404, 409],
  },
  {
    method: 'post', path: '/api/review/{token}/decisions', tag: TAG, access: 'review-link',
    summary: 'Approve or request changes on one artifact or one post',
    description: 'Only when the link allows feedback. Records the version decided on; a quote must be text of that item in that version. The owner sees it live.',
    pathParameters: { token: reviewToken },
    body: reviewDecisionSchema,
    success: { 201: { description: 'The stored decision', schema: reviewItemDecisionSchema } },
    problems: [403, 404, 409],
  },
  {
    method: 'get', path: '/api/campaigns/{id}/review-decisions', tag: TAG, access: 'user',
    summary: 'Reviewers\' decisions on single items',
    pathParameters: { id: campaignId },
    success: { 200: { description: 'Every decision, oldest first', schema: reviewDecisionListSchema } },
    problems: [404],
  },
  {
    method: 'post', path: '/api/campaigns/{id}/review-decisions/{decisionId}/resolve', tag: TAG, access: 'user',
    summary: 'Mark a reviewer\'s decision resolved',
    description: 'Once: resolving it again changes nothing. The campaign\'s watchers see it live.',
    pathParameters: { id: campaignId, decisionId: { schema: z.string(), description: 'The decision\'s id.' } },
    success: { 200: { description: 'The resolved decision', schema: reviewItemDecisionSchema } },
    problems: [404],
  },
]
