import { z } from 'zod'
import { ARTIFACT_TYPES } from '#shared/campaign'
import { plain } from './schemas'

export const MAX_MODEL_FINDINGS = 8

export const toneFindingSchema = z.object({
  artifactType: z.enum(ARTIFACT_TYPES),
  location: plain(200),
  issueDescription: plain(600),
  severity: z.enum(['Low', 'Medium', 'High']),
  recommendation: plain(600),
})
export type ToneFinding = z.output<typeof toneFindingSchema>

/** The envelope must be right; single findings that are not are dropped rather than sinking the rest. */
export const toneReviewSchema = z.object({ findings: z.array(z.unknown()).max(50) })
  .transform(({ findings }) => findings
    .flatMap((finding) => {
      const result = toneFindingSchema.safeParse(finding)
      return result.success ? [result.data] : []
    })
    .slice(0, MAX_MODEL_FINDINGS))
