import { normaliseWhitespace } from '../../content/text-matching'
import { feedbackItems } from '../../feedback/feedback-items'
import { TONE_STYLES, type ToneStyle } from './tone-styles'

/**
 * What a new version must do differently, read from the marketer's feedback, tags and the audit's
 * recommendations (which are imperative sentences that quote the words at fault).
 */
export interface RevisionNotes {
  dropClaims: boolean
  shorten: boolean
  simplify: boolean
  shortenAltText: boolean
  /** Words to leave out from now on (quoted after "remove", "avoid", "drop"…). */
  avoid: string[]
  /** Phrases to add (quoted after "include", "add", "mention"…). */
  include: string[]
  /** Topics to give more room ("focus on durability"). */
  emphasis: string[]
  /** A tone the feedback asks for ("more playful"). */
  style?: ToneStyle
}

const EMPHASIS = /\b(?:focus (?:more )?on|emphasi[sz]e|highlight|talk (?:more )?about|more about)\s+([^.;!?\n]{2,80})/iu
/** "more playful", "be bolder", "sound warmer", "make it calmer". */
const MORE_STYLE = /\b(?:more|be|sound|feel|make it|tone it)\s+(?:more\s+|a bit\s+|a little\s+)?(\p{L}+)/giu

const THEMES: ReadonlyArray<{ pattern: RegExp, apply: (notes: RevisionNotes) => void }> = [
  { pattern: /claim|substantiat|guarantee|#1|risk-free|overstat|exaggerat/iu, apply: (notes) => { notes.dropClaims = true } },
  { pattern: /shorten|shorter|too long|over the limit|character limit|to fit|concise|trim/iu, apply: (notes) => { notes.shorten = true } },
  { pattern: /simpl|readab|easier to read|plain|shorter sentences|jargon/iu, apply: (notes) => { notes.simplify = true } },
  { pattern: /alt text/iu, apply: (notes) => { notes.shortenAltText = true } },
]

function styleAskedFor(line: string): ToneStyle | undefined {
  for (const match of line.matchAll(MORE_STYLE)) {
    const word = (match[1] ?? '').toLowerCase()
    // Comparatives ("warmer", "bolder", "calmer", "friendlier") name the same tone as their root.
    const roots = [word, word.replace(/er$/u, ''), word.replace(/ier$/u, 'y')]
    const style = TONE_STYLES.find(candidate => roots.some(root => candidate.cues.includes(root)))
    if (style) return style
  }
  return undefined
}

function unique(items: string[]): string[] {
  return [...new Map(items.map(item => [item.toLowerCase(), item])).values()]
}

/**
 * Reads every line of feedback and every tag ("more-playful" reads as "more playful"). What to add, leave
 * out and shorten comes from the same items the new version is checked against afterwards.
 */
export function readRevisionNotes(feedback: readonly string[], tags: readonly string[]): RevisionNotes {
  const notes: RevisionNotes = { dropClaims: false, shorten: false, simplify: false, shortenAltText: false, avoid: [], include: [], emphasis: [] }
  const lines = [...feedback, ...tags.map(tag => tag.replace(/[-_]+/gu, ' '))].map(normaliseWhitespace).filter(Boolean)
  for (const line of lines) {
    for (const theme of THEMES) if (theme.pattern.test(line)) theme.apply(notes)
    const emphasis = EMPHASIS.exec(line)?.[1]?.trim()
    if (emphasis) notes.emphasis.push(emphasis)
    notes.style = styleAskedFor(line) ?? notes.style
  }
  for (const item of feedbackItems(feedback, tags)) {
    if (item.kind === 'shorter') notes.shorten = true
    // A disclaimer comes from the brand kit itself, so its quoted text is not a phrase to add again.
    if (item.kind === 'mention' && !/disclaimer/iu.test(item.text)) notes.include.push(item.phrase)
    if (item.kind === 'remove') notes.avoid.push(...item.terms)
  }
  return { ...notes, avoid: unique(notes.avoid), include: unique(notes.include), emphasis: unique(notes.emphasis) }
}
