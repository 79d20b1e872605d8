/** Kinds of claim a brief can rule out as a class ("Do not make health claims"). */
export const CLAIM_CLASS_IDS = ['health', 'absolute', 'financial', 'environmental'] as const
export type ClaimClassId = (typeof CLAIM_CLASS_IDS)[number]

export interface ClaimClass {
  /** How a marketer names the class. */
  label: string
  /** The published guidance the class and its wordings follow. */
  guidance: string
  /** What the brief's line may call the class ("medical", "green"), matched as word beginnings. */
  namedAs: readonly string[]
  /** Wordings that make such a claim, matched as whole words or phrases, case-insensitively. */
  wordings: readonly string[]
}

export const CLAIM_CLASSES: Readonly<Record<ClaimClassId, ClaimClass>> = {
  health: {
    label: 'health or medical claims',
    guidance: 'FTC Health Products Compliance Guidance (2022)',
    namedAs: ['health', 'medical', 'medicinal', 'cure', 'clinical', 'therapeutic', 'disease'],
    wordings: [
      'cure', 'cures', 'cured', 'heal', 'heals', 'healing', 'treat', 'treats', 'treatment', 'prevent', 'prevents',
      'prevention', 'immunity', 'immune', 'boosts immunity', 'clinically proven', 'clinically tested', 'doctor recommended',
      'cancer', 'diabetes', 'disease', 'detox', 'weight loss', 'lose weight', 'anti-inflammatory', 'remedy',
    ],
  },
  absolute: {
    label: 'guaranteed or absolute claims',
    guidance: 'FTC Policy Statement Regarding Advertising Substantiation; EU Unfair Commercial Practices Directive 2005/29/EC',
    namedAs: ['guarantee', 'absolute', 'superlative', '100%', 'best', '#1', 'number one'],
    wordings: [
      'guaranteed', 'guarantee', 'guarantees', '100%', '100 %', '100 percent', 'best', 'the best', '#1', 'number one',
      'no. 1', 'always works', 'never fails', 'risk-free', 'risk free', 'perfect', 'unbeatable', 'miracle',
    ],
  },
  financial: {
    label: 'financial return claims',
    guidance: 'FTC Act Section 5 on earnings and investment claims; FCA financial promotions rules (COBS 4)',
    namedAs: ['financial', 'return', 'returns', 'earning', 'income', 'investment', 'profit', 'money'],
    wordings: [
      'guaranteed returns', 'returns', 'return on investment', 'roi', 'profit', 'profits', 'passive income',
      'get rich', 'double your money', 'earn', 'earnings', 'risk-free investment', 'high yield',
    ],
  },
  environmental: {
    label: 'environmental claims without substantiation',
    guidance: 'FTC Green Guides (16 CFR Part 260); EU Directive 2024/825 on empowering consumers for the green transition',
    namedAs: ['environmental', 'green', 'eco', 'sustainab', 'climate', 'carbon'],
    wordings: [
      'eco-friendly', 'eco friendly', 'environmentally friendly', 'green', 'carbon neutral', 'carbon-neutral',
      'climate neutral', 'climate positive', 'net zero', 'net-zero', 'sustainable', 'biodegradable', 'compostable',
      'planet friendly', 'planet-friendly', 'natural', 'non-toxic', 'zero waste', 'recyclable',
    ],
  },
}
