import { z } from 'zod'
import { ARTIFACT_LIMITS as L, type CampaignBrief } from '#shared/campaign'
import { finishVisualConcepts } from '../../content/contrast'
import { distinct, draftList, plain } from '../../models/output/schemas'
import type { CheckScope } from '../kind'

const hexColour = z.string().trim()
  .regex(/^#(?:[0-9a-f]{3}|[0-9a-f]{6})$/i, 'must be a hex colour such as #1A2B3C')
  .transform(hex => hex.toUpperCase())

const conceptSchema = z.object({
  name: plain(L.conceptName),
  palette: draftList(z.object({ hex: hexColour, role: z.enum(['background', 'text', 'accent']) }), 2, 8, 'colours')
    .refine(palette => palette.some(colour => colour.role === 'background')
      && palette.some(colour => colour.role === 'text'), 'needs a background colour and a text colour'),
  layout: draftList(plain(L.layoutElement), L.layout.min, L.layout.max, 'layout elements'),
  altText: z.object({ subject: plain(L.altText.subject), purpose: plain(L.altText.purpose), mood: plain(L.altText.mood), text: plain(L.altText.text) }),
  imagePrompt: plain(L.imagePrompt),
})

export const visualDraftSchema = z.object({
  concepts: draftList(conceptSchema, L.concepts.min, L.concepts.max, 'concepts')
    .refine(concepts => distinct(concepts.map(concept => concept.name)), 'concepts must have different names'),
})

// The visual's text is its layout and alt text: only words to leave out, emoji and the alt text's length apply.
const visualChecks: CheckScope = {
  'must-mention': () => false,
  'must-not-say': () => true,
  'claim-class': () => true,
  'max-length': check => check.scope === 'altText',
  'platform-fit': () => false,
  'required-link': () => false,
  'call-to-action': () => false,
  'required-disclaimer': () => false,
  'required-hashtags': () => false,
  'max-hashtags': () => false,
  'emoji': check => !check.allowed,
  'reading-level': () => false,
  'language': () => false,
  'substantiation': () => false,
}

export const visualModel = {
  checks: visualChecks,
  task: (brief: CampaignBrief) => [
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
  shape: () => ({
    concepts: [1, 2].map(() => ({
      name: '…',
      palette: [{ hex: '#RRGGBB', role: 'background' }, { hex: '#RRGGBB', role: 'text' }, { hex: '#RRGGBB', role: 'accent' }],
      layout: ['…', '…'],
      altText: { subject: '…', purpose: '…', mood: '…', text: '…' },
      imagePrompt: '…',
    })),
  }),
  readDraft(value: unknown, brief: CampaignBrief) {
    const result = visualDraftSchema.safeParse(value)
    return result.success
      ? { ok: true as const, metadata: { concepts: finishVisualConcepts(brief, result.data.concepts) } }
      : { ok: false as const, error: result.error }
  },
}
