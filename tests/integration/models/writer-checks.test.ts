import { describe, expect, it } from 'vitest'
import { analyzeBrief, describeCheck, type BriefCheck } from '#shared/brief-contract'
import { campaignBriefSchema } from '#shared/campaign'
import { DATA_TAG } from '../../../server/engine/models/prompts/data-fence'
import { useFakeModelWriter } from './writer-harness'
import { answerChunks, copyStructure, shortCopyStructure, visualStructure, writeRequest } from './fixtures'

const fake = useFakeModelWriter()

const brief = campaignBriefSchema.parse({
  theme: 'Spring refill launch',
  product: 'EcoSip refillable bottle',
  targetAudience: 'Commuters who buy bottled water every day',
  tone: 'Warm and practical',
  constraints: [
    'Must include "free refills"',
    'LinkedIn posts under 200 characters',
    'End with a CTA to ecosip.example/start',
    'No emoji',
    'No health claims',
    'Each headline at most 8 words',
  ],
  platforms: ['x', 'linkedin'],
  brand: { name: 'EcoSip', requiredHashtags: ['#EcoSip'], requiredDisclaimer: 'Refills at partner cafés only.' },
})
const { checks } = analyzeBrief(brief)
const titled = (kind: BriefCheck['kind'], where?: (check: BriefCheck) => boolean) =>
  checks.filter(check => check.kind === kind && (where?.(check) ?? true)).map(describeCheck)

/** The fenced data the model received, parsed back, and the instructions around it. */
async function promptFor(type: 'Copy' | 'ShortCopy' | 'Visual', answer: unknown, stored: readonly BriefCheck[] = checks) {
  const writer = await fake.writerFor([{ kind: 'answer', chunks: answerChunks(['Draft.\n'], answer) }])
  await writer.write(writeRequest({ type, brief, checks: stored }))
  const user = String(fake.server.requests[0]!.body.messages?.find(message => message.role === 'user')?.content)
  const data = new RegExp(`<${DATA_TAG}>\\n([\\s\\S]*?)\\n</${DATA_TAG}>`, 'u').exec(user)![1]!
  return { user, data: JSON.parse(data) as { briefChecks?: string[] } }
}

describe('ModelWriter: the brief\'s stored checks', () => {
  it('the brief reads as the checks this test relies on', () => {
    for (const kind of ['must-mention', 'max-length', 'call-to-action', 'emoji', 'claim-class', 'required-hashtags', 'required-disclaimer'] as const) {
      expect(titled(kind), kind).not.toEqual([])
    }
  })

  it('sends the long copy its mentions, headline length, call to action, disclaimer and bans, inside the data, with the instruction to meet them', async () => {
    const { user, data } = await promptFor('Copy', { ...copyStructure, callsToAction: ['Start at ecosip.example/start', 'Refill today', 'Find a café'] })
    expect(data.briefChecks).toEqual(expect.arrayContaining([
      ...titled('must-mention'), ...titled('max-length', check => check.kind === 'max-length' && check.scope === 'headlines'),
      ...titled('call-to-action'), ...titled('required-disclaimer'), ...titled('emoji'), ...titled('claim-class'),
    ]))
    expect(data.briefChecks).not.toEqual(expect.arrayContaining(titled('required-hashtags')))
    expect(data.briefChecks).not.toEqual(expect.arrayContaining(titled('max-length', check => check.kind === 'max-length' && check.scope === 'posts')))
    expect(user).toContain('Meet every item of "briefChecks"')
  })

  it('sends the social posts their LinkedIn length, hashtags, link and bans, not the long copy\'s disclaimer or headline length', async () => {
    const { data } = await promptFor('ShortCopy', shortCopyStructure())
    expect(data.briefChecks).toEqual(expect.arrayContaining([
      'Each LinkedIn post is under 200 characters', ...titled('required-hashtags'), ...titled('call-to-action'), ...titled('emoji'), ...titled('claim-class'),
    ]))
    expect(data.briefChecks).not.toEqual(expect.arrayContaining(titled('required-disclaimer')))
    expect(data.briefChecks).not.toEqual(expect.arrayContaining(titled('max-length', check => check.kind === 'max-length' && check.scope === 'headlines')))
  })

  it('sends the visual only what its text can break: bans and emoji', async () => {
    const { data } = await promptFor('Visual', visualStructure)
    expect(data.briefChecks).toEqual(expect.arrayContaining([...titled('emoji'), ...titled('claim-class')]))
    expect(data.briefChecks).not.toEqual(expect.arrayContaining(titled('must-mention')))
    expect(data.briefChecks).not.toEqual(expect.arrayContaining(titled('call-to-action')))
  })

  it('uses the checks stored with the campaign rather than reading the brief again', async () => {
    const stored = checks.filter(check => check.kind === 'emoji')
    const { data } = await promptFor('Copy', copyStructure, stored)
    expect(data.briefChecks).toEqual(titled('emoji'))
  })

  it('says nothing of checks when the type has none to meet', async () => {
    const { user, data } = await promptFor('Visual', visualStructure, [])
    expect(data.briefChecks).toBeUndefined()
    expect(user).not.toContain('briefChecks')
  })
})
