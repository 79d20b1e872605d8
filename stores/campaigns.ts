import type { BriefAnalysis } from '#shared/brief-contract'
import { defineStore } from 'pinia'
import {
  ARTIFACT_TYPES, RUNNING_STAGES,
  type ArtifactChunk, type ArtifactType, type ArtifactVersion, type ArtifactVersionStatus, type CampaignArtifact, type CampaignBrief,
  type CampaignDetail, type CampaignPage, type CampaignStage, type CampaignStatus, type CampaignStatusSnapshot, type CampaignSummary,
  type ComplianceAuditResult, type ComplianceStatus, type GenerationError, type ReviewFeedback, type ReviewFeedbackNotice,
  type ReviewFeedbackPage,
} from '#shared/campaign'
import { mergeReviewFeedback } from '#shared/utils/merge-review-feedback'

/** One campaign as the dashboard knows it. `updatedAt` orders authoritative updates (snapshots, REST, failures). */
export interface CampaignRecord {
  id: string
  theme: string
  brief: CampaignBrief | null
  /** The checks the audit runs, read from the brief when the campaign was created. */
  briefChecks: BriefAnalysis | null
  status: CampaignStatus
  stage: CampaignStage | null
  /**
   * The stage as the events show it between two snapshots: the server announces Generating, but
   * not Auditing or Revising; chunks and audit results tell us when those start.
   */
  liveStage: CampaignStage | null
  statusReason: string | null
  revisionNumber: number
  createdAt: string
  updatedAt: string | null
  completedAt: string | null
  complianceStatus: ComplianceStatus
  complianceScore: number | null
  /** The reviewer feedback seen so far (snapshots carry the newest, older pages are loaded on demand), oldest first. */
  reviewFeedback: ReviewFeedback[]
  /** All the campaign's feedback, loaded or not. */
  reviewFeedbackCount: number
}

/** Text an agent is writing right now, before its artifact arrives. */
export interface ArtifactStream {
  text: string
  complete: boolean
  /** The sequence number of the last chunk applied. */
  sequence: number
}

type PerType<T> = Partial<Record<ArtifactType, T>>

const iterationOf = (artifact: CampaignArtifact) => artifact.metadata.iteration ?? 0
const isRunningStage = (stage: CampaignStage | null) => stage !== null && RUNNING_STAGES.includes(stage)
/** ISO timestamps compare as strings only when both have the same shape; Date.parse is safe for any. */
const time = (iso: string | null | undefined) => (iso ? Date.parse(iso) : Number.NEGATIVE_INFINITY)

/**
 * Every campaign, artifact version and audit the dashboard has seen, normalised by id, fed by
 * REST answers and hub events alike. Each `apply*` is idempotent and ordered: the same event
 * twice, or an event older than what is already known, changes nothing.
 */
