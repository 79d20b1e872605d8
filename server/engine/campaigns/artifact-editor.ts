import {
  ARTIFACT_TYPES, MAX_ARTIFACT_VERSIONS, RUNNING_STAGES,
  type ArtifactEdit, type ArtifactType, type ArtifactVersion, type CampaignStage,
} from '#shared/campaign'
import type { ArtifactVersionRow } from '../../db/schema'
import type { CampaignEvents } from '../orchestrator/campaign-events'
import { editedVersion, restoredVersion, type PersonMadeVersion } from './artifact-edit'
import { auditCurrentVersions, personChangeAuditor } from './audit-current-versions'
import { CampaignConflictError, CampaignNotFoundError, CampaignResourceNotFoundError } from './campaign-errors'
import type { CampaignRepository } from './campaign-repository'
import { toArtifact, toVersion } from './campaign-views'
import { announceStatus } from './status-announcer'

/** Who saves the version: the campaign's owner, named by their display name in its provenance. */
export interface Editor {
  id: string
  name: string
}

/**
 * Versions a person makes: an edit of the current version's text, or a restore of an earlier
 * version. Each is a new version (nothing is overwritten, approvals stay with the versions they
 * approved), audited at once by the rules, and announced with the same events as a run's.
 */
export class ArtifactEditor {
  constructor(private readonly repository: CampaignRepository, private readonly events: CampaignEvents) {}

  /** `artifact` is an artifact type or the id of any of its versions, as in the REST paths. */
  edit(editor: Editor, campaignId: string, artifact: string, edit: ArtifactEdit): Promise<ArtifactVersion> {
    return this.save(editor, campaignId, artifact, async (brief, current) => {
      if (edit.basedOn !== current.iteration) {
        throw new CampaignConflictError(`Version ${current.iteration} has been saved since version ${edit.basedOn}: reload it and make the change again.`)
      }
      return editedVersion(brief, current, edit, current.iteration + 1, editor.name)
    })
  }

  restore(editor: Editor, campaignId: string, artifact: string, iteration: number): Promise<ArtifactVersion> {
    return this.save(editor, campaignId, artifact, async (_brief, current, repository) => {
      if (iteration === current.iteration) throw new CampaignConflictError(`Version ${iteration} is already the current version.`)
      const source = await repository.findIteration(campaignId, current.type, iteration)
      if (!source) throw new CampaignResourceNotFoundError(`This artifact has no version ${iteration}.`)
      return restoredVersion(source, current.iteration + 1, editor.name)
    })
  }

  private async save(
    editor: Editor,
    campaignId: string,
    artifact: string,
    make: (brief: Parameters<typeof editedVersion>[0], current: ArtifactVersionRow, repository: CampaignRepository) => Promise<PersonMadeVersion>,
  ): Promise<ArtifactVersion> {
    if (!(await this.repository.findOwned(campaignId, editor.id))) throw new CampaignNotFoundError(campaignId)
    const type = await this.typeOf(campaignId, artifact)
    const saved = await this.repository.withCampaignLocked(campaignId, async (repository, row) => {
      if (RUNNING_STAGES.includes(row.stage as CampaignStage)) {
        throw new CampaignConflictError('The campaign is being generated: wait for the run to end, or cancel it, then edit.')
      }
      const [current, previousAudit] = await Promise.all([
        repository.currentVersions(campaignId).then(versions => versions.find(version => version.type === type)),
        repository.latestAudit(campaignId),
      ])
      if (!current) throw new CampaignResourceNotFoundError(`The campaign has no ${type} artifact yet.`)
      if (current.iteration >= MAX_ARTIFACT_VERSIONS) {
        throw new CampaignConflictError(`This artifact has ${current.iteration} versions, the most it may have.`)
      }
      const made = await make(row.brief, current, repository)
      const version = await repository.appendVersion({
        campaignId, type, iteration: current.iteration + 1, ...made, agentName: editor.name, feedback: [], tags: [], runId: null,
      })
      const audited = await auditCurrentVersions(repository, row, personChangeAuditor(previousAudit?.result ?? null, type))
      const campaign = await repository.update(campaignId, {})
      return { version: audited.current.find(candidate => candidate.id === version.id) ?? version, audited, campaign: campaign ?? row }
    })
    if (!saved) throw new CampaignNotFoundError(campaignId)
    // Announced once committed, as a run announces its versions and audits.
    this.events.artifactGenerated(toArtifact(saved.version))
    this.events.complianceChecked(saved.audited.result)
    await announceStatus(this.repository, this.events, saved.campaign)
    return toVersion(saved.version, saved.audited.audit)
  }

  private async typeOf(campaignId: string, artifact: string): Promise<ArtifactType> {
    if ((ARTIFACT_TYPES as readonly string[]).includes(artifact)) return artifact as ArtifactType
    const version = await this.repository.findVersion(campaignId, artifact)
    if (!version) throw new CampaignResourceNotFoundError(`Artifact '${artifact}' was not found in this campaign.`)
    return version.type
  }
}
