import { z } from 'zod'
import { PLATFORMS } from '#shared/campaign'

/*
 * Artifact metadata arrives as `unknown` (it may come from a model or an old version in the database).
 * These schemas accept anything shaped like the domain types, ignoring extra fields; what fails to parse
 * is audited from its readable content alone, and the structure rule reports it.
 */

const text = z.string()

export const copyMetadataSchema = z.object({
  headlines: z.array(text),
  body: z.object({ short: text, medium: text, long: text }),
  callsToAction: z.array(text),
  toneNote: text.default(''),
})

export const shortCopyMetadataSchema = z.object({
  platforms: z.array(z.object({
    platform: z.enum(PLATFORMS),
    variants: z.array(z.object({
      text,
      hashtags: z.array(text).default([]),
      overLimit: z.boolean().optional(),
    })),
  })),
})

export const visualMetadataSchema = z.object({
  concepts: z.array(z.object({
    name: text.default(''),
    palette: z.array(z.object({ hex: text, role: z.enum(['background', 'text', 'accent']) })).default([]),
    layout: z.array(text).default([]),
    altText: z.object({
      subject: text.default(''),
      purpose: text.default(''),
      mood: text.default(''),
      text: text.default(''),
    }).default({ subject: '', purpose: '', mood: '', text: '' }),
    imagePrompt: text.default(''),
  })),
})

export type AuditedCopy = z.output<typeof copyMetadataSchema>
export type AuditedShortCopy = z.output<typeof shortCopyMetadataSchema>
export type AuditedVisual = z.output<typeof visualMetadataSchema>
