import { z } from 'zod'
import type { TextSegment } from '../../compliance/audited-artifact'
import type { Finding } from '../../compliance/rule'
import { distinctTexts, missing } from '../../compliance/structure-gaps'
import type { AuditedShape, CheckedParts } from '../kind'

export const FEWEST_HEADLINES = 3
export const FEWEST_CALLS_TO_ACTION = 3

const text = z.string()

export const auditedCopySchema = z.object({
  headlines: z.array(text),
  body: z.object({ short: text, medium: text, long: text }),
  callsToAction: z.array(text),
  toneNote: text.default(''),
})
type AuditedCopy = z.output<typeof auditedCopySchema>

const indexed = (name: string, texts: readonly string[]): TextSegment[] => texts.map((text, index) => ({ location: `${name}[${index}]`, text }))

function bodies(copy: AuditedCopy): TextSegment[] {
  return Object.entries(copy.body).map(([length, text]) => ({ location: `body.${length}`, text }))
}

export const copyAudit = {
  schema: auditedCopySchema,
  segments: (copy: AuditedCopy): TextSegment[] => [...indexed('headlines', copy.headlines), ...bodies(copy), ...indexed('callsToAction', copy.callsToAction)],
  completeness: `copy with ${FEWEST_HEADLINES} headlines, three body lengths, ${FEWEST_CALLS_TO_ACTION} calls to action and a tone note`,
  gaps(copy: AuditedCopy): Finding[] {
    const gaps: Finding[] = []
    if (distinctTexts(copy.headlines) < FEWEST_HEADLINES) gaps.push(missing('headlines', `Fewer than ${FEWEST_HEADLINES} distinct headlines.`))
    for (const [length, text] of Object.entries(copy.body)) {
      if (text.trim() === '') gaps.push(missing(`body.${length}`, `The ${length} body is empty.`))
    }
    if (distinctTexts(copy.callsToAction) < FEWEST_CALLS_TO_ACTION) gaps.push(missing('callsToAction', `Fewer than ${FEWEST_CALLS_TO_ACTION} calls to action.`))
    if (copy.toneNote.trim() === '') gaps.push(missing('toneNote', 'No tone note.'))
    return gaps
  },
  unreadable: 'The copy has no readable structure.',
  parts(artifact: AuditedShape<AuditedCopy>): CheckedParts {
    const copy = artifact.metadata
    // The long copy is read as a whole, and it is where the brand's name is expected.
    const whole = [{ location: 'content', text: artifact.segments.map(segment => segment.text).join('\n') }]
    return {
      posts: [],
      bodies: copy ? bodies(copy) : [{ location: 'content', text: artifact.content }],
      headlines: copy ? indexed('headlines', copy.headlines) : [],
      callsToAction: copy ? indexed('callsToAction', copy.callsToAction) : [],
      altText: [],
      readingUnits: whole,
      callToActionUnits: copy ? [{ location: 'callsToAction', text: copy.callsToAction.join('\n') }] : [],
      brandNameUnits: whole,
    }
  },
}
