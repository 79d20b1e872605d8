import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

/**
 * A scripted OpenAI-compatible Chat Completions server on 127.0.0.1, so model code is tested
 * end to end through the real SDK and HTTP without any network. Each request takes the next
 * reply from the script; an `answer` is streamed as SSE or returned as JSON, as the request asks.
 */
export type ScriptedReply
  = | { kind: 'answer', chunks: string[], chunkDelayMs?: number }
    | { kind: 'status', status: number, message?: string, headers?: Record<string, string> }
  /** Streams the chunks, then keeps the connection open without ever finishing. */
    | { kind: 'stall', chunks: string[] }

export interface RecordedRequest {
  path: string
  headers: IncomingMessage['headers']
  body: { model?: string, stream?: boolean, messages?: Array<{ role: string, content: unknown }> }
  /** Resolves when the client has gone away (finished or aborted). */
  closed: Promise<number>
}

export interface FakeOpenAIServer {
  baseURL: string
  requests: RecordedRequest[]
  close(): Promise<void>
}

/**
 * Chooses the reply from the request itself: for callers whose requests arrive in no fixed order
 * (a campaign's artifacts are written in parallel). `undefined` answers as an exhausted script does.
 */
export type ReplyChooser = (request: RecordedRequest) => ScriptedReply | undefined

export async function startFakeOpenAIServer(script: ScriptedReply[] | ReplyChooser): Promise<FakeOpenAIServer> {
  const requests: RecordedRequest[] = []
  const queue = Array.isArray(script) ? [...script] : []
  const choose: ReplyChooser = Array.isArray(script) ? () => queue.shift() : script
  const server = createServer((req, res) => {
    void handle(req, res)
  })

  async function handle(req: IncomingMessage, res: ServerResponse) {
    let raw = ''
    for await (const piece of req) raw += String(piece)
    const closed = new Promise<number>(resolve => res.on('close', () => resolve(Date.now())))
    const body = raw ? JSON.parse(raw) as RecordedRequest['body'] : {}
    const recorded: RecordedRequest = { path: req.url ?? '', headers: req.headers, body, closed }
    requests.push(recorded)
    if (req.method !== 'POST' || !req.url?.split('?')[0]!.endsWith('/chat/completions')) {
      return sendJson(res, 404, { error: { message: 'not found' } })
    }
    const reply = choose(recorded)
    if (!reply) return sendJson(res, 500, { error: { message: 'the test script has no reply left' } })
    if (reply.kind === 'status') {
      return sendJson(res, reply.status, { error: { message: reply.message ?? `status ${reply.status}` } }, reply.headers)
    }
    if (!body.stream) {
      // A non-streamed answer that stalls never starts at all.
      if (reply.kind === 'stall') return
      return sendJson(res, 200, completion(body.model, reply.chunks.join('')))
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', 'connection': 'keep-alive' })
    for (const chunk of reply.chunks) {
      if (res.destroyed) return
      res.write(sse(chunkOf(body.model, { content: chunk }, null)))
      if (reply.kind === 'answer' && reply.chunkDelayMs) await new Promise(resolve => setTimeout(resolve, reply.chunkDelayMs))
    }
    if (reply.kind === 'stall') return
    res.write(sse(chunkOf(body.model, {}, 'stop')))
    res.end('data: [DONE]\n\n')
  }

  await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections()
      server.close(() => resolve())
    }),
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'content-type': 'application/json', ...headers })
  res.end(JSON.stringify(body))
}

function sse(data: unknown) {
  return `data: ${JSON.stringify(data)}\n\n`
}

const created = Math.floor(Date.now() / 1000)

function chunkOf(model: string | undefined, delta: Record<string, string>, finishReason: string | null) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion.chunk',
    created,
    model: model ?? 'test-model',
    choices: [{ index: 0, delta: { role: 'assistant', ...delta }, finish_reason: finishReason }],
  }
}

function completion(model: string | undefined, content: string) {
  return {
    id: 'chatcmpl-test',
    object: 'chat.completion',
    created,
    model: model ?? 'test-model',
    choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
  }
}
