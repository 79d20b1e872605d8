/** A kind of claim that needs evidence before it may be made, with the wordings that make it. */
export interface ClaimKind {
  claim: string
  wordings: string[]
}

/**
 * Claims advertising regulators (FTC, ASA/CAP code) treat as needing substantiation: absolutes,
 * superlatives, health cures and guarantees. Matched as whole words, case-insensitively.
 */
export const CLAIM_KINDS: readonly ClaimKind[] = [
  { claim: 'guaranteed', wordings: ['guaranteed', 'guarantee', 'guarantees'] },
  { claim: 'risk-free', wordings: ['risk-free', 'risk free', 'zero risk', 'no risk'] },
  { claim: 'cure', wordings: ['cure', 'cures', 'cured', 'heals'] },
  { claim: 'clinically proven', wordings: ['clinically proven', 'scientifically proven', 'proven to'] },
  { claim: '#1', wordings: ['#1', 'number one', 'no. 1'] },
  { claim: 'best', wordings: ['best', 'best-selling', 'bestselling'] },
  { claim: '100%', wordings: ['100%', '100 %', '100 percent'] },
  { claim: 'no side effects', wordings: ['no side effects', 'side-effect free'] },
  { claim: 'miracle', wordings: ['miracle', 'miraculous'] },
  { claim: 'instant results', wordings: ['instant results', 'overnight results'] },
]
