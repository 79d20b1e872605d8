import WebSocket from 'ws'
import { tokenFor } from './test-server'

/** How a raw client presents itself; no user means no token at all. */
export interface RawConnectOptions {
  /** Connection token from negotiate; omitted for a WebSocket that skips negotiation. */
  id?: string
  user?: string | null
  /** Sent instead of the user's valid token. */
  token?: string
  /** Browsers put the token in the query on WebSockets; the Node client uses the header. */
  tokenIn?: 'header' | 'query'
}

export interface ReceivedFrame {
  data: Buffer
  binary: boolean
}

export interface CloseInfo {
  code: number
  reason: string
}

export class UpgradeRejected extends Error {
  constructor(readonly status: number, readonly body: string) {
    super(`WebSocket upgrade answered ${status}: ${body}`)
  }
}

function socketUrlAndHeaders(hubUrl: string, options: RawConnectOptions): { url: string, headers: Record<string, string> } {
  const url = new URL(hubUrl.replace(/^http/, 'ws'))
  if (options.id !== undefined) url.searchParams.set('id', options.id)
  const token = options.token ?? (options.user === null ? undefined : tokenFor(options.user ?? 'alice'))
  const headers: Record<string, string> = {}
  if (token !== undefined && options.tokenIn === 'query') url.searchParams.set('access_token', token)
  else if (token !== undefined) headers.Authorization = `Bearer ${token}`
  return { url: url.toString(), headers }
}

/**
 * A bare `ws` client that keeps every frame the server sends, in order, so tests can
 * look at the exact bytes and frame types on the wire.
 */
export class RawSocket {
  readonly closed: Promise<CloseInfo>
  private readonly frames: ReceivedFrame[] = []
  private wake: (() => void) | null = null
  private hasClosed = false

  private constructor(readonly ws: WebSocket) {
    ws.on('message', (data: Buffer, binary) => {
      this.frames.push({ data, binary })
      this.wake?.()
    })
    this.closed = new Promise((resolve) => {
      ws.once('close', (code, reason) => {
        this.hasClosed = true
        this.wake?.()
        resolve({ code, reason: reason.toString() })
      })
    })
    // Errors (resets after the server drops us) surface as `close`; they must not be unhandled.
    ws.on('error', () => {})
  }

  /** Opens a WebSocket to the hub; a refused upgrade rejects with `UpgradeRejected`. */
  static open(hubUrl: string, options: RawConnectOptions = {}): Promise<RawSocket> {
    const { url, headers } = socketUrlAndHeaders(hubUrl, options)
    const ws = new WebSocket(url, { headers })
    const socket = new RawSocket(ws)
    return new Promise((resolve, reject) => {
      ws.once('open', () => resolve(socket))
      ws.once('unexpected-response', (_request, response) => {
        let body = ''
        response.setEncoding('utf8')
        response.on('data', (chunk: string) => body += chunk)
        response.once('end', () => reject(new UpgradeRejected(response.statusCode ?? 0, body)))
      })
      ws.once('error', reject)
    })
  }

  /** The HTTP status an upgrade gets (101 when it is accepted) and its body; the socket is closed again. */
  static async upgradeStatus(hubUrl: string, options: RawConnectOptions = {}): Promise<{ status: number, body: string }> {
    try {
      const socket = await RawSocket.open(hubUrl, options)
      socket.terminate()
      return { status: 101, body: '' }
    }
    catch (error) {
      if (error instanceof UpgradeRejected) return { status: error.status, body: error.body }
      throw error
    }
  }

  send(data: string | Uint8Array): void {
    this.ws.send(data, { binary: typeof data !== 'string' })
  }

  /** The next frame from the server; rejects when the socket closes first or nothing comes in time. */
  async nextFrame(timeoutMs = 5_000): Promise<ReceivedFrame> {
    const deadline = Date.now() + timeoutMs
    while (this.frames.length === 0) {
      if (this.hasClosed) throw new Error('The socket closed before another frame arrived')
      const remaining = deadline - Date.now()
      if (remaining <= 0) throw new Error(`No frame within ${timeoutMs} ms`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining)
        this.wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wake = null
    }
    return this.frames.shift()!
  }

  /** The next frame, which must be a text frame. */
  async nextText(timeoutMs?: number): Promise<string> {
    const frame = await this.nextFrame(timeoutMs)
    if (frame.binary) throw new Error(`Expected a text frame, got binary ${frame.data.toString('hex')}`)
    return frame.data.toString('utf8')
  }

  /** Every frame until the server closes the socket. */
  async framesUntilClose(timeoutMs = 5_000): Promise<{ frames: ReceivedFrame[], close: CloseInfo }> {
    const close = await withTimeout(this.closed, timeoutMs, 'The server did not close the socket')
    return { frames: this.frames.splice(0), close }
  }

  get isClosed(): boolean {
    return this.hasClosed
  }

  close(): void {
    this.ws.close()
  }

  terminate(): void {
    this.ws.terminate()
  }
}

export function withTimeout<T>(promise: Promise<T>, timeoutMs: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${message} within ${timeoutMs} ms`)), timeoutMs)
    }),
  ]).finally(() => clearTimeout(timer))
}
