import { z } from 'zod'
import { ARTIFACT_LIMITS as L, type CampaignBrief } from '#shared/campaign'
import { distinct, draftList, plain } from '../../models/output/schemas'
import type { CheckScope } from '../kind'

export const copyDraftSchema = z.object({
  headlines: draftList(plain(L.headline), L.headlines.min, L.headlines.max, 'headlines').refine(distinct, 'headlines must be distinct'),
  body: z.object({ short: plain(L.body.short), medium: plain(L.body.medium), long: plain(L.body.long) }),
  callsToAction: draftList(plain(L.callToAction), L.callsToAction.min, L.callsToAction.max, 'calls to action').refine(distinct, 'calls to action must be distinct'),
  toneNote: plain(800),
})

// The long copy carries the brief's words, links, calls to action and disclaimers; posts' hashtags and limits are not its.
const copyChecks: CheckScope = {
  'must-mention': () => true,
  'must-not-say': () => true,
  'claim-class': () => true,
  'max-length': check => check.scope === 'body' || check.scope === 'headlines' || check.scope === 'callsToAction',
  'platform-fit': () => false,
  'required-link': () => true,
  'call-to-action': () => true,
  'required-disclaimer': () => true,
  'required-hashtags': () => false,
  'max-hashtags': () => false,
  'emoji': check => !check.allowed,
  'reading-level': () => true,
  'language': () => true,
  'substantiation': () => false,
}

export const copyModel = {
  checks: copyChecks,
  task: (brief: CampaignBrief) => [
    'Write the campaign copy:',
    '- at least 3 clearly different headlines, each under 12 words;',
    '- the body in three lengths: short (1–2 sentences), medium (one paragraph), long (2–4 paragraphs);',
    '- at least 3 different calls to action, each a short phrase in the imperative;',
    '- a tone note: two or three sentences on how the copy meets the requested tone for this audience.',
    brief.brand?.requiredDisclaimer ? '- end the medium and long body with the brand\'s required disclaimer, word for word.' : '',
  ].filter(Boolean).join('\n'),
  shape: () => ({
    headlines: ['…', '…', '…'],
    body: { short: '…', medium: '…', long: '…' },
    callsToAction: ['…', '…', '…'],
    toneNote: '…',
  }),
  readDraft(value: unknown) {
    const result = copyDraftSchema.safeParse(value)
    return result.success ? { ok: true as const, metadata: result.data } : { ok: false as const, error: result.error }
  },
}
