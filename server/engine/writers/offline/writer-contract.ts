import type { BriefCheck, LengthScope } from '#shared/brief-contract'
import type { CampaignBrief, Platform } from '#shared/campaign'
import { fitsLengthLimits, type LengthLimit } from '../../content/length-limits'
import { hashtagContractOf, type HashtagContract } from '../../content/short-copy'

/**
 * What the brief's checks ask of the built-in writer that it can honour by construction: lengths, what the
 * call to action contains, disclaimers, hashtags and emoji. Mentions, links and words to avoid are the
 * brief's directives (`directivesOf`); claims are left to the audit.
 */
export interface WriterContract {
  lengthLimits: LengthLimit[]
  /** Phrases (often a link) every call to action must contain ("End with a CTA to beanbox.example/start"). */
  callToAction: string[]
  /** Disclaimers each long-copy body ends with, word for word: the brand kit's and the constraint lines'. */
  disclaimers: string[]
  hashtags: HashtagContract
  emojiAllowed: boolean
}

export function readWriterContract(brief: Pick<CampaignBrief, 'brand'>, checks: readonly BriefCheck[]): WriterContract {
  const disclaimers = [brief.brand?.requiredDisclaimer?.trim() ?? '', ...checks.flatMap(check => (check.kind === 'required-disclaimer' ? [check.text] : []))]
  return {
    lengthLimits: checks.filter((check): check is LengthLimit => check.kind === 'max-length'),
    callToAction: [...new Set(checks.flatMap(check => (check.kind === 'call-to-action' ? [check.mustContain] : [])))],
    disclaimers: [...new Set(disclaimers.filter(Boolean))],
    hashtags: hashtagContractOf(checks),
    emojiAllowed: !checks.some(check => check.kind === 'emoji' && !check.allowed),
  }
}

/** Whether text fits every length the brief sets for that part of the campaign. */
export function fitsContract(contract: WriterContract, scope: LengthScope, text: string, platform?: Platform): boolean {
  return fitsLengthLimits(contract.lengthLimits, scope, text, platform)
}

/**
 * The options that fit the brief's lengths for the part, in order; when none fits, the shortest, so the part
 * is never left empty and the audit reports the overflow.
 */
export function fittingOptions(contract: WriterContract, scope: LengthScope, options: readonly string[]): string[] {
  const fitting = options.filter(option => fitsContract(contract, scope, option))
  if (fitting.length > 0 || options.length === 0) return fitting
  return [[...options].sort((a, b) => [...a].length - [...b].length)[0]!]
}
