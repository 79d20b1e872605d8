import { afterEach, describe, expect, it } from 'vitest'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { analyzeBrief } from '#shared/brief-contract'
import { ModelLineInterpreter } from '../../../server/engine/models'
import { startFakeOpenAIServer, type FakeOpenAIServer, type ScriptedReply } from './fake-openai-server'
import { brief } from './fixtures'

let server: FakeOpenAIServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function interpreterFor(script: ScriptedReply[]) {
  server = await startFakeOpenAIServer(script)
  const model = createOpenAICompatible({ name: 'test', baseURL: server.baseURL }).chatModel('interpreter-model')
  const errors: unknown[] = []
  return { interpreter: new ModelLineInterpreter({ model, modelId: 'interpreter-model', timeoutMs: 5_000 }, { onError: error => errors.push(error) }), errors }
}

const answer = (value: unknown): ScriptedReply => ({ kind: 'answer', chunks: [`\`\`\`json\n${JSON.stringify(value)}\n\`\`\``] })
// Lines the analyzer cannot read: the model is asked about these three, numbered in order.
const analysis = analyzeBrief({ ...brief, constraints: ['Avoid "cheap"', 'Steer clear of the word frosty', 'Keep it cosy', 'Claims are fine if the lab says so'] })

describe('ModelLineInterpreter', () => {
  it('turns the lines the analyzer did not read into checks marked as the model\'s, and leaves the rest listed', async () => {
    expect(analysis.notUnderstood.map(line => line.source.text)).toEqual(['Steer clear of the word frosty', 'Keep it cosy', 'Claims are fine if the lab says so'])
    const { interpreter, errors } = await interpreterFor([answer({ interpretations: [
      { line: 1, check: { kind: 'must-not-say', phrases: ['frosty'] } },
      { line: 2, check: null },
      // Not a kind a model may produce: it would let claims through on its reading.
      { line: 3, check: { kind: 'substantiation', note: 'the lab' } },
      { line: 9, check: { kind: 'emoji', allowed: false } },
    ] })])
    const interpreted = await interpreter.interpret(analysis)

    expect(errors).toEqual([])
    expect(interpreted.checks).toEqual([
      ...analysis.checks,
      { kind: 'must-not-say', phrases: ['frosty'], id: 'constraints.1', source: { field: 'constraints', index: 1, text: 'Steer clear of the word frosty' }, interpretedBy: 'model' },
    ])
    expect(interpreted.notUnderstood.map(line => line.source.text)).toEqual(['Keep it cosy', 'Claims are fine if the lab says so'])
    const user = String(server!.requests[0]!.body.messages?.find(message => message.role === 'user')?.content)
    expect(user).toBe('1. "Steer clear of the word frosty"\n2. "Keep it cosy"\n3. "Claims are fine if the lab says so"')
  })

  it('drops a check that does not fit its kind', async () => {
    const { interpreter } = await interpreterFor([answer({ interpretations: [{ line: 1, check: { kind: 'max-length', limit: -3 } }] })])
    expect(await interpreter.interpret(analysis)).toEqual(analysis)
  })

  it('leaves every line as it was when the model fails or answers without JSON', async () => {
    const failing = await interpreterFor([{ kind: 'status', status: 400, message: 'bad request' }])
    expect(await failing.interpreter.interpret(analysis)).toEqual(analysis)
    expect(failing.errors).toHaveLength(1)
    await server?.close()
    const rambling = await interpreterFor([{ kind: 'answer', chunks: ['I would rather not.'] }])
    expect(await rambling.interpreter.interpret(analysis)).toEqual(analysis)
    expect(rambling.errors).toHaveLength(1)
  })

  it('asks nothing when every line was read', async () => {
    const { interpreter } = await interpreterFor([])
    const read = analyzeBrief({ ...brief, constraints: ['Avoid "cheap"'] })
    expect(await interpreter.interpret(read)).toBe(read)
    expect(server!.requests).toEqual([])
  })
})
