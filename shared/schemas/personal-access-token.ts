import { PASSWORD_MAX_LENGTH } from './account'
import { storableString } from './storable-text'
import { z } from './zod'

export const TOKEN_DEFAULT_EXPIRY_DAYS = 30
export const TOKEN_MAX_EXPIRY_DAYS = 365

export const createTokenSchema = z.object({
  name: storableString({ error: 'Name is required' }).trim().min(1, 'Name is required').max(100, 'Name is too long'),
  expiresInDays: z.number({ error: 'Expiry must be a number of days' }).int('Whole days only')
    .min(1, 'At least 1 day')
    .max(TOKEN_MAX_EXPIRY_DAYS, `At most ${TOKEN_MAX_EXPIRY_DAYS} days`)
    .default(TOKEN_DEFAULT_EXPIRY_DAYS),
  // A long-lived token outlasts the session that makes it: a copied session cookie alone must not mint one.
  password: z.string({ error: 'Enter your password to create a token' }).min(1, 'Enter your password to create a token')
    .max(PASSWORD_MAX_LENGTH, 'Password is too long'),
})
export type CreateTokenInput = z.input<typeof createTokenSchema>
