import type { CampaignBrief, Platform, ShortCopyMetadata } from '#shared/campaign'
import { hashtagKey, normaliseHashtag } from '../../content/hashtags'
import { countCharacters, PLATFORM_RULES } from '../../content/platform-rules'
import { publishedPost } from '../../content/published-post'
import { applyHashtagPolicy, finishShortCopy, type ShortCopyDraft } from '../../content/short-copy'
import { callsToAction, detail, emoji, hook, mustIncludeLines, slotsFor, values, flourish } from '../../writers/offline/lines'
import { capitalise, fill, joinSentences } from '../../writers/offline/phrasing'
import { fitsContract } from '../../writers/offline/writer-contract'
import type { WritingContext } from '../../writers/offline/writing-context'

export type WrittenShortCopy = Omit<ShortCopyMetadata, 'model' | 'iteration'>

const VARIANTS_PER_PLATFORM = 3

/** How each platform's posts are shaped: openings in its register, and how many hashtags it gets. */
interface PlatformVoice {
  openings: readonly string[]
  /** Paragraph breaks between parts (LinkedIn, Instagram) or one running line (X, TikTok). */
  separator: string
  hashtags: number
  /** Appends the required disclaimers when they fit; X is left out, as the copy carries them. */
  disclaimer: boolean
}

const VOICES: Readonly<Record<Platform, PlatformVoice>> = {
  x: {
    openings: ['{hook} {Product} is made for {audience}.', '{Theme}, with {product}.', 'New from {brand}: {product}.', '{Audience}, meet {product}.', '{hook} {Product} is here.'],
    separator: ' ',
    hashtags: 2,
    disclaimer: false,
  },
  linkedin: {
    openings: [
      '{Theme}. That is why {brand} made {product} for {audience}.',
      '{hook} {Product}, made for {audience}.',
      '{Theme}: introducing {product}, made for {audience}.',
      'We built {product} for {audience}.',
    ],
    separator: '\n\n',
    hashtags: 3,
    disclaimer: true,
  },
  instagram: {
    openings: ['{emoji} {hook} {Product} is here.', '{Theme} {emoji}', 'Meet {product}, made for {audience} {emoji}', '{emoji} {Theme}, with {product}.'],
    separator: '\n\n',
    hashtags: 5,
    disclaimer: true,
  },
  facebook: {
    openings: ['{hook} {Product} is made for {audience}.', 'Have you met {product} yet?', '{Theme}: meet {product}.', 'Say hello to {product}, made for {audience}.'],
    separator: ' ',
    hashtags: 2,
    disclaimer: true,
  },
  tiktok: {
    openings: ['{hook} {Product} is here {emoji}', 'POV: you found {product} {emoji}', '{Audience}, this one is for you {emoji}', '{Theme} {emoji}'],
    separator: ' ',
    hashtags: 4,
    disclaimer: true,
  },
}

/** "night serum" → "NightSerum"; empty when the words hold marks no hashtag can carry. */
function pascalCase(text: string): string {
  if (/\p{M}/u.test(text)) return ''
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).map(capitalise).join('')
}

/** Longer tags are hard to read and rarely searched for. */
const LONGEST_TAG = 24
/** A theme longer than this is a sentence, not a tag. */
const MOST_THEME_TAG_WORDS = 3

/**
 * The brand, the product and a short theme, each as one whole tag, never single words picked out of a
 * phrase (#Without, #Panic); the hashtag policy then applies the brand kit.
 */
function hashtagsFor(context: WritingContext, count: number): string[] {
  const { facts } = context
  const theme = facts.theme.split(' ').length <= MOST_THEME_TAG_WORDS ? pascalCase(facts.theme) : ''
  const candidates = [pascalCase(context.brand), pascalCase(context.product), theme]
    .map(normaliseHashtag).filter(tag => tag !== '' && tag.length <= LONGEST_TAG + 1 && context.allows(tag))
  const unique = [...new Map(candidates.map(tag => [hashtagKey(tag), tag])).values()]
  return unique.slice(0, count)
}

