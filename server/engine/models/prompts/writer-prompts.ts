import type { ArtifactType, CampaignBrief } from '#shared/campaign'
import { feedbackItems } from '../../feedback/feedback-items'
import { DATA_RULE, fenceData } from './data-fence'

export interface WriterPromptInput {
  brief: CampaignBrief
  type: ArtifactType
  iteration: number
  feedback: string[]
  tags: string[]
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

const TASKS: Record<ArtifactType, (brief: CampaignBrief) => string> = {
  Copy: brief => [
    'Write the campaign copy:',
    '- at least 3 clearly different headlines, each under 12 words;',
    '- the body in three lengths: short (1–2 sentences), medium (one paragraph), long (2–4 paragraphs);',
    '- at least 3 different calls to action, each a short phrase in the imperative;',
    '- a tone note: two or three sentences on how the copy meets the requested tone for this audience.',
    brief.brand?.requiredDisclaimer ? '- end the medium and long body with the brand\'s required disclaimer, word for word.' : '',
  ].filter(Boolean).join('\n'),
  ShortCopy: brief => [
    `Write short social posts for these platforms: ${brief.platforms.join(', ')}.`,
    '- at least 3 clearly different variants per platform, each a complete post;',
    '- keep each post well within the platform\'s limit (x: 280 characters including hashtags, '
    + 'linkedin: 3000, instagram: 2200 with at most 5 hashtags, facebook: 500, tiktok: 2200);',
    '- put hashtags in the hashtags list, not in the text;',
    brief.brand?.requiredHashtags.length ? '- every variant carries the brand\'s required hashtags.' : '',
  ].filter(Boolean).join('\n'),
  Visual: brief => [
    'Propose the key visual:',
    '- at least 2 clearly different concepts, each with a short name;',
    brief.brand?.palette.length
      ? '- a palette built from the brand palette, each colour with its role (background, text or accent);'
      : '- a palette of 3–5 colours, each with its role (background, text or accent);',
    '- text colours that contrast with their background at 4.5:1 or more;',
    '- the layout hierarchy, most prominent element first;',
    '- alt text: the subject, the purpose, the mood, and the full alt text sentence (under 125 characters);',
    '- a detailed image-generation prompt that describes the picture without any lettering in it.',
  ].join('\n'),
}

const SHAPES: Record<ArtifactType, (brief: CampaignBrief) => unknown> = {
  Copy: () => ({
    headlines: ['…', '…', '…'],
    body: { short: '…', medium: '…', long: '…' },
    callsToAction: ['…', '…', '…'],
    toneNote: '…',
  }),
  ShortCopy: brief => ({
    platforms: brief.platforms.map(platform => ({
      platform,
      variants: [1, 2, 3].map(() => ({ text: '…', hashtags: ['#…'] })),
    })),
  }),
  Visual: () => ({
    concepts: [1, 2].map(() => ({
      name: '…',
      palette: [{ hex: '#RRGGBB', role: 'background' }, { hex: '#RRGGBB', role: 'text' }, { hex: '#RRGGBB', role: 'accent' }],
      layout: ['…', '…'],
      altText: { subject: '…', purpose: '…', mood: '…', text: '…' },
      imagePrompt: '…',
    })),
  }),
}

/** The prompt for one artifact: the fenced data, the task, and the answer format. */
export function buildWriterPrompt(input: WriterPromptInput): WriterPrompt {
  const checklist = feedbackItems(input.feedback, input.tags).map(item => item.text)
  const revision = input.iteration > 1
    ? `This is version ${input.iteration}. Address every item in "checklist" while keeping what already worked: `
    + 'each will be checked in your draft ("shorter" against the previous version\'s length, "mention X" by X being there, "remove Y" by Y being gone).'
    : ''
  const user = [
    fenceData({ brief: input.brief, iteration: input.iteration, feedback: input.feedback, tags: input.tags, ...(checklist.length > 0 && { checklist }) }),
    TASKS[input.type](input.brief),
    revision,
    'Answer format: first write the draft for a human reader as plain text (no code fences, no backticks). '
    + 'Then end with one ```json fenced block in exactly this shape, with nothing after it:',
    `\`\`\`json\n${JSON.stringify(SHAPES[input.type](input.brief), null, 2)}\n\`\`\``,
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
