import { ARTIFACT_TYPES, type CampaignBrief } from '#shared/campaign'
import { ENGINE_ARTIFACT_KINDS, engineKind } from '../../artifact-types'
import type { AuditedArtifact } from '../audited-artifact'
import { defineRule, type Finding } from '../rule'
import { missing } from '../structure-gaps'

function gapsOf(artifact: AuditedArtifact, brief: CampaignBrief): Finding[] {
  const { audit } = engineKind(artifact.type)
  return artifact.metadata ? audit.gaps(artifact.metadata, brief) : [missing('metadata', audit.unreadable)]
}

export const structure = defineRule({
  id: 'clarity.structure',
  title: 'Complete and well formed',
  category: 'clarity',
  severity: 'Medium',
  explanation: `Each artifact must be complete: ${ARTIFACT_TYPES.map(type => ENGINE_ARTIFACT_KINDS[type].audit.completeness).join('; ')}.`,
  recommendation: 'Complete the missing parts of the artifact.',
  appliesTo: ARTIFACT_TYPES,
  check(artifact, { brief }) {
    return gapsOf(artifact, brief)
  },
})
