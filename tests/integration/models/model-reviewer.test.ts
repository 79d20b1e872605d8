import { afterEach, describe, expect, it } from 'vitest'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { MODEL_TONE_RULE_ID, ModelReviewer } from '../../../server/engine/models'
import { RULES } from '../../../server/engine/compliance'
import { startFakeOpenAIServer, type FakeOpenAIServer, type ScriptedReply } from './fake-openai-server'
import { brief } from './fixtures'

let server: FakeOpenAIServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function reviewerFor(script: ScriptedReply[], timeoutMs = 5_000) {
  server = await startFakeOpenAIServer(script)
  const model = createOpenAICompatible({ name: 'test', baseURL: server.baseURL }).chatModel('reviewer-model')
  const errors: unknown[] = []
  const reviewer = new ModelReviewer({ model, modelId: 'reviewer-model', timeoutMs }, { onError: error => errors.push(error) })
  return { reviewer, errors }
}

const artifacts = [
  { type: 'Copy' as const, content: '## Headlines\n1. Buy now or regret it forever' },
  { type: 'ShortCopy' as const, content: '## X\nVariant 1 · 40/280\nRefill, commuters. Obviously.' },
]

const finding = {
  artifactType: 'Copy',
  location: 'headlines[0]',
  issueDescription: 'The headline pressures the reader, which is not warm.',
  severity: 'High',
  recommendation: 'Invite the reader instead of warning them.',
}

describe('ModelReviewer', () => {
  it('turns the model\'s tone findings into issues marked as the model\'s', async () => {
    const answer = `\`\`\`json\n${JSON.stringify({ findings: [finding, { ...finding, artifactType: 'ShortCopy', location: 'x variant 1', severity: 'Low' }] })}\n\`\`\``
    const { reviewer, errors } = await reviewerFor([{ kind: 'answer', chunks: [answer] }])
    const issues = await reviewer.review(brief, artifacts)

    expect(errors).toEqual([])
    expect(issues).toEqual([
      {
        artifactType: 'Copy',
        issueDescription: finding.issueDescription,
        severity: 'Medium',
        ruleId: MODEL_TONE_RULE_ID,
        category: 'tone',
        location: 'headlines[0]',
        recommendation: finding.recommendation,
        source: 'model',
      },
      expect.objectContaining({ artifactType: 'ShortCopy', severity: 'Low', source: 'model', category: 'tone' }),
    ])
    const user = String(server!.requests[0]!.body.messages?.find(message => message.role === 'user')?.content)
    expect(user).toContain('Buy now or regret it forever')
    expect(user).toContain(RULES[0]!.id)
  })

  it('drops findings that are malformed or about artifacts it was not shown', async () => {
    const answer = JSON.stringify({ findings: [finding, { ...finding, severity: 'Critical' }, { ...finding, artifactType: 'Visual' }, 'nonsense'] })
    const { reviewer } = await reviewerFor([{ kind: 'answer', chunks: [answer] }])
    const issues = await reviewer.review(brief, artifacts)
    expect(issues).toHaveLength(1)
    expect(issues[0]!.location).toBe('headlines[0]')
  })

  it.each<[string, ScriptedReply]>([
    ['an answer without JSON', { kind: 'answer', chunks: ['The tone is fine overall.'] }],
    ['a wrong envelope', { kind: 'answer', chunks: ['{"issues": []}'] }],
    ['a server error', { kind: 'status', status: 500 }],
  ])('is non-fatal on %s: no findings', async (_name, reply) => {
    const { reviewer, errors } = await reviewerFor([reply])
    await expect(reviewer.review(brief, artifacts)).resolves.toEqual([])
    expect(errors).toHaveLength(1)
  })

  it('gives up quietly when the model does not answer in time', async () => {
    const { reviewer, errors } = await reviewerFor([{ kind: 'stall', chunks: [] }], 200)
    // The model never answers: only the time limit can end the review.
    await expect(reviewer.review(brief, artifacts)).resolves.toEqual([])
    expect((errors[0] as Error).name).toBe('ModelTimeoutError')
  })
})
