import type { CampaignBrief } from '#shared/campaign'
import { normaliseWhitespace } from './text-matching'

/** What the brief's free-text constraints ask for, read the same way by writers and the audit. */
export interface BriefDirectives {
  /** Phrases each text artifact must contain ("Must include free returns"). */
  mustInclude: string[]
  /** Words or phrases no artifact may contain ("Avoid 'cheap' or 'discount'"). */
  avoid: string[]
  /** Notes that back claims ("Substantiation: clinically proven, per the 2024 trial"). */
  substantiations: string[]
}

const MUST_INCLUDE = /^(?:(?:must|should|always|please)\s+)?(?:include|mention|contain|feature|state)s?\s+(.+)$/iu
const AVOID = /^(?:avoid|exclude|never\s+(?:use|say|mention)|do\s+not\s+(?:use|say|mention)|don['’]t\s+(?:use|say|mention)|no\s+mention\s+of)\s+(.+)$/iu
const SUBSTANTIATION = /^(?:substantiation|claims?)\s*:\s*(.+)$/iu
const QUOTED = /["“”‘’']([^"“”‘’']+)["“”‘’']/gu
/** Lead-ins that introduce the terms rather than being part of them. */
const LEAD_IN = /^(?:using|mentioning|saying|any\s+mention\s+of|references?\s+to|the\s+(?:words?|terms?|phrases?)|words?\s+like|terms?\s+like|phrases?\s+like)\s+/iu
/** Lead-ins of what to include: "Mention that the first bag is free" asks for "the first bag is free". */
const INCLUDE_LEAD_IN = /^(?:that|(?:a\s+|the\s+)?link\s+to|the\s+(?:words?|phrases?))\s+/iu

function tidy(phrase: string): string {
  return normaliseWhitespace(phrase).replace(/^["“”‘’']+|["“”‘’'.!;,]+$/gu, '').trim()
}

/** Quoted items when the constraint quotes them, else the rest of the sentence; `splitList` also splits "a, b or c". */
function phrasesOf(rest: string, splitList: boolean): string[] {
  const quoted = [...rest.matchAll(QUOTED)].map(match => tidy(match[1] ?? ''))
  if (quoted.length > 0) return quoted.filter(Boolean)
  const body = rest.replace(splitList ? LEAD_IN : INCLUDE_LEAD_IN, '')
  const parts = splitList ? body.split(/\s*,\s*|\s+or\s+/iu) : [body]
  return parts.map(tidy).filter(Boolean)
}

export function readBriefDirectives(brief: CampaignBrief): BriefDirectives {
  const directives: BriefDirectives = { mustInclude: [], avoid: [], substantiations: [] }
  for (const raw of brief.constraints ?? []) {
    const constraint = normaliseWhitespace(raw)
    const substantiation = SUBSTANTIATION.exec(constraint)
    if (substantiation?.[1]) {
      directives.substantiations.push(substantiation[1])
      continue
    }
    const avoid = AVOID.exec(constraint)
    if (avoid?.[1]) {
      directives.avoid.push(...phrasesOf(avoid[1], true))
      continue
    }
    const include = MUST_INCLUDE.exec(constraint)
    if (include?.[1]) directives.mustInclude.push(...phrasesOf(include[1], false))
  }
  return directives
}
