import { z } from '../../schemas/zod'
import type { ProvenanceMetadata } from '../../campaign/artifacts'
import { PLATFORMS, type Platform } from '../../campaign/platforms'
import { provenanceFields } from '../provenance-schema'

export interface ShortCopyVariant {
  text: string
  hashtags: string[]
  /** Counted by the platform's own rule (X: weighted characters). */
  characterCount: number
  limit: number
  overLimit: boolean
}

export interface ShortCopyMetadata extends ProvenanceMetadata {
  platforms: Array<{ platform: Platform, variants: ShortCopyVariant[] }>
}

export const shortCopyMetadataSchema = z.object({
  ...provenanceFields,
  platforms: z.array(z.object({
    platform: z.enum(PLATFORMS),
    variants: z.array(z.object({ text: z.string(), hashtags: z.array(z.string()), characterCount: z.int(), limit: z.int(), overLimit: z.boolean() })),
  })),
}) satisfies z.ZodType<ShortCopyMetadata>

/** Where the audit places a post: "linkedin variant 2". */
export function variantLocation(platform: string, index: number): string {
  return `${platform} variant ${index + 1}`
}