/** An opening ends its sentence before any emoji, so the next part never runs on ("for you You spend…"). */
function closed(opening: string): string {
  const [, words = '', emoji = ''] = /^(.*?)([\s\p{Extended_Pictographic}\uFE0F]*)$/u.exec(opening.trim()) ?? []
  if (words === '' || /[.!?:…]$/u.test(words)) return opening.trim()
  return `${words}.${emoji}`
}

function tidy(text: string): string {
  return text.replace(/[ \t]{2,}/gu, ' ').replace(/ +([.,!?])/gu, '$1').replace(/^\s+|\s+$/gu, '').replace(/ *\n */gu, '\n')
}

/** Candidate posts from fullest to leanest; the first that fits the platform's and the brief's limits is used. */
function candidatePosts(context: WritingContext, platform: Platform, index: number, opening: string, action: string): string[] {
  const voice = VOICES[platform]
  const required = mustIncludeLines(context)
  // The brief's own description goes in the first variant, so what it claims is in front of the audit.
  const described = index === 0 ? [detail(context)] : []
  const [value = ''] = values(context, 1)
  const body = [opening, joinSentences([...described, value, platform === 'linkedin' ? flourish(context) : undefined]), joinSentences(required), joinSentences([action])]
  const lean = [opening, joinSentences(required), joinSentences([action])]
  // For the tightest limits: what the brief requires and the call to action, nothing of the writer's own.
  const bare = [joinSentences(required), joinSentences([action])]
  const disclaimer = voice.disclaimer ? context.contract.disclaimers : []
  const shapes = context.revision.shorten ? [lean, bare] : [[...body, ...disclaimer], body, [...lean, ...disclaimer], lean, bare]
  return shapes.map(parts => tidy(parts.filter(part => part.trim() !== '').join(voice.separator)))
}

/** The post as published (with its hashtags) within the platform's limit and every length the brief sets for posts. */
function fitsLimit(context: WritingContext, brief: CampaignBrief, platform: Platform, text: string, hashtags: string[]): boolean {
  const published = publishedPost({ text, hashtags: applyHashtagPolicy(brief, platform, text, hashtags, context.contract.hashtags) })
  return countCharacters(platform, published) <= PLATFORM_RULES[platform].limit && fitsContract(context.contract, 'posts', published, platform)
}

/**
 * The fullest post that fits, with the writer's own hashtags; when none fits, the fullest that fits without
 * them (required tags stay); failing that the leanest, and the audit reports the overflow.
 */
function fittedPost(context: WritingContext, brief: CampaignBrief, platform: Platform, candidates: readonly string[], hashtags: string[]): { text: string, hashtags: string[] } {
  for (const tags of [hashtags, []]) {
    const text = candidates.find(candidate => fitsLimit(context, brief, platform, candidate, tags))
    if (text !== undefined) return { text, hashtags: tags }
  }
  return { text: candidates[candidates.length - 1] ?? '', hashtags }
}

function draftPlatform(context: WritingContext, brief: CampaignBrief, platform: Platform): ShortCopyDraft {
  const voice = VOICES[platform]
  const slots = { ...slotsFor(context), hook: hook(context), emoji: emoji(context) }
  // "New from EcoSip: EcoSip bottle" says the name twice, so brand openings need a brand distinct from the name.
  const templates = context.name === context.brand ? voice.openings.filter(opening => !opening.includes('{brand}')) : voice.openings
  const openings = context.chooseMany(templates.map(opening => closed(fill(opening, slots))), VARIANTS_PER_PLATFORM)
  const actions = callsToAction(context, VARIANTS_PER_PLATFORM)
  const variants = Array.from({ length: VARIANTS_PER_PLATFORM }, (_, index) => {
    const opening = openings[index % Math.max(1, openings.length)] ?? ''
    const action = actions[index % Math.max(1, actions.length)] ?? ''
    const hashtags = hashtagsFor(context, voice.hashtags)
    return fittedPost(context, brief, platform, candidatePosts(context, platform, index, opening, action), hashtags)
  })
  return { platform, variants }
}

export function writeShortCopy(context: WritingContext, brief: CampaignBrief): WrittenShortCopy {
  return { platforms: finishShortCopy(brief, brief.platforms.map(platform => draftPlatform(context, brief, platform)), context.contract.hashtags) }
}
