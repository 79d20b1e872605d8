import type { CopyMetadata, Platform, ShortCopyMetadata, VisualMetadata } from '#shared/campaign'
import { PLATFORM_RULES } from './platform-rules'
import { publishedPost } from './published-post'

/*
 * The readable `content` of each artifact: plain text with simple "## " headings and blank lines
 * between sections. It is shown escaped, as text, so nothing here is markup.
 */

type Renderable<M> = Omit<M, 'model' | 'iteration'>

export const PLATFORM_NAMES: Readonly<Record<Platform, string>> = {
  x: 'X',
  linkedin: 'LinkedIn',
  instagram: 'Instagram',
  facebook: 'Facebook',
  tiktok: 'TikTok',
}

function section(heading: string, lines: string[]): string {
  return [`## ${heading}`, ...lines].join('\n')
}

function sections(parts: string[]): string {
  return `${parts.join('\n\n')}\n`
}

export function renderCopy(metadata: Renderable<CopyMetadata>): string {
  return sections([
    section('Headlines', metadata.headlines.map((headline, index) => `${index + 1}. ${headline}`)),
    section('Body (short)', [metadata.body.short]),
    section('Body (medium)', [metadata.body.medium]),
    section('Body (long)', [metadata.body.long]),
    section('Calls to action', metadata.callsToAction.map(action => `- ${action}`)),
    section('Tone note', [metadata.toneNote]),
  ])
}

export function renderShortCopy(metadata: Renderable<ShortCopyMetadata>): string {
  return sections(metadata.platforms.map(({ platform, variants }) => {
    const counting = PLATFORM_RULES[platform].counting === 'weighted' ? 'weighted characters' : 'characters'
    const heading = `${PLATFORM_NAMES[platform]} (up to ${PLATFORM_RULES[platform].limit} ${counting})`
    const posts = variants.map((variant, index) => {
      const status = variant.overLimit ? ' — over the limit' : ''
      return `Variant ${index + 1} · ${variant.characterCount}/${variant.limit}${status}\n${publishedPost(variant)}`
    })
    return section(heading, [posts.join('\n\n')])
  }))
}

export function renderVisual(metadata: Renderable<VisualMetadata>): string {
  return sections(metadata.concepts.map((concept, index) => section(`Concept ${index + 1}: ${concept.name}`, [
    `Palette: ${concept.palette.map(swatch => `${swatch.hex} ${swatch.role}`).join(', ')}`,
    'Layout, most prominent first:',
    ...concept.layout.map((element, position) => `${position + 1}. ${element}`),
    `Alt text: ${concept.altText.text}`,
    `Subject: ${concept.altText.subject}`,
    `Purpose: ${concept.altText.purpose}`,
    `Mood: ${concept.altText.mood}`,
    `Image prompt: ${concept.imagePrompt}`,
    ...concept.contrast.map(pair =>
      `Contrast: ${pair.foreground} on ${pair.background} is ${pair.ratio}:1 (${pair.passesAA ? 'passes' : 'fails'} WCAG AA)`),
  ])))
}
