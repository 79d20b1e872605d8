import type { Access, OperationDefinition } from './operation'

/** What each Problem Details status means across the API; an operation's own text is in its description. */
export const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'Invalid input: `errors` maps each field to its messages',
  401: 'Not signed in, or the credential is not accepted here',
  403: 'Refused: a cross-site request, a missing confirmation, or not allowed by configuration',
  404: 'Not found (also for another user\'s campaign)',
  409: 'Conflicts with the current state (a run under way, a limit reached, a duplicate)',
  413: 'The request body is too large',
  415: 'The body is not application/json',
  429: 'Too many requests: wait `Retry-After` seconds',
  500: 'An unexpected error; the answer carries a `correlationId` and reveals nothing else',
  503: 'Cannot save right now: retry after `Retry-After` seconds',
}

const SIGNED_IN: Access[] = ['user', 'session']

/** The Problem Details statuses an operation can answer: its own, and those of every operation like it. */
export function problemStatuses(operation: OperationDefinition): number[] {
  if (!operation.path.startsWith('/api/')) return []
  const statuses = new Set([...(operation.problems ?? []), 429, 500, 503])
  if (SIGNED_IN.includes(operation.access)) statuses.add(401)
  if (operation.body || operation.query) statuses.add(400)
  if (operation.body) {
    statuses.add(413)
    statuses.add(415)
  }
  // Mutations sent with a cookie must come from this origin.
  if (operation.method !== 'get') statuses.add(403)
  return [...statuses].sort((a, b) => a - b)
}
