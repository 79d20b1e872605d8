import type { Platform } from '../campaign/platforms'
import type { BriefCheck, BriefLine, LengthScope } from './checks'
import { CLAIM_CLASSES } from './claim-classes'

const PLATFORM_LABELS: Readonly<Record<Platform, string>> = {
  x: 'X', linkedin: 'LinkedIn', instagram: 'Instagram', facebook: 'Facebook', tiktok: 'TikTok',
}

const SCOPE_LABELS: Readonly<Record<LengthScope, string>> = {
  posts: 'Each social post',
  headlines: 'Each headline',
  body: 'Each body of the long copy',
  callsToAction: 'Each call to action',
  altText: 'Each image description',
}

function quoted(items: readonly string[], joiner: string): string {
  return items.map(item => `“${item}”`).join(joiner)
}

/** What a check asks for, as a marketer would say it: the title of the check on the form and in the report. */
export function describeCheck(check: BriefCheck): string {
  switch (check.kind) {
    case 'must-mention': return `Mentions ${quoted(check.phrases, ' and ')}`
    case 'must-not-say': return `Never says ${quoted(check.phrases, ' or ')}`
    case 'claim-class': return `No ${CLAIM_CLASSES[check.claimClass].label}`
    case 'max-length': {
      const subject = check.platform ? `Each ${PLATFORM_LABELS[check.platform]} post` : SCOPE_LABELS[check.scope]
      return `${subject} is ${check.strict ? 'under' : 'at most'} ${check.limit} ${check.unit}`
    }
    case 'required-link': return `Links to ${check.url}`
    case 'call-to-action': return `The call to action contains “${check.mustContain}”`
    case 'required-disclaimer': return `Carries the disclaimer “${check.text}”`
    case 'required-hashtags': return `Each post carries ${check.tags.join(' ')}`
    case 'max-hashtags': return check.max === 0 ? 'No hashtags' : `At most ${check.max} hashtag${check.max === 1 ? '' : 's'} per post`
    case 'emoji': return check.allowed ? 'Emoji are allowed (nothing to check)' : 'No emoji'
    case 'reading-level': return `Reads at Flesch–Kincaid grade ${check.maxGrade} or below`
    case 'language': return `Written in ${check.language}`
    case 'platform-fit': return `Each ${PLATFORM_LABELS[check.platform]} post fits ${PLATFORM_LABELS[check.platform]}’s length limit`
    case 'substantiation': return `Claims named here count as backed: “${check.note}” (allows, not tested)`
  }
}

/** The guidance a check follows, when it follows published guidance. */
export function guidanceFor(check: BriefCheck): string | undefined {
  return check.kind === 'claim-class' ? CLAIM_CLASSES[check.claimClass].guidance : undefined
}

const FIELD_LABELS: Readonly<Record<BriefLine['field'], string>> = {
  'constraints': 'Constraint',
  'platforms': 'Platform',
  'brand.name': 'Brand name',
  'brand.bannedTerms': 'Banned term',
  'brand.requiredHashtags': 'Required hashtag',
  'brand.requiredDisclaimer': 'Required disclaimer',
}

/** Where a check came from, as the form labels it ("Constraint 2", "Banned term 1"). */
export function describeSource(line: BriefLine): string {
  const numbered = line.field === 'constraints' || line.field === 'brand.bannedTerms' || line.field === 'brand.requiredHashtags'
  return numbered ? `${FIELD_LABELS[line.field]} ${line.index + 1}` : FIELD_LABELS[line.field]
}
