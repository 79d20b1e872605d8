import { storableString } from './storable-text'
import { z } from './zod'

/** Long enough to resist guessing; the upper bound keeps hashing cost predictable. */
export const PASSWORD_MIN_LENGTH = 10
export const PASSWORD_MAX_LENGTH = 128

const email = storableString({ error: 'Email is required' }).trim().toLowerCase().max(254, 'Email is too long').pipe(z.email('Enter a valid email address'))

export const registerSchema = z.object({
  name: storableString({ error: 'Name is required' }).trim().min(1, 'Name is required').max(100, 'Name is too long'),
  email,
  password: storableString({ error: 'Password is required' })
    .min(PASSWORD_MIN_LENGTH, `Password must be at least ${PASSWORD_MIN_LENGTH} characters`)
    .max(PASSWORD_MAX_LENGTH, `Password must be at most ${PASSWORD_MAX_LENGTH} characters`),
})
export type RegisterInput = z.infer<typeof registerSchema>

// Sign-in checks only the shape: the policy applies when a password is chosen, not when it is used.
export const loginSchema = z.object({
  email,
  password: storableString({ error: 'Password is required' }).min(1, 'Password is required').max(PASSWORD_MAX_LENGTH, 'Password is too long'),
})
export type LoginInput = z.infer<typeof loginSchema>
