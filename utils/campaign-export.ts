import {
  ARTIFACT_TITLES, ARTIFACT_TYPES, artifactKind, versionOrigin,
  type ArtifactType, type CampaignArtifact, type CampaignBrief, type ComplianceAuditResult, type Platform, type ShortCopyMetadata,
  type VisualMetadata,
} from '#shared/campaign'
import { markdownInline, markdownList } from '#shared/utils/markdown-text'
import { publishedPost } from '#shared/utils/published-post'
import { toCsv } from './csv'

export interface CampaignExport {
  id: string
  theme: string
  status: string
  brief: CampaignBrief | null
  artifacts: Partial<Record<ArtifactType, CampaignArtifact>>
  compliance: ComplianceAuditResult | null
}

/**
 * Every user- or model-supplied text passes through markdownInline or markdownBlock: a brief or a
 * draft could otherwise forge sections (a "## Compliance … Pass"), or carry HTML and links.
 */
const list = (items: string[]) => markdownList(items.map(markdownInline))

/** One artifact as Markdown: its title and byline, then its structure as its type lays it out. */
export function artifactToMarkdown(artifact: CampaignArtifact): string {
  const { model, iteration } = artifact.metadata
  const origin = versionOrigin(artifact.metadata)
  const byline = origin ? `${origin} (version ${iteration})` : `Written by ${artifact.agentName} (${model}, version ${iteration})`
  const sections = [`## ${ARTIFACT_TITLES[artifact.type]}`, `_${markdownInline(byline)}_`]
  sections.push(...artifactKind(artifact.type).markdown(artifact.metadata))
  return sections.filter(section => section !== '').join('\n\n')
}

/** The whole campaign as a Markdown document, for sharing outside the dashboard. */
export function campaignToMarkdown(campaign: CampaignExport): string {
  const parts = [`# ${markdownInline(campaign.theme)}`, markdownInline(`Status: ${campaign.status}`)]
  if (campaign.brief) {
    const { product, targetAudience, tone, platforms } = campaign.brief
    parts.push(list([`Product: ${product}`, `Audience: ${targetAudience}`, `Tone: ${tone}`, `Platforms: ${platforms.join(', ')}`]))
  }
  for (const type of ARTIFACT_TYPES) {
    const artifact = campaign.artifacts[type]
    if (artifact) parts.push(artifactToMarkdown(artifact))
  }
  if (campaign.compliance) {
    const { complianceScore, verdict, issues } = campaign.compliance
    parts.push('## Compliance', markdownInline(`Score ${complianceScore} — ${verdict}`), list(issues.map(i => `[${i.severity}] ${i.ruleId} at ${i.location}: ${i.issueDescription} → ${i.recommendation}`)))
  }
  return `${parts.filter(part => part !== '').join('\n\n')}\n`
}

/** The columns bulk-scheduling tools map on import. */
export const CSV_COLUMNS = ['Text', 'Link', 'Image alt text'] as const
const LINK = /https?:\/\/[^\s<>"]+[^\s<>".,;:!?)'\]]/

/**
 * One platform's posts as CSV rows for a bulk-scheduling tool: the post as published, the first link
 * it carries, and the alt text of a visual concept (the concepts taken in turn, post by post).
 */
export function platformPostsCsv(artifacts: CampaignExport['artifacts'], platform: Platform): string {
  const shortCopy = artifacts.ShortCopy?.metadata as ShortCopyMetadata | undefined
  const concepts = (artifacts.Visual?.metadata as VisualMetadata | undefined)?.concepts ?? []
  const variants = shortCopy?.platforms.find(entry => entry.platform === platform)?.variants ?? []
  return toCsv(CSV_COLUMNS, variants.map((variant, index) => {
    const text = publishedPost(variant)
    return [text, LINK.exec(text)?.[0] ?? '', concepts.length ? concepts[index % concepts.length]!.altText.text : '']
  }))
}

/** The platforms that have posts to export. */
export function exportablePlatforms(artifacts: CampaignExport['artifacts']): Platform[] {
  const shortCopy = artifacts.ShortCopy?.metadata as ShortCopyMetadata | undefined
  return (shortCopy?.platforms ?? []).filter(entry => entry.variants.length > 0).map(entry => entry.platform)
}

/** Saves a file in the browser, without a round trip to the server. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = filename
  link.click()
  URL.revokeObjectURL(url)
}

export function downloadText(filename: string, text: string, type: string): void {
  downloadBlob(filename, new Blob([text], { type }))
}

/** A file name from a campaign's theme: lower case, dashes, nothing a file system dislikes. */
export function fileSlug(theme: string): string {
  return theme.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60) || 'campaign'
}
