import type {
  ArtifactType, CampaignArtifact, CampaignBrief, ComplianceAuditResult, CopyMetadata, ShortCopyMetadata, VisualMetadata,
} from '#shared/campaign'

export interface CampaignExport {
  id: string
  theme: string
  status: string
  brief: CampaignBrief | null
  artifacts: Partial<Record<ArtifactType, CampaignArtifact>>
  compliance: ComplianceAuditResult | null
}

const list = (items: string[]) => items.map(item => `- ${item}`).join('\n')

/** One artifact as Markdown: its readable content, then its structure. */
export function artifactToMarkdown(artifact: CampaignArtifact): string {
  const sections = [`## ${ARTIFACT_TITLES[artifact.type]}`, `_Written by ${artifact.agentName} (${artifact.metadata.model}, version ${artifact.metadata.iteration})_`]
  if (artifact.type === 'Copy') {
    const copy = artifact.metadata as CopyMetadata
    sections.push('### Headlines', list(copy.headlines), '### Body', copy.body.short, copy.body.medium, copy.body.long, '### Calls to action', list(copy.callsToAction))
  }
  else if (artifact.type === 'ShortCopy') {
    for (const { platform, variants } of (artifact.metadata as ShortCopyMetadata).platforms) {
      sections.push(`### ${PLATFORM_NAMES[platform] ?? platform}`, list(variants.map(v => `${v.text} (${v.characterCount}/${v.limit})`)))
    }
  }
  else {
    for (const concept of (artifact.metadata as VisualMetadata).concepts) {
      sections.push(`### ${concept.name}`, `Palette: ${concept.palette.map(c => `${c.hex} (${c.role})`).join(', ')}`, `Alt text: ${concept.altText.text}`, `Prompt: ${concept.imagePrompt}`)
    }
  }
  return sections.join('\n\n')
}

/** The whole campaign as a Markdown document, for sharing outside the dashboard. */
export function campaignToMarkdown(campaign: CampaignExport): string {
  const parts = [`# ${campaign.theme}`, `Status: ${campaign.status}`]
  if (campaign.brief) {
    const { product, targetAudience, tone, platforms } = campaign.brief
    parts.push(list([`Product: ${product}`, `Audience: ${targetAudience}`, `Tone: ${tone}`, `Platforms: ${platforms.join(', ')}`]))
  }
  for (const type of ['Copy', 'ShortCopy', 'Visual'] as const) {
    const artifact = campaign.artifacts[type]
    if (artifact) parts.push(artifactToMarkdown(artifact))
  }
  if (campaign.compliance) {
    const { complianceScore, verdict, issues } = campaign.compliance
    parts.push('## Compliance', `Score ${complianceScore} — ${verdict}`, list(issues.map(i => `[${i.severity}] ${i.ruleId} at ${i.location}: ${i.issueDescription} → ${i.recommendation}`)))
  }
  return `${parts.join('\n\n')}\n`
}

/** Saves text as a file in the browser, without a round trip to the server. */
export function downloadText(filename: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
  URL.revokeObjectURL(url)
}

/** A file name from a campaign's theme: lower case, dashes, nothing a file system dislikes. */
export function fileSlug(theme: string): string {
  return theme.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'campaign'
}
