import type { ArtifactType, CampaignStatusSnapshot } from '#shared/campaign'
import type { ArtifactVersionRow, ComplianceAuditRow } from '../../db/schema'
import type { CampaignWithFeedback, TakenCampaign } from '../campaigns/campaign-with-feedback'
import { toSnapshot } from '../campaigns/campaign-views'

/**
 * The campaign's current versions and latest audit, read by the statement that takes the run and then
 * kept as the run writes them, so its snapshots and its next iterations need no reads: while the run
 * holds the campaign nothing else writes versions or audits (edits and approvals wait for it to
 * end, and an executor that lost the run writes nothing).
 */
export class RunState {
  private constructor(
    private readonly current: Map<ArtifactType, ArtifactVersionRow>,
    private audit: ComplianceAuditRow | null,
  ) {}

  /** From what the take read (`takenCampaignColumns`). */
  static of({ current, audit }: Pick<TakenCampaign, 'current' | 'audit'>): RunState {
    return new RunState(new Map(current.map(version => [version.type, version])), audit)
  }

  /** The newest version of each type, in the order the database lists them (by type). */
  currentVersions(): ArtifactVersionRow[] {
    return [...this.current.values()].sort((a, b) => (a.type < b.type ? -1 : a.type > b.type ? 1 : 0))
  }

  currentOf(type: ArtifactType): ArtifactVersionRow | undefined {
    return this.current.get(type)
  }

  /** The iteration the next version of `type` takes. */
  nextIteration(type: ArtifactType): number {
    return (this.current.get(type)?.iteration ?? 0) + 1
  }

  versionWritten(version: ArtifactVersionRow): void {
    this.current.set(version.type, version)
  }

  /** A stored audit, with the versions as it left them (their new statuses). */
  audited(audit: ComplianceAuditRow, judged: ArtifactVersionRow[]): void {
    this.audit = audit
    for (const version of judged) this.current.set(version.type, version)
  }

  snapshot(campaign: CampaignWithFeedback): CampaignStatusSnapshot {
    return toSnapshot(campaign, {
      current: this.currentVersions(),
      audit: this.audit,
      feedback: campaign.newestFeedback,
      feedbackCount: campaign.feedbackCount,
    })
  }
}
