import type { ArtifactChunk, CampaignArtifact } from './artifacts'
import type { CampaignStatusSnapshot } from './campaign'
import type { ComplianceAuditResult, GenerationError } from './compliance'
import type { ReviewFeedbackNotice } from './review'
import type { ReviewDecisionNotice } from './review-decisions'

/**
 * The campaign hub (`/hubs/campaign`) in one place: every method and event name, with its
 * arguments. The server's hub, the event publisher and the browser's composables all use
 * these names, so a rename cannot leave one side behind.
 */

/** Client → server methods: the seed's three, then the dashboard's explicit subscriptions. */
export const CampaignHubMethods = {
  /** The seed's: the caller's connection receives the seed's events for that campaign. */
  JoinCampaignGroup: 'JoinCampaignGroup',
  LeaveCampaignGroup: 'LeaveCampaignGroup',
  /** The seed's: answered by `OnCampaignStatusReceived` to the caller alone. */
  RequestCampaignStatus: 'RequestCampaignStatus',
  /** Ours: `OnCampaignUpdated`, `OnReviewFeedbackReceived` and `OnReviewDecisionChanged` for every campaign the caller owns. */
  WatchCampaigns: 'WatchCampaigns',
  /** Ours: `OnCampaignUpdated`, `OnReviewFeedbackReceived` and `OnReviewDecisionChanged` for one campaign the caller may see. */
  WatchCampaign: 'WatchCampaign',
} as const

/** The arguments of each method. */
export interface CampaignHubMethodArguments {
  JoinCampaignGroup: [campaignId: string]
  LeaveCampaignGroup: [campaignId: string]
  RequestCampaignStatus: [campaignId: string]
  WatchCampaigns: []
  WatchCampaign: [campaignId: string]
}

/** Server → client events. */
export const CampaignHubEvents = {
  // The seed's six, sent to the members of the campaign's group.
  OnCampaignStarted: 'OnCampaignStarted',
  OnArtifactGenerated: 'OnArtifactGenerated',
  OnComplianceCheckCompleted: 'OnComplianceCheckCompleted',
  OnCampaignCompleted: 'OnCampaignCompleted',
  OnGenerationFailed: 'OnGenerationFailed',
  OnChunkReceived: 'OnChunkReceived',
  /** The seed's answer to `RequestCampaignStatus`, to the caller alone. */
  OnCampaignStatusReceived: 'OnCampaignStatusReceived',
  // Ours, to watchers only (`WatchCampaigns`, `WatchCampaign`).
  /** A new snapshot after every change of status or stage. */
  OnCampaignUpdated: 'OnCampaignUpdated',
  /** One new reviewer post. */
  OnReviewFeedbackReceived: 'OnReviewFeedbackReceived',
  /** A reviewer's new decision on one item, or one the owner resolved. */
  OnReviewDecisionChanged: 'OnReviewDecisionChanged',
} as const

/** The arguments of each event: always one, as the seed's .NET client insists on the exact count. */
export interface CampaignHubEventArguments {
  OnCampaignStarted: [campaignId: string]
  OnArtifactGenerated: [artifact: CampaignArtifact]
  OnComplianceCheckCompleted: [result: ComplianceAuditResult]
  OnCampaignCompleted: [campaignId: string]
  OnGenerationFailed: [error: GenerationError]
  OnChunkReceived: [chunk: ArtifactChunk]
  OnCampaignStatusReceived: [snapshot: CampaignStatusSnapshot]
  OnCampaignUpdated: [snapshot: CampaignStatusSnapshot]
  OnReviewFeedbackReceived: [notice: ReviewFeedbackNotice]
  OnReviewDecisionChanged: [notice: ReviewDecisionNotice]
}

export type CampaignHubMethodName = keyof CampaignHubMethodArguments
export type CampaignHubEventName = keyof CampaignHubEventArguments

/** The events a connection that only joined a campaign's group can receive: the seed's. */
export const SEED_CAMPAIGN_EVENTS = [
  CampaignHubEvents.OnCampaignStarted, CampaignHubEvents.OnArtifactGenerated, CampaignHubEvents.OnComplianceCheckCompleted,
  CampaignHubEvents.OnCampaignCompleted, CampaignHubEvents.OnGenerationFailed, CampaignHubEvents.OnChunkReceived,
  CampaignHubEvents.OnCampaignStatusReceived,
] as const

/** What a client connection must offer to be bound to the contract (the official client's `HubConnection` does). */
export interface CampaignHubClient {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  on(event: string, handler: (...args: any[]) => void): void
  invoke(method: string, ...args: unknown[]): Promise<unknown>
}

/** Registers a handler with the payload types of its event. */
export function onCampaignHubEvent<E extends CampaignHubEventName>(
  connection: CampaignHubClient, event: E, handler: (...args: CampaignHubEventArguments[E]) => void,
): void {
  connection.on(event, handler as (...args: unknown[]) => void)
}

/** Invokes a method with the argument types it takes. */
export function invokeCampaignHub<M extends CampaignHubMethodName>(
  connection: CampaignHubClient, method: M, ...args: CampaignHubMethodArguments[M]
): Promise<unknown> {
  return connection.invoke(method, ...args)
}
