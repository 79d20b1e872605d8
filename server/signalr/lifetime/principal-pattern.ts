import type { Principal } from '../connection/hub-connection'

/**
 * Properties a principal must have, compared deeply: `{ credential: { kind: 'review-link', id } }`
 * matches every connection opened with that link. Plain data, so it can travel to other instances
 * where a predicate function could not.
 */
export type PrincipalPattern = Readonly<Record<string, unknown>>

/** Whether `principal` has every property of at least one of `patterns`. */
export function matchesAnyPattern(principal: Principal, patterns: readonly PrincipalPattern[]): boolean {
  return patterns.some(pattern => contains(principal, pattern))
}

function contains(value: unknown, pattern: unknown): boolean {
  if (pattern === null || typeof pattern !== 'object') return Object.is(value, pattern)
  if (value === null || typeof value !== 'object') return false
  return Object.entries(pattern).every(([key, expected]) => contains((value as Record<string, unknown>)[key], expected))
}
