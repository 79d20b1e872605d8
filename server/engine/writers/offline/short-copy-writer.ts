import type { CampaignBrief, Platform, ShortCopyMetadata } from '#shared/campaign'
import { hashtagKey, normaliseHashtag } from '../../content/hashtags'
import { countCharacters, PLATFORM_RULES } from '../../content/platform-rules'
import { publishedPost } from '../../content/published-post'
import { applyHashtagPolicy, finishShortCopy, type ShortCopyDraft } from '../../content/short-copy'
import { callsToAction, emoji, hook, mustIncludeLines, riskyLines, slotsFor, values, flourish } from './lines'
import { capitalise, fill, joinSentences } from './phrasing'
import type { WritingContext } from './writing-context'

export type WrittenShortCopy = Omit<ShortCopyMetadata, 'model' | 'iteration'>

const VARIANTS_PER_PLATFORM = 3

/** How each platform's posts are shaped: openings in its register, and how many hashtags it gets. */
interface PlatformVoice {
  openings: readonly string[]
  /** Paragraph breaks between parts (LinkedIn, Instagram) or one running line (X, TikTok). */
  separator: string
  hashtags: number
  /** Appends the brand's disclaimer when it fits; X is left out, as the copy carries it. */
  disclaimer: boolean
}

const VOICES: Readonly<Record<Platform, PlatformVoice>> = {
  x: {
    openings: ['{hook} {Product} is made for {audience}.', '{Theme}, made simple.', 'New from {brand}: {product}.', '{Audience}, meet {product}.', '{hook} {theme}, the easy way.'],
    separator: ' ',
    hashtags: 2,
    disclaimer: false,
  },
  linkedin: {
    openings: [
      '{Theme} matters to {audience}. That is why {brand} made {product}.',
      '{hook} {product}, made for {audience}.',
      'What should {theme} look like for {audience}? We think it should be simple.',
      'We built {product} for {audience}.',
    ],
    separator: '\n\n',
    hashtags: 3,
    disclaimer: true,
  },
  instagram: {
    openings: ['{emoji} {hook} {Product} is here.', '{Theme}, made simple {emoji}', 'Meet {product} {emoji} Made for {audience}.', '{emoji} Your {theme} starts here.'],
    separator: '\n\n',
    hashtags: 5,
    disclaimer: true,
  },
  facebook: {
    openings: ['{hook} {Product} is made for {audience}.', 'Have you met {product} yet?', '{Theme} just got simpler with {product}.', 'Say hello to {product}, made for {audience}.'],
    separator: ' ',
    hashtags: 2,
    disclaimer: true,
  },
  tiktok: {
    openings: ['{hook} {theme}, the easy way {emoji}', 'POV: you found {product} {emoji}', '{Audience}, this one is for you {emoji}', 'Meet {product} {emoji}'],
    separator: ' ',
    hashtags: 4,
    disclaimer: true,
  },
}

function pascalCase(text: string): string {
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(capitalise).join('')
}

/** Longer tags are hard to read and rarely searched for. */
const LONGEST_TAG = 24

/** Brand, theme and keyword tags in a seeded order after the brand's own; the hashtag policy then applies the brand kit. */
function hashtagsFor(context: WritingContext, count: number): string[] {
  const theme = pascalCase(context.facts.theme)
  const candidates = [
    pascalCase(context.brand),
    theme,
    ...context.random.shuffle(context.facts.keywords.map(pascalCase)),
  ].map(normaliseHashtag).filter(tag => tag !== '' && tag.length <= LONGEST_TAG + 1 && context.allows(tag))
  const unique = [...new Map(candidates.map(tag => [hashtagKey(tag), tag])).values()]
  return unique.slice(0, count)
}

function tidy(text: string): string {
  return text.replace(/[ \t]{2,}/gu, ' ').replace(/ +([.,!?])/gu, '$1').replace(/^\s+|\s+$/gu, '').replace(/ *\n */gu, '\n')
}

/** Candidate posts from fullest to leanest; the first that fits the platform's limit is used. */
function candidatePosts(context: WritingContext, platform: Platform, index: number, opening: string, action: string): string[] {
  const voice = VOICES[platform]
  const required = mustIncludeLines(context)
  const risky = index === 0 ? riskyLines(context) : []
  const [value = ''] = values(context, 1)
  const body = [opening, joinSentences([value, platform === 'linkedin' ? flourish(context) : undefined]), joinSentences([...risky, ...required]), joinSentences([action])]
  const lean = [opening, joinSentences([...risky, ...required]), joinSentences([action])]
  const disclaimer = voice.disclaimer && context.facts.disclaimer ? [context.facts.disclaimer] : []
  const shapes = context.revision.shorten ? [lean] : [[...body, ...disclaimer], body, [...lean, ...disclaimer], lean]
  return shapes.map(parts => tidy(parts.filter(part => part.trim() !== '').join(voice.separator)))
}

function fitsLimit(brief: CampaignBrief, platform: Platform, text: string, hashtags: string[]): boolean {
  const published = publishedPost({ text, hashtags: applyHashtagPolicy(brief, platform, text, hashtags) })
  return countCharacters(platform, published) <= PLATFORM_RULES[platform].limit
}

function draftPlatform(context: WritingContext, brief: CampaignBrief, platform: Platform): ShortCopyDraft {
  const voice = VOICES[platform]
  const slots = { ...slotsFor(context), hook: hook(context), emoji: emoji(context) }
  // "New from EcoSip: EcoSip bottle" says the name twice, so brand openings need a brand distinct from the name.
  const templates = context.name === context.brand ? voice.openings.filter(opening => !opening.includes('{brand}')) : voice.openings
  const openings = context.chooseMany(templates.map(opening => fill(opening, slots)), VARIANTS_PER_PLATFORM)
  const actions = callsToAction(context, VARIANTS_PER_PLATFORM)
  const variants = Array.from({ length: VARIANTS_PER_PLATFORM }, (_, index) => {
    const opening = openings[index % Math.max(1, openings.length)] ?? ''
    const action = actions[index % Math.max(1, actions.length)] ?? ''
    const hashtags = hashtagsFor(context, voice.hashtags)
    const candidates = candidatePosts(context, platform, index, opening, action)
    const text = candidates.find(candidate => fitsLimit(brief, platform, candidate, hashtags)) ?? candidates[candidates.length - 1] ?? ''
    return { text, hashtags }
  })
  return { platform, variants }
}

export function writeShortCopy(context: WritingContext, brief: CampaignBrief): WrittenShortCopy {
  return { platforms: finishShortCopy(brief, brief.platforms.map(platform => draftPlatform(context, brief, platform))) }
}
