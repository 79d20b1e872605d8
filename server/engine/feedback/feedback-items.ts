import { normaliseWhitespace } from '../content/text-matching'

/**
 * One thing a piece of feedback asks for. `shorter`, `mention` and `remove` can be checked by rule;
 * anything else ("more energetic") is for a person to judge.
 */
export type FeedbackItem
  = | { kind: 'shorter', text: string }
    | { kind: 'mention', text: string, phrase: string }
    | { kind: 'remove', text: string, terms: string[] }
    | { kind: 'person', text: string }

/** The most items one version's feedback is split into; the rest are judged as one last item. */
export const MAX_FEEDBACK_ITEMS = 20

const VERBS = 'make|mention|add|include|insert|say|remove|drop|delete|cut|avoid|don[\'’]t|do\\s+not|never|stop|shorten|keep|use|be|sound|focus|emphasi[sz]e|highlight|change|replace|tone|give|put'
/**
 * A run of white space within a line. Each is made one space before the patterns below look at the
 * text: NEXT_INSTRUCTION tries its white space several ways at every position, so over a run of n
 * spaces its work grows as n³ (a 2,000-character feedback of spaces took 3.6 s in one turn of the
 * event loop); over single spaces it is linear.
 */
const SPACES = /[^\S\n]+/gu
/** "… and mention …", ", remove …": a new instruction starts at a verb after "and", "then" or a comma. */
const NEXT_INSTRUCTION = new RegExp(`\\s*(?:,\\s*(?:and|then)?|\\s+and(?:\\s+then)?|\\s+then)\\s+(?=(?:${VERBS})\\b)`, 'iu')
const SHORTER = /\b(?:shorter|shorten|too long|trim|concise|cut (?:it )?down|fewer words|less text|brief(?:er)?)\b/iu
const MENTION = /^(?:please\s+)?(?:mention|include|add|insert|say|use the phrase|put in)\s+(.+)$/iu
const REMOVE = /^(?:please\s+)?(?:remove|drop|delete|cut|avoid|(?:don['’]t|do\s+not|never|stop)\s+(?:say|use|mention|saying|using|mentioning))\s+(.+)$/iu
const QUOTED = /["“”‘’']([^"“”‘’']{1,120})["“”‘’']/gu
/** What introduces a phrase rather than being part of it ("mention that …", "the words …"). */
const LEAD_IN = /^(?:that|the\s+(?:words?|phrases?|term)|a\s+mention\s+of)\s+/iu

function tidy(phrase: string): string {
  return normaliseWhitespace(phrase).replace(/^["“”‘’']+|["“”‘’'.!?;,:]+$/gu, '').trim()
}

function phraseOf(rest: string): string {
  const quoted = [...rest.matchAll(QUOTED)].map(found => tidy(found[1] ?? '')).filter(Boolean)
  return quoted[0] ?? tidy(rest.replace(LEAD_IN, '').replace(/\s*\([^)]*\)\s*$/u, ''))
}

function readItem(text: string): FeedbackItem {
  const mention = MENTION.exec(text)
  if (mention?.[1] && !/^(?:the\s+required\s+disclaimer|a\s+(?:clear\s+)?call to action)\b/iu.test(mention[1])) {
    const phrase = phraseOf(mention[1])
    if (phrase !== '') return { kind: 'mention', text, phrase }
  }
  const remove = REMOVE.exec(text)
  if (remove?.[1]) {
    // A quoted label such as "Substantiation:" names a field to fill in, not words to leave out.
    const quoted = [...remove[1].matchAll(QUOTED)].map(found => found[1] ?? '').filter(term => !/:\s*$/u.test(term)).map(tidy).filter(Boolean)
    const terms = quoted.length > 0 ? quoted : [tidy(remove[1].replace(LEAD_IN, ''))].filter(Boolean)
    if (terms.length > 0) return { kind: 'remove', text, terms }
  }
  if (SHORTER.test(text)) return { kind: 'shorter', text }
  return { kind: 'person', text }
}

/**
 * Splits feedback into the items it asks for: one per line, sentence and instruction ("Make it shorter
 * and mention free shipping" is two). Tags count as items of their own ("shorter").
 */
export function feedbackItems(feedback: readonly string[], tags: readonly string[] = []): FeedbackItem[] {
  const texts = [...feedback, ...tags.map(tag => tag.replace(/[-_]+/gu, ' '))]
    .map(entry => entry.replace(SPACES, ' '))
    .flatMap(entry => entry.split(/\n+|(?<=[.!?;])\s+(?=\p{Lu}|["“])/u))
    .flatMap(sentence => sentence.split(NEXT_INSTRUCTION))
    .map(text => normaliseWhitespace(text).replace(/[.;]+$/u, ''))
    .filter(text => text !== '')
  const unique = [...new Map(texts.map(text => [text.toLowerCase(), text])).values()]
  const items = unique.slice(0, MAX_FEEDBACK_ITEMS - 1)
  if (unique.length >= MAX_FEEDBACK_ITEMS) items.push(unique.slice(MAX_FEEDBACK_ITEMS - 1).join('; '))
  return items.map(readItem)
}
