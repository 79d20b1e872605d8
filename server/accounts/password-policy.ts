import { isCommonPassword } from './common-passwords'

/**
 * What the shared schema cannot judge on its own: the length rule lives in `#shared` so the form
 * checks it too; these rules need the user's other fields or the server-side list.
 * Returns the reasons the password is refused; empty when it is acceptable.
 */
export function passwordWeaknesses(password: string, context: { email: string, name: string }): string[] {
  const reasons: string[] = []
  const lowered = password.toLowerCase()
  if (isCommonPassword(password)) reasons.push('This password is among the most commonly used; choose another')
  if (new Set(lowered).size < 4) reasons.push('Use more different characters')
  const localPart = context.email.split('@')[0]?.toLowerCase() ?? ''
  if (lowered === context.email.toLowerCase() || (localPart.length >= 4 && lowered.includes(localPart))) {
    reasons.push('The password must not contain your email address')
  }
  return reasons
}
