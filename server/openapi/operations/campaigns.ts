import {
  ARTIFACT_TYPES, artifactEditSchema, artifactsQuerySchema, artifactVersionSchema, artifactVersionsSchema, campaignArtifactsSchema, campaignBriefSchema,
  campaignDetailSchema, campaignListQuerySchema, campaignPageSchema, cancelAcceptedSchema, complianceAuditResultSchema,
  regenerateRequestSchema, reviewFeedbackPageSchema, reviewFeedbackQuerySchema, reviseRequestSchema, runAcceptedSchema, versionNumberSchema,
  VERSIONS_PAGE_MAX, VERSIONS_PAGE_TEXT_BYTES, versionsQuerySchema,
} from '#shared/campaign'
import { briefAnalysisSchema } from '#shared/brief-contract'
import { z } from '#shared/schemas/zod'
import type { OperationDefinition } from '../operation'
import { artifactType, campaignId } from './parameters'

const TAG = 'Campaigns'
// Another user's campaign is a 404 too: its existence is not revealed.
const ownCampaign = { id: campaignId }
const artifactTypeOrVersion = { schema: z.string(), description: `An artifact type (${ARTIFACT_TYPES.join(', ')}) or the id of any version of the artifact.` }

export const campaignOperations: OperationDefinition[] = [
  {
    method: 'post', path: '/api/campaigns', tag: TAG, access: 'user',
    summary: 'Create a campaign from a brief',
    body: campaignBriefSchema,
    success: { 201: { description: 'The campaign, status Created', schema: campaignDetailSchema, headers: ['Location'] } },
  },
  {
    method: 'post', path: '/api/briefs/analyze', tag: TAG, access: 'user',
    summary: 'The checks a brief would be audited against',
    description: 'Each constraint, platform and brand-kit field as a typed check citing its line, and the lines that cannot be checked automatically, with a hint how to phrase them. Nothing is stored.',
    body: campaignBriefSchema,
    success: { 200: { description: 'The checks and the lines not understood', schema: briefAnalysisSchema } },
  },
  {
    method: 'get', path: '/api/campaigns', tag: TAG, access: 'user',
    summary: 'List the caller\'s campaigns, newest first',
    query: campaignListQuerySchema,
    success: { 200: { description: 'One page of campaigns', schema: campaignPageSchema } },
  },
  {
    method: 'get', path: '/api/campaigns/{id}', tag: TAG, access: 'user',
    summary: 'A campaign with its brief, status and current artifacts',
    pathParameters: ownCampaign,
    success: { 200: { description: 'The campaign', schema: campaignDetailSchema } },
    problems: [404],
  },
  {
    method: 'put', path: '/api/campaigns/{id}/brief', tag: TAG, access: 'user',
    summary: 'Replace the campaign\'s brief',
    description: 'Only while no run is active (409 otherwise). The checks are read again from the new brief; earlier versions are kept and the campaign is Created again, so generating writes new versions for this brief.',
    pathParameters: ownCampaign,
    body: campaignBriefSchema,
    success: { 200: { description: 'The campaign with its new brief and checks', schema: campaignDetailSchema } },
    problems: [404, 409],
  },
  {
    method: 'delete', path: '/api/campaigns/{id}', tag: TAG, access: 'user',
    summary: 'Delete a campaign',
    pathParameters: ownCampaign,
    success: { 204: { description: 'Deleted' } },
    problems: [404, 409],
  },
  {
    method: 'post', path: '/api/campaigns/{id}/generate', tag: TAG, access: 'user',
    summary: 'Start generating the campaign\'s artifacts',
    description: 'Progress is announced on the realtime hub. 409 when a run is under way or the campaign is complete.',
    pathParameters: ownCampaign,
    success: { 202: { description: 'The run was accepted', schema: runAcceptedSchema } },
    problems: [404, 409],
  },
  {
    method: 'post', path: '/api/campaigns/{id}/revise', tag: TAG, access: 'user',
    summary: 'Revise the whole campaign with feedback',
    pathParameters: ownCampaign,
    body: reviseRequestSchema,
    success: { 202: { description: 'The revision was accepted', schema: runAcceptedSchema } },
    problems: [404, 409],
  },
  {
    method: 'post', path: '/api/campaigns/{id}/cancel', tag: TAG, access: 'user',
    summary: 'Stop a running generation',
    description: 'Completed artifacts are kept; the campaign ends Cancelled.',
    pathParameters: ownCampaign,
    success: { 202: { description: 'The run is being cancelled', schema: cancelAcceptedSchema } },
    problems: [404, 409],
  },
  {
    method: 'get', path: '/api/campaigns/{id}/artifacts', tag: TAG, access: 'user',
    summary: 'The current version of each artifact',
    pathParameters: ownCampaign,
    query: artifactsQuerySchema,
    success: { 200: { description: 'The artifacts', schema: campaignArtifactsSchema } },
    problems: [404],
  },
  {
    method: 'get', path: '/api/campaigns/{id}/artifacts/{artifact}/versions', tag: TAG, access: 'user',
    summary: 'The versions of an artifact, newest first, a page at a time',
    description: `Every version, a page at a time: up to \`limit\` versions (at most ${VERSIONS_PAGE_MAX}) and no more than ${VERSIONS_PAGE_TEXT_BYTES / 1024} KiB of their written text, though always at least one. When \`hasOlder\` is true, ask again with \`before\` set to the last version's iteration.`,
    pathParameters: { ...ownCampaign, artifact: { schema: z.string(), description: 'The id of any version of the artifact.' } },
    query: versionsQuerySchema,
    success: { 200: { description: 'A page of versions, with the feedback that produced each and its audit', schema: artifactVersionsSchema } },
    problems: [400, 404],
  },
  {
    method: 'post', path: '/api/campaigns/{id}/artifacts/{artifact}/versions', tag: TAG, access: 'user',
    summary: 'Save an edit of an artifact as its next version',
    description: 'Every text field of the artifact as the owner wants it; the rest (platforms, palette, tone note) stays as in version `basedOn`, which must be the current one (409 otherwise). The new version says who edited it, is audited at once by the rules (no model) and is announced on the hub like a generated one. 409 while a run is under way.',
    pathParameters: { ...ownCampaign, artifact: artifactTypeOrVersion },
    body: artifactEditSchema,
    success: { 201: { description: 'The new version, with its audit', schema: artifactVersionSchema } },
    problems: [400, 404, 409],
  },
  {
    method: 'post', path: '/api/campaigns/{id}/artifacts/{artifact}/versions/{n}/restore', tag: TAG, access: 'user',
    summary: 'Restore an earlier version as the next version',
    description: 'A new version with the content of version `n`, saying which version it restores and who restored it, audited at once by the rules and announced on the hub. 409 while a run is under way, or when `n` is already current.',
    pathParameters: { ...ownCampaign, artifact: artifactTypeOrVersion, n: { schema: versionNumberSchema, description: 'The version to restore.' } },
    success: { 201: { description: 'The new version, with its audit', schema: artifactVersionSchema } },
    problems: [400, 404, 409],
  },
  {
    method: 'post', path: '/api/campaigns/{id}/artifacts/{artifact}/regenerate', tag: TAG, access: 'user',
    summary: 'Regenerate one artifact type, then audit it again',
    pathParameters: { ...ownCampaign, artifact: artifactType },
    body: regenerateRequestSchema,
    success: { 202: { description: 'The regeneration was accepted', schema: runAcceptedSchema } },
    problems: [404, 409],
  },
  {
    method: 'post', path: '/api/campaigns/{id}/artifacts/{artifact}/approve', tag: TAG, access: 'user',
    summary: 'Approve the current version of one artifact type',
    pathParameters: { ...ownCampaign, artifact: artifactType },
    success: { 200: { description: 'The approved version', schema: artifactVersionSchema } },
    problems: [400, 404, 409],
  },
  {
    method: 'get', path: '/api/campaigns/{id}/compliance', tag: TAG, access: 'user',
    summary: 'The latest compliance audit',
    pathParameters: ownCampaign,
    success: { 200: { description: 'The audit', schema: complianceAuditResultSchema } },
    problems: [404],
  },
  {
    method: 'get', path: '/api/campaigns/{id}/review-feedback', tag: TAG, access: 'user',
    summary: 'Reviewers\' feedback, a page at a time',
    description: 'The newest page, or with `before` the page older than that feedback id; oldest first within a page.',
    pathParameters: ownCampaign,
    query: reviewFeedbackQuerySchema,
    success: { 200: { description: 'One page of feedback', schema: reviewFeedbackPageSchema } },
    problems: [404],
  },
]