export const useCampaignStore = defineStore('campaigns', () => {
  const campaigns = ref<Record<string, CampaignRecord>>({})
  /** Every artifact version by id (an artifact's id names one version of it). */
  const artifacts = ref<Record<string, CampaignArtifact>>({})
  /** Version history details (feedback, tags, audit) by artifact version id, from REST. */
  const versions = ref<Record<string, ArtifactVersion>>({})
  /** Approval / audit state of a version by id. */
  const versionStatus = ref<Record<string, ArtifactVersionStatus>>({})
  /** campaign → type → id of the current (newest) version. */
  const currentArtifactIds = ref<Record<string, PerType<string>>>({})
  /** campaign → type → version ids, newest first. */
  const versionIds = ref<Record<string, PerType<string[]>>>({})
  const compliance = ref<Record<string, ComplianceAuditResult>>({})
  const streams = ref<Record<string, PerType<ArtifactStream>>>({})
  /** The list page currently shown: ids in server order, and its paging. */
  const listing = ref<Omit<CampaignPage, 'items'> & { ids: string[] }>({ ids: [], totalCount: 0, page: 1, pageSize: 20, totalPages: 0 })

  function record(id: string): CampaignRecord {
    return campaigns.value[id] ??= {
      id, theme: '', brief: null, briefChecks: null, status: 'Created', stage: null, liveStage: null, statusReason: null, revisionNumber: 0,
      createdAt: new Date(0).toISOString(), updatedAt: null, completedAt: null, complianceStatus: 'NotAudited', complianceScore: null,
      reviewFeedback: [], reviewFeedbackCount: 0,
    }
  }

  function applySummary(summary: CampaignSummary): void {
    const existing = campaigns.value[summary.id]
    // A list row older than what a snapshot already told us changes only the title.
    if (existing?.updatedAt && existing.updatedAt >= summary.updatedAt) {
      existing.theme = summary.theme
      return
    }
    Object.assign(record(summary.id), summary)
  }

  function applyPage(page: CampaignPage): void {
    page.items.forEach(applySummary)
    listing.value = { ids: page.items.map(item => item.id), totalCount: page.totalCount, page: page.page, pageSize: page.pageSize, totalPages: page.totalPages }
  }

  /** A campaign from `GET /api/campaigns/{id}`: the brief, and each current version's approval state. */
  function applyDetail(detail: CampaignDetail): void {
    const campaign = record(detail.id)
    campaign.brief = detail.brief
    campaign.briefChecks = detail.briefChecks
    campaign.theme = detail.theme
    for (const artifact of detail.artifacts) versionStatus.value[artifact.id] = artifact.status
    const { artifacts: _summaries, brief: _brief, briefChecks: _checks, reviewFeedback, reviewFeedbackCount, ...fields } = detail
    addReviewFeedback(campaign, reviewFeedback, reviewFeedbackCount)
    if (time(detail.updatedAt) < time(campaign.updatedAt)) return
    Object.assign(campaign, fields)
  }

  /**
   * `OnCampaignStatusReceived`, `OnCampaignUpdated`, a review page's campaign (with its `theme`):
   * authoritative over every earlier event, ignored when older than what we know.
   */
  function applySnapshot(snapshot: CampaignStatusSnapshot & { theme?: string }): void {
    const campaign = record(snapshot.campaignId)
    if (snapshot.theme) campaign.theme = snapshot.theme
    addReviewFeedback(campaign, snapshot.reviewFeedback ?? [], snapshot.reviewFeedbackCount)
    const previous = time(campaign.updatedAt)
    const current = time(snapshot.updatedAt)
    if (current < previous) return
    if (current > previous) campaign.liveStage = null
    campaign.status = snapshot.status
    campaign.stage = snapshot.stage
    campaign.statusReason = snapshot.statusReason
    campaign.revisionNumber = snapshot.revisionNumber
    campaign.createdAt = snapshot.createdAt
    campaign.updatedAt = snapshot.updatedAt
    campaign.completedAt = snapshot.completedAt
    for (const artifact of snapshot.artifacts) storeArtifact(artifact)
    if (snapshot.compliance) applyCompliance(snapshot.compliance)
    // Nothing is being written once a run has settled: half-streamed text would only mislead.
    if (!isRunningStage(snapshot.stage)) Reflect.deleteProperty(streams.value, snapshot.campaignId)
  }

  function applyStarted(campaignId: string): void {
    const campaign = campaigns.value[campaignId]
    if (campaign?.status === 'InProgress' && campaign.stage === 'Queued') campaign.liveStage = 'Generating'
  }

  /** Who asks the server for a campaign's snapshot when streamed text turns out to have a hole. */
  const streamGapListeners = new Set<(campaignId: string) => void>()
  function onStreamGap(listener: (campaignId: string) => void): () => void {
    streamGapListeners.add(listener)
    return () => streamGapListeners.delete(listener)
  }

  /**
   * `OnChunkReceived`, placed by its sequence number: 0 (re)starts the write (a retry or a revision
   * starts over), a number already applied is a repeat and changes nothing, a number past the next
   * one means chunks were lost: the text is dropped rather than shown with a hole in it, and a
   * snapshot is asked for. With no text under way (a page opened mid-write, or after a gap), the
   * chunk starts it: the progress shown is the write's tail, the artifact arrives whole.
   */
  function applyChunk(chunk: ArtifactChunk): void {
    const campaign = campaigns.value[chunk.campaignId]
    // Chunks belong to a run in progress; one arriving after the run settled is stale.
    if (campaign && !isRunningStage(displayStage(campaign))) return
    const byType = streams.value[chunk.campaignId] ??= {}
    const stream = byType[chunk.artifactType]
    const text = chunk.isComplete ? '' : chunk.chunk
    if (chunk.sequence === 0 || !stream) byType[chunk.artifactType] = { text, complete: chunk.isComplete, sequence: chunk.sequence }
    else if (chunk.sequence <= stream.sequence) return
    else if (chunk.sequence > stream.sequence + 1) {
      Reflect.deleteProperty(byType, chunk.artifactType)
      for (const listener of streamGapListeners) listener(chunk.campaignId)
      return
    }
    else Object.assign(stream, { text: stream.text + text, complete: chunk.isComplete, sequence: chunk.sequence })
    if (!chunk.isComplete && campaign && campaign.liveStage === 'Auditing') campaign.liveStage = 'Revising'
  }

  function applyArtifact(artifact: CampaignArtifact): void {
    if (!storeArtifact(artifact)) return
    const campaign = campaigns.value[artifact.campaignId]
    const byType = streams.value[artifact.campaignId]
    if (byType) Reflect.deleteProperty(byType, artifact.type)
    // Every type written and nothing streaming: the run moves on to the audit.
    if (campaign && isRunningStage(displayStage(campaign)) && (!byType || Object.keys(byType).length === 0)) {
      const run = currentArtifacts(artifact.campaignId)
      if (ARTIFACT_TYPES.every(type => run[type])) campaign.liveStage = 'Auditing'
    }
  }

  function applyCompliance(result: ComplianceAuditResult): void {
    const known = compliance.value[result.campaignId]
    if (known && time(result.auditedAt) < time(known.auditedAt)) return
    compliance.value[result.campaignId] = result
    const campaign = record(result.campaignId)
    campaign.complianceScore = result.complianceScore
    campaign.complianceStatus = result.verdict
    // The audit judges the current versions: flagged where it found High issues, else passed; approvals stand.
    const flagged = new Set(result.issues.filter(issue => issue.severity === 'High').map(issue => issue.artifactType))
    for (const [type, id] of Object.entries(currentArtifactIds.value[result.campaignId] ?? {})) {
      if (id && versionStatus.value[id] !== 'Approved') versionStatus.value[id] = flagged.has(type) ? 'Flagged' : 'Passed'
    }
  }

  function applyCompleted(campaignId: string): void {
    const campaign = campaigns.value[campaignId]
    const audit = compliance.value[campaignId]
    // A run completes right after an audit newer than the last snapshot; anything else is a stale event.
    if (campaign?.status !== 'InProgress' || !audit || time(audit.auditedAt) < time(campaign.updatedAt)) return
    campaign.status = 'Completed'
    campaign.stage = null
    campaign.liveStage = null
    campaign.statusReason = null
    campaign.completedAt = audit.auditedAt
    Reflect.deleteProperty(streams.value, campaignId)
  }

  function applyFailure(failure: GenerationError): void {
    const campaign = record(failure.campaignId)
    if (time(failure.failedAt) < time(campaign.updatedAt)) return
    campaign.status = 'Failed'
    campaign.stage = null
    campaign.liveStage = null
    campaign.statusReason = failure.errorMessage
    campaign.updatedAt = failure.failedAt
    Reflect.deleteProperty(streams.value, failure.campaignId)
  }

  /** `OnReviewFeedbackReceived`: one new post. */
  function applyReviewFeedbackNotice(notice: ReviewFeedbackNotice): void {
    addReviewFeedback(record(notice.campaignId), [notice.feedback], notice.totalCount)
  }

  /** Older feedback the owner asked for (`GET /api/campaigns/{id}/review-feedback`). */
  function applyReviewFeedbackPage(page: ReviewFeedbackPage): void {
    addReviewFeedback(record(page.campaignId), page.feedback, page.totalCount)
  }

  /** Feedback is only ever added: every post seen is kept, and the largest count seen is the latest. */
  function addReviewFeedback(campaign: CampaignRecord, items: ReviewFeedback[], totalCount = 0): void {
    campaign.reviewFeedback = mergeReviewFeedback(campaign.reviewFeedback, items)
    campaign.reviewFeedbackCount = Math.max(campaign.reviewFeedbackCount, totalCount, campaign.reviewFeedback.length)
  }

  /** After a reconnect the chunks sent meanwhile are lost: the snapshot and fresh streams replace them. */
  function dropStreams(campaignId: string): void {
    Reflect.deleteProperty(streams.value, campaignId)
  }

  function applyVersions(campaignId: string, type: ArtifactType, list: ArtifactVersion[]): void {
    for (const version of list) {
      versions.value[version.id] = version
      versionStatus.value[version.id] = version.status
      storeArtifact(version)
    }
    const ids = new Set([...list.map(version => version.id), ...(versionIds.value[campaignId]?.[type] ?? [])])
    ;(versionIds.value[campaignId] ??= {})[type] = sortNewestFirst([...ids])
  }

  /** A version from a REST answer (an approval, an edit, a restore): its details, status and content. */
  function applyVersion(version: ArtifactVersion): void {
    versions.value[version.id] = version
    versionStatus.value[version.id] = version.status
    storeArtifact(version)
  }
  const applyApproval = applyVersion

  function forget(campaignId: string): void {
    Reflect.deleteProperty(campaigns.value, campaignId)
    Reflect.deleteProperty(currentArtifactIds.value, campaignId)
    Reflect.deleteProperty(versionIds.value, campaignId)
    Reflect.deleteProperty(compliance.value, campaignId)
    Reflect.deleteProperty(streams.value, campaignId)
    listing.value.ids = listing.value.ids.filter(id => id !== campaignId)
  }

  /** Keeps a version; makes it current when it is the newest of its type. Returns false when it is older than the current one. */
  function storeArtifact(artifact: CampaignArtifact): boolean {
    artifacts.value[artifact.id] = artifact
    const byType = currentArtifactIds.value[artifact.campaignId] ??= {}
    const ids = (versionIds.value[artifact.campaignId] ??= {})[artifact.type] ??= []
    if (!ids.includes(artifact.id)) versionIds.value[artifact.campaignId]![artifact.type] = sortNewestFirst([...ids, artifact.id])
    const currentId = byType[artifact.type]
    const current = currentId ? artifacts.value[currentId] : undefined
    if (current && iterationOf(current) > iterationOf(artifact)) return false
    byType[artifact.type] = artifact.id
    return true
  }

  function sortNewestFirst(ids: string[]): string[] {
    return ids.sort((a, b) => iterationOf(artifacts.value[b]!) - iterationOf(artifacts.value[a]!))
  }

  function currentArtifacts(campaignId: string): PerType<CampaignArtifact> {
    const byType = currentArtifactIds.value[campaignId] ?? {}
    return Object.fromEntries(Object.entries(byType).map(([type, id]) => [type, artifacts.value[id!]])) as PerType<CampaignArtifact>
  }

  function displayStage(campaign: CampaignRecord): CampaignStage | null {
    return campaign.status === 'InProgress' ? campaign.liveStage ?? campaign.stage : null
  }

  const listedCampaigns = computed(() => listing.value.ids.map(id => campaigns.value[id]).filter(campaign => campaign !== undefined))

  return {
    campaigns, artifacts, versions, versionStatus, currentArtifactIds, versionIds, compliance, streams, listing, listedCampaigns,
    applySummary, applyPage, applyDetail, applySnapshot, applyStarted, applyChunk, applyArtifact, applyCompliance,
    applyCompleted, applyFailure, applyReviewFeedbackNotice, onStreamGap, applyReviewFeedbackPage, dropStreams, applyVersions, applyApproval, applyVersion, forget,
    currentArtifacts, displayStage,
  }
})
