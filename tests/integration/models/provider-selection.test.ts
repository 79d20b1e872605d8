import { afterEach, describe, expect, it } from 'vitest'
import type { CopyMetadata } from '#shared/campaign'
import {
  createModelFromEnv,
  createModelSetupFromEnv,
  DEFAULT_MODEL_TIMEOUT_MS,
  ModelConfigError,
  ModelWriter,
  readModelConfig,
} from '../../../server/engine/models'
import { startFakeOpenAIServer, type FakeOpenAIServer } from './fake-openai-server'
import { answerChunks, COPY_PROSE, copyStructure, writeRequest } from './fixtures'

let server: FakeOpenAIServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

async function writeWith(env: (baseURL: string) => Record<string, string>) {
  server = await startFakeOpenAIServer([{ kind: 'answer', chunks: answerChunks(COPY_PROSE, copyStructure) }])
  const setup = createModelSetupFromEnv(env(server.baseURL))
  if (!setup) throw new Error('expected a model')
  const writer = new ModelWriter(setup)
  const written = await writer.write(writeRequest())
  return { writer, written, request: server.requests[0]! }
}

describe('provider selection from the environment', () => {
  it('defaults to the offline writer', () => {
    expect(createModelFromEnv({})).toBeNull()
    expect(createModelFromEnv({ MODEL_PROVIDER: 'offline', OPENAI_API_KEY: 'sk-unused' })).toBeNull()
  })

  it('openai-compatible (Ollama, vLLM, LM Studio) works end to end against a local server', async () => {
    const { writer, written, request } = await writeWith(baseURL => ({
      MODEL_PROVIDER: 'openai-compatible',
      OPENAI_COMPATIBLE_BASE_URL: baseURL,
      OPENAI_COMPATIBLE_MODEL: 'llama3.1:8b',
    }))
    expect(writer.model).toBe('llama3.1:8b')
    expect((written.metadata as CopyMetadata).headlines).toEqual(copyStructure.headlines)
    expect(request.path).toBe('/v1/chat/completions')
    expect(request.body.model).toBe('llama3.1:8b')
    expect(request.headers.authorization).toBeUndefined()
  })

  it('openai-compatible sends the optional API key as a bearer token', async () => {
    const { request } = await writeWith(baseURL => ({
      MODEL_PROVIDER: 'openai-compatible',
      OPENAI_COMPATIBLE_BASE_URL: baseURL,
      OPENAI_COMPATIBLE_MODEL: 'qwen',
      OPENAI_COMPATIBLE_API_KEY: 'local-key',
    }))
    expect(request.headers.authorization).toBe('Bearer local-key')
  })

  it('openai uses Chat Completions with the key, and OPENAI_BASE_URL when set', async () => {
    const { writer, request } = await writeWith(baseURL => ({
      MODEL_PROVIDER: 'openai',
      OPENAI_API_KEY: 'sk-test',
      OPENAI_MODEL: 'gpt-4o-mini',
      OPENAI_BASE_URL: baseURL,
    }))
    expect(writer.model).toBe('gpt-4o-mini')
    expect(request.path).toBe('/v1/chat/completions')
    expect(request.headers.authorization).toBe('Bearer sk-test')
  })

  it('azure with a dated API version calls the deployment URL with api-key', async () => {
    const { writer, request } = await writeWith(baseURL => ({
      MODEL_PROVIDER: 'azure',
      AZURE_OPENAI_ENDPOINT: new URL(baseURL).origin,
      AZURE_OPENAI_API_KEY: 'azure-key',
      AZURE_OPENAI_DEPLOYMENT: 'campaign-writer',
      AZURE_OPENAI_API_VERSION: '2024-10-21',
    }))
    expect(writer.model).toBe('campaign-writer')
    expect(request.path).toBe('/openai/deployments/campaign-writer/chat/completions?api-version=2024-10-21')
    expect(request.headers['api-key']).toBe('azure-key')
  })

  it('reads the per-call timeout', () => {
    const base = { MODEL_PROVIDER: 'openai-compatible', OPENAI_COMPATIBLE_BASE_URL: 'http://127.0.0.1:11434/v1', OPENAI_COMPATIBLE_MODEL: 'm' }
    expect(createModelSetupFromEnv(base)?.timeoutMs).toBe(DEFAULT_MODEL_TIMEOUT_MS)
    expect(createModelSetupFromEnv({ ...base, MODEL_TIMEOUT_MS: '5000' })?.timeoutMs).toBe(5_000)
  })
})

describe('incomplete configuration fails at startup with the variables to set', () => {
  const problems = (env: Record<string, string>) => {
    try {
      readModelConfig(env)
    }
    catch (error) {
      expect(error).toBeInstanceOf(ModelConfigError)
      return (error as ModelConfigError).problems
    }
    throw new Error('expected a ModelConfigError')
  }

  it('names every missing variable at once', () => {
    expect(problems({ MODEL_PROVIDER: 'openai' })).toEqual(['OPENAI_API_KEY is required', 'OPENAI_MODEL is required'])
    expect(problems({ MODEL_PROVIDER: 'azure' })).toEqual([
      'AZURE_OPENAI_RESOURCE_NAME or AZURE_OPENAI_ENDPOINT is required',
      'AZURE_OPENAI_API_KEY is required',
      'AZURE_OPENAI_DEPLOYMENT is required',
    ])
    expect(problems({ MODEL_PROVIDER: 'openai-compatible' })).toEqual([
      'OPENAI_COMPATIBLE_BASE_URL is required',
      'OPENAI_COMPATIBLE_MODEL is required',
    ])
  })

  it('rejects unknown providers, bad URLs, contradictory Azure settings and bad timeouts', () => {
    expect(problems({ MODEL_PROVIDER: 'anthropic' })[0]).toMatch(/^MODEL_PROVIDER must be one of offline, openai, azure, openai-compatible/)
    expect(problems({ MODEL_PROVIDER: 'openai-compatible', OPENAI_COMPATIBLE_BASE_URL: 'localhost:11434', OPENAI_COMPATIBLE_MODEL: 'm' }))
      .toEqual(['OPENAI_COMPATIBLE_BASE_URL must be an http(s) URL'])
    expect(problems({
      MODEL_PROVIDER: 'azure',
      AZURE_OPENAI_RESOURCE_NAME: 'acme',
      AZURE_OPENAI_ENDPOINT: 'https://acme.openai.azure.com/',
      AZURE_OPENAI_API_KEY: 'k',
      AZURE_OPENAI_DEPLOYMENT: 'd',
    })).toEqual(['set only one of AZURE_OPENAI_RESOURCE_NAME and AZURE_OPENAI_ENDPOINT'])
    expect(problems({ MODEL_PROVIDER: 'openai', OPENAI_API_KEY: 'k', OPENAI_MODEL: 'm', MODEL_TIMEOUT_MS: '-1' }))
      .toEqual(['MODEL_TIMEOUT_MS must be a positive whole number of milliseconds'])
  })

  it('never repeats a key in the error', () => {
    const secret = 'sk-do-not-print-1234'
    const error = (() => {
      try {
        createModelFromEnv({ MODEL_PROVIDER: 'openai', OPENAI_API_KEY: secret, OPENAI_BASE_URL: `not a url ${secret}` })
      }
      catch (caught) {
        return caught as Error
      }
    })()
    expect(error?.message).toContain('OPENAI_MODEL is required')
    expect(error?.message).toContain('OPENAI_BASE_URL must be an http(s) URL')
    expect(error?.message).not.toContain(secret)
  })
})
