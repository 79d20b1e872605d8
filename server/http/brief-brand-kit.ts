import type { CampaignBrief } from '#shared/campaign'
import { useAppServices } from '../app/services'
import { HttpProblem, problemTypes } from './problem'

/**
 * A brief may name the saved kit its brand was copied from; only one of the caller's own kits, so a
 * campaign never points at another account's kit. The brief keeps the copy whatever becomes of the kit.
 */
export async function assertOwnBrandKit(userId: string, brief: CampaignBrief): Promise<void> {
  const kitId = brief.brand?.kitId
  if (kitId === undefined || await (await useAppServices()).brandKits.exists(userId, kitId)) return
  const message = 'No such brand kit: choose one of yours, or none'
  throw new HttpProblem(400, 'One or more fields are invalid', { type: problemTypes.validation, title: 'Validation failed', errors: { 'brand.kitId': [message] } })
}
