import { artifactTypeSchema } from '#shared/campaign'
import { z } from '#shared/schemas/zod'
import type { PathParameter } from '../operation'

/** Path parameters several operations share. */
export const campaignId: PathParameter = { schema: z.string(), description: 'The campaign\'s id.' }
export const artifactType: PathParameter = { schema: artifactTypeSchema, description: 'The artifact type.' }
export const reviewToken: PathParameter = { schema: z.string(), description: 'The review link\'s secret (`map_rvw_…`).' }
