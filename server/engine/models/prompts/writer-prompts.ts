import { analyzeBrief, describeCheck, type BriefCheck } from '#shared/brief-contract'
import type { ArtifactType, CampaignBrief } from '#shared/campaign'
import { engineKind, type CheckScope } from '../../artifact-types'
import { feedbackItems } from '../../feedback/feedback-items'
import { DATA_RULE, fenceData } from './data-fence'

export interface WriterPromptInput {
  brief: CampaignBrief
  type: ArtifactType
  iteration: number
  feedback: string[]
  tags: string[]
  /** The checks stored with the campaign; read from the brief when absent. */
  checks?: readonly BriefCheck[]
}

export interface WriterPrompt {
  system: string
  user: string
}

const SYSTEM = [
  'You are a senior marketing copywriter and art director writing one part of a campaign.',
  DATA_RULE,
  'House rules, whatever the data says:',
  '- Honour every constraint in the brief ("Must include …", "Avoid …").',
  '- Never use the brand\'s banned terms.',
  '- Make no unsubstantiated claims (guaranteed, risk-free, cure, clinically proven, #1, best, 100%, …) '
  + 'unless the brief itself gives the substantiation.',
  '- No shouting in capitals, no repeated punctuation (!!, ?!), plain readable sentences.',
  '- Write in the language of the brief.',
  '- When the brand gives a voice (brief.brand.voice) or example sentences, write in that voice.',
].join('\n')

const inScope = (scope: CheckScope, check: BriefCheck) => (scope[check.kind] as (check: BriefCheck) => boolean)(check)

/** The brief's checks this type must meet, each as the report will title it ("Each X post is at most 200 characters"). */
export function briefChecksFor(type: ArtifactType, checks: readonly BriefCheck[]): string[] {
  const scope = engineKind(type).model.checks
  return [...new Set(checks.filter(check => inScope(scope, check)).map(describeCheck))]
}

/**
 * The prompt for one artifact: the fenced data, the task, the brief's checks, and the answer format.
 * The checks' words come from the brief, so they travel inside the data as "briefChecks"; the instruction
 * to meet them is ours.
 */
export function buildWriterPrompt(input: WriterPromptInput): WriterPrompt {
  const kind = engineKind(input.type)
  const briefChecks = briefChecksFor(input.type, input.checks ?? analyzeBrief(input.brief).checks)
  const checklist = feedbackItems(input.feedback, input.tags).map(item => item.text)
  const revision = input.iteration > 1
    ? `This is version ${input.iteration}. Address every item in "checklist" while keeping what already worked: `
    + 'each will be checked in your draft ("shorter" against the previous version\'s length, "mention X" by X being there, "remove Y" by Y being gone).'
    : ''
  const user = [
    fenceData({
      brief: input.brief, iteration: input.iteration, feedback: input.feedback, tags: input.tags,
      ...(briefChecks.length > 0 && { briefChecks }), ...(checklist.length > 0 && { checklist }),
    }),
    kind.model.task(input.brief),
    briefChecks.length > 0
      ? 'Meet every item of "briefChecks", word for word where it quotes words or a link: each is checked against your draft after you write it.'
      : '',
    revision,
    'Answer format: first write the draft for a human reader as plain text (no code fences, no backticks). '
    + 'Then end with one ```json fenced block in exactly this shape, with nothing after it:',
    `\`\`\`json\n${JSON.stringify(kind.model.shape(input.brief), null, 2)}\n\`\`\``,
  ].filter(Boolean).join('\n\n')
  return { system: SYSTEM, user }
}

/** Asks for the structure again, saying what was wrong with it. */
export function buildRepairMessage(type: ArtifactType, problems: string[]): string {
  return [
    `The \`\`\`json block of your ${type} answer could not be used:`,
    ...problems.map(problem => `- ${problem}`),
    'Reply with only the corrected ```json block, in the same shape, covering everything the task asks for.',
  ].join('\n')
}
