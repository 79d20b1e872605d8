import { z } from '../schemas/zod'
import { FEEDBACK_OUTCOMES } from '../campaign/feedback-checks'

const feedbackCheckSchema = z.object({ item: z.string(), outcome: z.enum(FEEDBACK_OUTCOMES), evidence: z.string() })

/** The fields of `ProvenanceMetadata` every artifact's metadata schema starts with. */
export const provenanceFields = {
  model: z.string(),
  iteration: z.int(),
  feedbackChecks: z.array(feedbackCheckSchema).optional()
    .meta({ description: 'Each item of the feedback this version was written for: done, not done, or needs a person.' }),
  editedBy: z.string().optional().meta({ description: 'Who saved this version by editing or restoring it (display name).' }),
  basedOn: z.int().optional().meta({ description: 'The version an edit started from.' }),
  restoredFrom: z.int().optional().meta({ description: 'The version a restore copied.' }),
}
