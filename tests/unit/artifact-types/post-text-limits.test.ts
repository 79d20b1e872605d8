import { describe, expect, it } from 'vitest'
import { ARTIFACT_KINDS, ARTIFACT_LIMITS, postTextLimit, type ShortCopyMetadata } from '#shared/campaign'
import { engineKind } from '../../../server/engine/artifact-types'
import { makeBrief } from '../engine/support/fixtures'

const brief = makeBrief({ platforms: ['x', 'linkedin'] })
const shortCopy = ARTIFACT_KINDS.ShortCopy

/** Three variants a platform, the first one's text `first`. */
const variants = (first: string) => [first, 'Second post', 'Third post'].map(text => ({ text, hashtags: [] }))

const edit = (xText: string, linkedInText: string) => shortCopy.editSchema.safeParse({
  type: 'ShortCopy',
  basedOn: 1,
  platforms: [{ platform: 'x', variants: variants(xText) }, { platform: 'linkedin', variants: variants(linkedInText) }],
})

describe('how long a post\'s text may be', () => {
  it('is 600 characters on X, whose count takes every link as 23, and 5,000 elsewhere', () => {
    expect(postTextLimit('x')).toBe(ARTIFACT_LIMITS.xPost)
    expect(ARTIFACT_LIMITS.xPost).toBe(600)
    expect(postTextLimit('linkedin')).toBe(ARTIFACT_LIMITS.post)
    expect(postTextLimit('facebook')).toBe(5000)
  })

  it('refuses an edit whose X post is longer, naming the field, and takes the same text on LinkedIn', () => {
    const long = 'a'.repeat(601)
    expect(edit('a'.repeat(600), 'a'.repeat(5000)).success).toBe(true)
    const refused = edit(long, long)
    expect(refused.error?.issues.map(issue => [issue.path.join('.'), issue.message])).toEqual([
      ['platforms.0.variants.0.text', 'At most 600 characters on X'],
    ])
    expect(edit('Fine', long).success).toBe(true)
  })

  it('counts the text once trimmed and with control characters dropped, as it is stored', () => {
    expect(edit(`  ${'a'.repeat(600)}\u0007  `, 'Fine').success).toBe(true)
  })

  it('gives the edit form\'s X fields the same bound', () => {
    const metadata: Pick<ShortCopyMetadata, 'platforms'> = {
      platforms: (['x', 'linkedin'] as const).map(platform => ({
        platform,
        variants: [{ text: 'Post', hashtags: [], characterCount: 4, limit: 280, overLimit: false }],
      })),
    }
    const fields = shortCopy.editFields(metadata as ShortCopyMetadata)
    expect(fields.map(field => [field.label, field.maxLength])).toEqual([['X post 1', 600], ['LinkedIn post 1', 5000]])
  })

  it('sends a model\'s longer X post back to be rewritten, and keeps a LinkedIn post of that length', () => {
    const long = 'Grow more. '.repeat(60).trim()
    const draft = (xText: string, linkedInText: string) => engineKind('ShortCopy').model.readDraft({
      platforms: [{ platform: 'X', variants: variants(xText) }, { platform: 'LinkedIn', variants: variants(linkedInText) }],
    }, brief)
    const refused = draft(long, 'Fine')
    expect(refused.ok).toBe(false)
    expect(refused.ok ? [] : refused.error.issues.map(issue => issue.message)).toEqual(['each x variant\'s text must be at most 600 characters'])
    const kept = draft('Fine', long)
    expect(kept.ok && kept.metadata.platforms[1]!.variants[0]!.text).toBe(long)
  })
})
