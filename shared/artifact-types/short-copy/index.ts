import { z } from '../../schemas/zod'
import { storableString } from '../../schemas/storable-text'
import { PLATFORMS } from '../../campaign/platforms'
import { markdownBlock, markdownInline } from '../../utils/markdown-text'
import { PLATFORM_NAMES } from '../../utils/platform-names'
import { publishedPost } from '../../utils/published-post'
import { ARTIFACT_LIMITS as L, basedOn, editedField, editedList, postTextLimit } from '../edit-schema-parts'
import { defineArtifactKind, editField } from '../kind'
import { shortCopyMetadataSchema, type ShortCopyMetadata } from './metadata'

/** Short social posts: a few variants for each of the brief's platforms. */
export const shortCopyKind = defineArtifactKind<ShortCopyMetadata>()({
  title: 'Short copy',
  agentTitle: 'Social writer',
  metadataSchema: shortCopyMetadataSchema,
  editSchema: z.object({
    type: z.literal('ShortCopy'),
    basedOn,
    platforms: z.array(z.object({
      platform: z.enum(PLATFORMS, { error: `One of ${PLATFORMS.join(', ')}` }),
      variants: editedList(z.object({
        text: editedField(L.post).meta({ description: `At most ${L.post} characters; on X at most ${L.xPost} (X counts each link as 23).` }),
        hashtags: z.array(storableString().trim().max(L.hashtag, `At most ${L.hashtag} characters`)).max(L.hashtags, `At most ${L.hashtags} hashtags`).default([]),
      }), L.variants, 'posts'),
    }).superRefine(({ platform, variants }, context) => {
      const max = postTextLimit(platform)
      variants.forEach((variant, index) => {
        if (variant.text.length > max) context.addIssue({ code: 'custom', path: ['variants', index, 'text'], message: `At most ${max} characters on ${PLATFORM_NAMES[platform]}` })
      })
    })).min(1, 'At least one platform').max(PLATFORMS.length, `At most ${PLATFORMS.length} platforms`),
  }),
  textAt(shortCopy, location) {
    const post = /^(\S+) variant (\d+)$/u.exec(location)
    if (!post) return undefined
    const variant = shortCopy.platforms?.find(entry => entry.platform === post[1])?.variants[Number(post[2]) - 1]
    return variant ? publishedPost(variant) : undefined
  },
  editFields: shortCopy => shortCopy.platforms.flatMap(({ platform, variants }, p) => variants.map((variant, v) =>
    editField(`platforms.${p}.variants.${v}.text`, `${PLATFORM_NAMES[platform]} post ${v + 1}`, variant.text, postTextLimit(platform), true))),
  editedText: (shortCopy, text) => ({
    platforms: shortCopy.platforms.map(({ platform, variants }, p) => ({
      platform,
      variants: variants.map((variant, v) => ({ text: text(`platforms.${p}.variants.${v}.text`, variant.text), hashtags: variant.hashtags })),
    })),
  }),
  // Each post under its own heading, as published (hashtags included), its paragraphs as they are:
  // the count stays in the heading, so copying the post takes the post alone.
  markdown: shortCopy => shortCopy.platforms.flatMap(({ platform, variants }) => [
    `### ${markdownInline(PLATFORM_NAMES[platform])}`,
    ...variants.flatMap((variant, index) => [
      `#### Post ${index + 1} (${variant.characterCount}/${variant.limit} characters)`,
      markdownBlock(publishedPost(variant)),
    ]),
  ]),
})
