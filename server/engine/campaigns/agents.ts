import type { ArtifactType } from '#shared/campaign'

/** The product's agents, named in every artifact they write (`CampaignArtifact.agentName`). */
export const AGENT_NAMES: Record<ArtifactType, string> = {
  Copy: 'CopywriterAgent',
  ShortCopy: 'SocialCopyAgent',
  Visual: 'VisualConceptAgent',
}
export const AUDIT_AGENT_NAME = 'ComplianceAuditAgent'
