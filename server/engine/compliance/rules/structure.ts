import type { CampaignBrief } from '#shared/campaign'
import { PLATFORM_NAMES } from '../../content/render'
import type { AuditedArtifact } from '../audited-artifact'
import type { AuditedCopy, AuditedShortCopy, AuditedVisual } from '../metadata-schemas'
import { defineRule, type Finding } from '../rule'

export const FEWEST_HEADLINES = 3
export const FEWEST_CALLS_TO_ACTION = 3
export const FEWEST_VARIANTS_PER_PLATFORM = 3
export const FEWEST_VISUAL_CONCEPTS = 2

function missing(location: string, description: string): Finding {
  return { location, description }
}

function distinct(texts: readonly string[]): number {
  return new Set(texts.map(text => text.trim().toLowerCase()).filter(Boolean)).size
}

function copyGaps(copy: AuditedCopy): Finding[] {
  const gaps: Finding[] = []
  if (distinct(copy.headlines) < FEWEST_HEADLINES) gaps.push(missing('headlines', `Fewer than ${FEWEST_HEADLINES} distinct headlines.`))
  for (const [length, text] of Object.entries(copy.body)) {
    if (text.trim() === '') gaps.push(missing(`body.${length}`, `The ${length} body is empty.`))
  }
  if (distinct(copy.callsToAction) < FEWEST_CALLS_TO_ACTION) gaps.push(missing('callsToAction', `Fewer than ${FEWEST_CALLS_TO_ACTION} calls to action.`))
  if (copy.toneNote.trim() === '') gaps.push(missing('toneNote', 'No tone note.'))
  return gaps
}

function shortCopyGaps(shortCopy: AuditedShortCopy, brief: CampaignBrief): Finding[] {
  return brief.platforms.flatMap((platform) => {
    const written = shortCopy.platforms.find(entry => entry.platform === platform)
    const count = written ? written.variants.filter(variant => variant.text.trim() !== '').length : 0
    return count >= FEWEST_VARIANTS_PER_PLATFORM ? [] : [missing(PLATFORM_NAMES[platform], `${count} of ${FEWEST_VARIANTS_PER_PLATFORM} variants written for ${PLATFORM_NAMES[platform]}.`)]
  })
}

function visualGaps(visual: AuditedVisual): Finding[] {
  const gaps: Finding[] = []
  if (visual.concepts.length < FEWEST_VISUAL_CONCEPTS) gaps.push(missing('concepts', `Fewer than ${FEWEST_VISUAL_CONCEPTS} concepts.`))
  visual.concepts.forEach((concept, index) => {
    const at = `concepts[${index}]`
    const roles = new Set(concept.palette.map(swatch => swatch.role))
    if (!roles.has('text') || !roles.has('background')) gaps.push(missing(`${at}.palette`, 'The palette names no text colour on a background colour.'))
    if (concept.layout.length === 0) gaps.push(missing(`${at}.layout`, 'No layout hierarchy.'))
    if (concept.imagePrompt.trim() === '') gaps.push(missing(`${at}.imagePrompt`, 'No image-generation prompt.'))
  })
  return gaps
}

function gapsOf(artifact: AuditedArtifact, brief: CampaignBrief): Finding[] {
  switch (artifact.type) {
    case 'Copy': return artifact.metadata ? copyGaps(artifact.metadata) : [missing('metadata', 'The copy has no readable structure.')]
    case 'ShortCopy': return artifact.metadata ? shortCopyGaps(artifact.metadata, brief) : [missing('metadata', 'The short copy has no readable structure.')]
    case 'Visual': return artifact.metadata ? visualGaps(artifact.metadata) : [missing('metadata', 'The visual has no readable structure.')]
  }
}

export const structure = defineRule({
  id: 'clarity.structure',
  title: 'Complete and well formed',
  category: 'clarity',
  severity: 'Medium',
  explanation: `Each artifact must be complete: copy with ${FEWEST_HEADLINES} headlines, three body lengths, ${FEWEST_CALLS_TO_ACTION} calls to action and a tone note; short copy with ${FEWEST_VARIANTS_PER_PLATFORM} variants per platform; visuals with ${FEWEST_VISUAL_CONCEPTS} concepts, each with palette, layout and prompt.`,
  recommendation: 'Complete the missing parts of the artifact.',
  appliesTo: ['Copy', 'ShortCopy', 'Visual'],
  check(artifact, { brief }) {
    return gapsOf(artifact, brief)
  },
})
