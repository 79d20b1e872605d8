import { normaliseWhitespace } from '../../content/text-matching'
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
  /** What this version changed, in plain words, for the tone note and the reader. */
  addressed: string[]
}

const QUOTED = /["“”]([^"“”]{1,120})["“”]/gu
const REMOVE_VERBS = /\b(?:remove|avoid|drop|delete|cut|replace|without|don['’]t use|do not use|no longer use|stop using)\b/iu
const ADD_VERBS = /\b(?:include|add|mention|insert|use the phrase)\b/iu
const EMPHASIS = /\b(?:focus (?:more )?on|emphasi[sz]e|highlight|talk (?:more )?about|more about)\s+([^.;!?\n]{2,80})/iu
/** "more playful", "be bolder", "sound warmer", "make it calmer". */
const MORE_STYLE = /\b(?:more|be|sound|feel|make it|tone it)\s+(?:more\s+|a bit\s+|a little\s+)?(\p{L}+)/giu

const THEMES: ReadonlyArray<{ pattern: RegExp, note: string, apply: (notes: RevisionNotes) => void }> = [
  { pattern: /claim|substantiat|guarantee|#1|risk-free|overstat|exaggerat/iu, note: 'removed unsubstantiated claims', apply: (notes) => { notes.dropClaims = true } },
  { pattern: /shorten|shorter|too long|over the limit|character limit|to fit|concise|trim/iu, note: 'shortened the posts', apply: (notes) => { notes.shorten = true } },
  { pattern: /simpl|readab|easier to read|plain|shorter sentences|jargon/iu, note: 'used shorter sentences and simpler words', apply: (notes) => { notes.simplify = true } },
  { pattern: /alt text/iu, note: 'tightened the alt text', apply: (notes) => { notes.shortenAltText = true } },
  { pattern: /disclaimer/iu, note: 'kept the required disclaimer in every body', apply: () => {} },
  { pattern: /hashtag/iu, note: 'checked the hashtags against the brand kit and platform caps', apply: () => {} },
  { pattern: /contrast/iu, note: 'chose text colours with at least 4.5:1 contrast', apply: () => {} },
  { pattern: /call to action|\bcta\b/iu, note: 'made every call to action explicit', apply: () => {} },
  { pattern: /capitals|sentence case|shouting|punctuation|exclamation|question mark/iu, note: 'kept sentence case and single punctuation', apply: () => {} },
  // The brief's own requirements are always applied; these notes record that the audit asked for them.
  { pattern: /banned term|the brief says to avoid|words the brief/iu, note: 'left out the banned and avoided words', apply: () => {} },
  { pattern: /phrase the brief says to include|as the brief requires/iu, note: 'carried the phrases the brief requires', apply: () => {} },
  { pattern: /missing parts|complete the/iu, note: 'completed every part of the artifact', apply: () => {} },
]

function quotedIn(line: string): string[] {
  // A quoted label such as "Substantiation:" names a field to fill in, not words to add or avoid.
  return [...line.matchAll(QUOTED)].map(match => normaliseWhitespace(match[1] ?? '')).filter(term => term !== '' && !term.endsWith(':'))
}

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

/** Reads every line of feedback and every tag ("more-playful" reads as "more playful"). */
export function readRevisionNotes(feedback: readonly string[], tags: readonly string[]): RevisionNotes {
  const notes: RevisionNotes = { dropClaims: false, shorten: false, simplify: false, shortenAltText: false, avoid: [], include: [], emphasis: [], addressed: [] }
  const lines = [...feedback, ...tags.map(tag => tag.replace(/[-_]+/gu, ' '))].map(normaliseWhitespace).filter(Boolean)
  for (const line of lines) {
    let understood = false
    for (const theme of THEMES) {
      if (!theme.pattern.test(line)) continue
      theme.apply(notes)
      notes.addressed.push(theme.note)
      understood = true
    }
    // A disclaimer is added from the brand kit itself, so its quoted text is not a phrase to add again.
    if (!/disclaimer/iu.test(line)) {
      if (REMOVE_VERBS.test(line)) notes.avoid.push(...quotedIn(line))
      else if (ADD_VERBS.test(line)) notes.include.push(...quotedIn(line))
    }
    const emphasis = EMPHASIS.exec(line)?.[1]?.trim()
    if (emphasis) {
      notes.emphasis.push(emphasis)
      notes.addressed.push(`gave more room to ${emphasis}`)
      understood = true
    }
    const style = styleAskedFor(line)
    if (style) {
      notes.style = style
      notes.addressed.push(`moved the tone towards ${style.name}`)
      understood = true
    }
    if (!understood && quotedIn(line).length === 0) notes.addressed.push(`reworked the wording after: "${line}"`)
  }
  if (notes.avoid.length > 0) notes.addressed.push(`left out ${unique(notes.avoid).map(term => `"${term}"`).join(', ')}`)
  if (notes.include.length > 0) notes.addressed.push(`added ${unique(notes.include).map(term => `"${term}"`).join(', ')}`)
  return { ...notes, avoid: unique(notes.avoid), include: unique(notes.include), emphasis: unique(notes.emphasis), addressed: unique(notes.addressed) }
}
