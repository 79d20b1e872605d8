import { analyzeBrief } from '#shared/brief-contract'
import type { CampaignBrief, CopyMetadata, ShortCopyMetadata, VisualMetadata } from '#shared/campaign'
import { hashtagKey } from '../../../../server/engine/content'
import type { WriteResult } from './write'

/*
 * The faults a marketer spots in template copy, each as a check that names what it found. The built-in
 * writer's property test runs them over generated briefs; an empty list is clean copy.
 */

export interface BriefNames {
  /** The product's name as the brief gives it, before any description. */
  name: string
  /** What the brief sells, so the calls to action can be judged. */
  kind: 'goods' | 'software' | 'event' | 'unknown'
}

type Written = WriteResult

const nfc = (text: string) => text.normalize('NFC')
const squash = (text: string) => `#${(nfc(text).match(/[\p{L}\p{N}]+/gu) ?? []).join('')}`.toLowerCase()

/** The lines a reader sees as copy: headlines, bodies, posts, calls to action, alt text and on-image lines. */
export function proseOf(written: Written): string[] {
  if (written.type === 'Copy') {
    const copy = written.metadata as CopyMetadata
    return [...copy.headlines, copy.body.short, copy.body.medium, copy.body.long, ...copy.callsToAction]
  }
  if (written.type === 'ShortCopy') return (written.metadata as ShortCopyMetadata).platforms.flatMap(entry => entry.variants.map(variant => variant.text))
  return (written.metadata as VisualMetadata).concepts.flatMap(concept => [
    concept.altText.text,
    ...concept.layout.flatMap(line => [...line.matchAll(/"([^"]+)"/gu)].map(match => match[1]!)),
  ])
}

function sentencesOf(text: string): string[] {
  return text.split(/(?<=[.!?])\s+|\n+/u).map(part => part.trim()).filter(Boolean)
}

const CONSTRAINT_WORDING = /\b(?:must (?:include|mention)|do not|don['’]t|avoid|never use|keep [^.]* under|characters|end with|include a link|a cta|call to action)\b/iu

const UNFIT_ACTIONS: Readonly<Record<BriefNames['kind'], RegExp>> = {
  goods: /\b(?:demo|register|sign up|your place|book|visit)\b/iu,
  software: /\b(?:shop|order|get yours|book a visit|register)\b/iu,
  event: /\b(?:shop|order|demo|get yours)\b/iu,
  unknown: /\b(?:shop|order|demo|book|register|get yours|sign up)\b/iu,
}

/** Every fault found in one written artifact, as readable lines. */
export function copyFaults(brief: CampaignBrief, names: BriefNames, written: Written): string[] {
  const faults: string[] = []
  const prose = proseOf(written)
  const brand = nfc(brief.brand?.name?.trim() || names.name)
  const theme = nfc(brief.theme.trim())
  const { checks } = analyzeBrief(brief)
  // What the brief dictates is the brief's call: its own call to action and tags are not the writer's faults.
  const briefActions = checks.flatMap(check => (check.kind === 'call-to-action' ? [check.mustContain.toLowerCase()] : []))
  const briefTags = checks.flatMap(check => (check.kind === 'required-hashtags' ? check.tags : []))
  for (const text of prose) {
    if (/[{}]|undefined|null/u.test(text)) faults.push(`template slot left in: ${text}`)
    if (/[^\S\n]{2,}| [.,!?:;]|\.\./u.test(text)) faults.push(`stray spacing or punctuation: ${text}`)
    const doubled = /(?<![\p{L}\p{M}\p{N}])([\p{L}\p{M}\p{N}]+)\s+\1(?![\p{L}\p{M}\p{N}])/iu.exec(text)
    if (doubled) faults.push(`doubled word "${doubled[0]}": ${text}`)
    for (const constraint of brief.constraints) {
      if (text.toLowerCase().includes(constraint.toLowerCase())) faults.push(`constraint pasted as copy: ${text}`)
    }
    if (CONSTRAINT_WORDING.test(text)) faults.push(`constraint wording in copy: ${text}`)
    for (const sentence of sentencesOf(text)) {
      const start = sentence.replace(/^[^\p{L}\p{N}]+/u, '')
      const first = start.charAt(0)
      // A name with inner capitals keeps its spelling at the start of a sentence ("iPhone users").
      const startsWithName = /^\S\S*\p{Lu}/u.test(start.split(' ')[0] ?? '')
      if (first !== first.toUpperCase() && !startsWithName) faults.push(`sentence starts in lower case: ${sentence}`)
    }
    // The theme is free text: it may open a line as a label, never sit inside a sentence as a noun.
    const lower = text.toLowerCase()
    for (let at = lower.indexOf(theme.toLowerCase()); at >= 0; at = lower.indexOf(theme.toLowerCase(), at + 1)) {
      const before = text.slice(0, at).replace(/[\s\p{Extended_Pictographic}\uFE0F]+$/u, '')
      if (before !== '' && !/[.!?:]$/u.test(before)) faults.push(`theme bent into a sentence: ${text}`)
    }
  }
  if (written.type === 'Copy') {
    const copy = written.metadata as CopyMetadata
    if (!nfc(copy.body.long).includes(nfc(names.name))) faults.push(`product name "${names.name}" missing or cut: ${copy.body.long}`)
    const ownActions = copy.callsToAction.filter(action => !briefActions.some(required => action.toLowerCase().includes(required)))
    for (const action of ownActions) if (UNFIT_ACTIONS[names.kind].test(action)) faults.push(`call to action unfit for ${names.kind}: ${action}`)
  }
  if (written.type === 'ShortCopy') {
    const allowed = new Set([brand, names.name, theme].map(squash))
    const required = new Set(briefTags.map(hashtagKey))
    for (const tag of (written.metadata as ShortCopyMetadata).platforms.flatMap(entry => entry.variants.flatMap(variant => variant.hashtags))) {
      if (!required.has(hashtagKey(tag)) && !allowed.has(hashtagKey(tag))) faults.push(`hashtag not from the brief's names: ${tag}`)
    }
  }
  return faults
}
