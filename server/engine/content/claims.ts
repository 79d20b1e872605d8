import { CLAIM_KINDS, type ClaimKind } from '#shared/brief-contract/general-claims'
import { anyTermPattern } from '#shared/utils/term-pattern'
import { containsTerm, termPattern } from './text-matching'

export { CLAIM_KINDS, type ClaimKind } from '#shared/brief-contract/general-claims'

export interface ClaimMatch {
  claim: string
  /** The words as they appear in the text. */
  found: string
}

/** A claim is substantiated when a substantiation note in the brief names any of its wordings. */
function isSubstantiated(kind: ClaimKind, substantiations: readonly string[]): boolean {
  return substantiations.some(note => kind.wordings.some(wording => containsTerm(note, wording)))
}

/**
 * Each kind's wordings as one pattern: most texts make no claim at all, and one pass per kind says
 * so where a pass per wording would take a dozen.
 */
const KINDS = CLAIM_KINDS.map(kind => ({ kind, anyWording: anyTermPattern(kind.wordings) }))

/** The claims in `text` that no substantiation note covers, one match per kind. */
export function findUnsubstantiatedClaims(text: string, substantiations: readonly string[] = []): ClaimMatch[] {
  const matches: ClaimMatch[] = []
  for (const { kind, anyWording } of KINDS) {
    if (!anyWording.test(text) || isSubstantiated(kind, substantiations)) continue
    for (const wording of kind.wordings) {
      const found = termPattern(wording).exec(text)
      if (found) {
        matches.push({ claim: kind.claim, found: found[0] })
        break
      }
    }
  }
  return matches
}
