import type { ShortCopyMetadata } from '#shared/campaign'
import { PLATFORM_RULES } from '../../content/platform-rules'
import { publishedPost } from '../../content/published-post'
import { PLATFORM_NAMES, section, sections } from '../../content/render'
import type { Written } from '../kind'

export function renderShortCopy(metadata: Written<ShortCopyMetadata>): string {
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
