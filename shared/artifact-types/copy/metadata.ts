import { z } from '../../schemas/zod'
import type { ProvenanceMetadata } from '../../campaign/artifacts'
import { provenanceFields } from '../provenance-schema'

export interface CopyMetadata extends ProvenanceMetadata {
  headlines: string[]
  body: { short: string, medium: string, long: string }
  callsToAction: string[]
  toneNote: string
}

export const copyMetadataSchema = z.object({
  ...provenanceFields,
  headlines: z.array(z.string()),
  body: z.object({ short: z.string(), medium: z.string(), long: z.string() }),
  callsToAction: z.array(z.string()),
  toneNote: z.string(),
}) satisfies z.ZodType<CopyMetadata>
