import { ARTIFACT_TYPES, type ArtifactType } from '#shared/campaign'
import { ENGINE_ARTIFACT_KINDS } from '../artifact-types'

/** The product's agents, named in every artifact they write (`CampaignArtifact.agentName`): each type's `agentName`. */
export const AGENT_NAMES = Object.fromEntries(ARTIFACT_TYPES.map(type => [type, ENGINE_ARTIFACT_KINDS[type].agentName])) as Record<ArtifactType, string>
export const AUDIT_AGENT_NAME = 'ComplianceAuditAgent'
