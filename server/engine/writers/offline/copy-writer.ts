import type { CopyMetadata } from '#shared/campaign'
import { audienceLine, callsToAction, detail, emphasisLines, flourish, headlines, intro, mustIncludeLines, values } from './lines'
import { readingEase } from '../../content/readability'
import { joinSentences } from './phrasing'
import type { WritingContext } from './writing-context'

export type WrittenCopy = Omit<CopyMetadata, 'model' | 'iteration'>

const HEADLINE_COUNT = 4
const CALL_TO_ACTION_COUNT = 3
/** Headlines and calls to action when asked to be shorter: enough to choose from, fewer to read. */
const LEAN_COUNT = 2

/** The brand's disclaimer closes every body, as its own paragraph, so it is never lost when a length is used alone. */
function withDisclaimer(context: WritingContext, body: string): string {
  return context.facts.disclaimer ? `${body}\n\n${context.facts.disclaimer}` : body
}

function toneNote(context: WritingContext, brief: { tone: string }): string {
  const { style, facts } = context
  const parts = [
    `A ${style.name} voice for ${facts.audience}, following the brief's tone ("${brief.tone}"): ${style.guidance}.`,
    `Speaks as ${context.brand}; the brief's own description is carried as written, so the audit can check its claims.`,
  ]
  if (context.mustInclude.length > 0) parts.push(`Carries ${context.mustInclude.map(phrase => `"${phrase}"`).join(', ')} as required.`)
  if (facts.disclaimer) parts.push('Each body ends with the required disclaimer.')
  return parts.join(' ')
}

interface Bodies { short: string, medium: string, long: string }

/** Asked to be shorter: the brief's facts and requirements only, without the writer's own supporting lines. */
function composeLeanBodies(context: WritingContext, actions: readonly string[]): Bodies {
  const opening = intro(context)
  const required = mustIncludeLines(context)
  const [primaryAction] = actions
  return {
    short: joinSentences([opening, ...required, primaryAction]),
    medium: joinSentences([opening, detail(context), ...required, primaryAction]),
    long: joinSentences([opening, detail(context), ...emphasisLines(context), ...required, actions[1] ?? primaryAction]),
  }
}

function composeBodies(context: WritingContext, actions: readonly string[], simple: boolean): Bodies {
  const [firstValue, secondValue] = values(context, 2)
  const opening = intro(context)
  const required = mustIncludeLines(context)
  const emphasis = emphasisLines(context)
  const [primaryAction] = actions
  return {
    short: joinSentences([opening, ...required, primaryAction]),
    medium: joinSentences([opening, simple ? undefined : detail(context), firstValue, ...emphasis, ...required, primaryAction]),
    long: [
      joinSentences([opening, detail(context), firstValue, simple ? undefined : flourish(context)]),
      joinSentences([audienceLine(context), secondValue, ...emphasis, ...required, actions[1] ?? primaryAction]),
    ].join('\n\n'),
  }
}

/** Plain English for a general audience; below this the writer drops its descriptive extras and tries again. */
const TARGET_READING_EASE = 55

function readsEasily(bodies: Bodies): boolean {
  return readingEase(bodies.medium) >= TARGET_READING_EASE && readingEase(bodies.long) >= TARGET_READING_EASE
}

export function writeCopy(context: WritingContext, brief: { tone: string }): WrittenCopy {
  const { shorten, simplify } = context.revision
  const actions = callsToAction(context, shorten ? LEAN_COUNT : CALL_TO_ACTION_COUNT)
  const full = shorten ? composeLeanBodies(context, actions) : composeBodies(context, actions, simplify)
  const bodies = shorten || simplify || readsEasily(full) ? full : composeBodies(context, actions, true)
  return {
    headlines: headlines(context, shorten ? LEAN_COUNT : HEADLINE_COUNT),
    body: { short: withDisclaimer(context, bodies.short), medium: withDisclaimer(context, bodies.medium), long: withDisclaimer(context, bodies.long) },
    callsToAction: actions,
    toneNote: toneNote(context, brief),
  }
}
