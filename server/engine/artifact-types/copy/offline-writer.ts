import type { CopyMetadata } from '#shared/campaign'
import { audienceLine, callsToAction, detail, emphasisLines, flourish, headlines, intro, mustIncludeLines, values } from '../../writers/offline/lines'
import { readingEase } from '../../content/readability'
import { joinSentences } from '../../writers/offline/phrasing'
import { fitsContract } from '../../writers/offline/writer-contract'
import type { WritingContext } from '../../writers/offline/writing-context'

export type WrittenCopy = Omit<CopyMetadata, 'model' | 'iteration'>

const HEADLINE_COUNT = 4
const CALL_TO_ACTION_COUNT = 3
/** Headlines and calls to action when asked to be shorter: enough to choose from, fewer to read. */
const LEAN_COUNT = 2

/** The required disclaimers close every body, as their own paragraph, so none is lost when a length is used alone. */
function withDisclaimer(context: WritingContext, body: string): string {
  return [body, ...context.contract.disclaimers].join('\n\n')
}

function toneNote(context: WritingContext, brief: { tone: string }): string {
  const { style, facts } = context
  const parts = [
    `A ${style.name} voice for ${facts.audience}, following the brief's tone ("${brief.tone}"): ${style.guidance}.`,
    `Speaks as ${context.brand}; the brief's own description is carried as written, so the audit can check its claims.`,
  ]
  if (context.mustInclude.length > 0) parts.push(`Carries ${context.mustInclude.map(phrase => `"${phrase}"`).join(', ')} as required.`)
  if (context.contract.disclaimers.length > 0) parts.push('Each body ends with the required disclaimer.')
  return parts.join(' ')
}

interface Bodies { short: string, medium: string, long: string }

/** The least a body can say: the brief's requirements and the call to action, for the tightest length limits. */
function composeBareBodies(context: WritingContext, actions: readonly string[]): Bodies {
  const body = joinSentences([...mustIncludeLines(context), actions[0]])
  return { short: body, medium: body, long: body }
}

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

/**
 * Each body at its fullest that fits the brief's length for bodies: the preferred wording, then plainer and
 * leaner ones; when even the barest does not fit, the barest, and the audit reports the overflow. Leaner
 * wordings are only composed when needed, so a brief without limits reads exactly as before.
 */
function fittedBodies(context: WritingContext, candidates: ReadonlyArray<() => Bodies>): Bodies {
  const fitted: Partial<Bodies> = {}
  const last: Partial<Bodies> = {}
  for (const compose of candidates) {
    const bodies = compose()
    for (const length of ['short', 'medium', 'long'] as const) {
      last[length] = withDisclaimer(context, bodies[length])
      if (fitted[length] === undefined && fitsContract(context.contract, 'body', last[length])) fitted[length] = last[length]
    }
    if (fitted.short !== undefined && fitted.medium !== undefined && fitted.long !== undefined) break
  }
  return { ...last, ...fitted } as Bodies
}

export function writeCopy(context: WritingContext, brief: { tone: string }): WrittenCopy {
  const { shorten, simplify } = context.revision
  const actions = callsToAction(context, shorten ? LEAN_COUNT : CALL_TO_ACTION_COUNT)
  const full = shorten ? composeLeanBodies(context, actions) : composeBodies(context, actions, simplify)
  const preferred = shorten || simplify || readsEasily(full) ? full : composeBodies(context, actions, true)
  const bodies = fittedBodies(context, [
    () => preferred,
    () => composeBodies(context, actions, true),
    () => composeLeanBodies(context, actions),
    () => composeBareBodies(context, actions),
  ])
  return {
    headlines: headlines(context, shorten ? LEAN_COUNT : HEADLINE_COUNT),
    body: bodies,
    callsToAction: actions,
    toneNote: toneNote(context, brief),
  }
}
