import { afterEach } from 'vitest'
import { createOpenAICompatible } from '@ai-sdk/openai-compatible'
import { ModelWriter } from '../../../server/engine/models'
import { startFakeOpenAIServer, type FakeOpenAIServer, type ScriptedReply } from './fake-openai-server'

/** A ModelWriter wired to a local fake OpenAI-compatible server per test, closed after each test. */
export function useFakeModelWriter() {
  let server: FakeOpenAIServer | undefined
  afterEach(async () => {
    await server?.close()
    server = undefined
  })
  return {
    /** The current test's fake server, to inspect what the writer sent. */
    get server(): FakeOpenAIServer {
      if (!server) throw new Error('No fake server was started in this test')
      return server
    },
    async writerFor(script: ScriptedReply[], timeoutMs = 5_000): Promise<ModelWriter> {
      server = await startFakeOpenAIServer(script)
      const model = createOpenAICompatible({ name: 'test', baseURL: server.baseURL }).chatModel('test-model')
      return new ModelWriter({ model, modelId: 'test-model', timeoutMs })
    },
  }
}
