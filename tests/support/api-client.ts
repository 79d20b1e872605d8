import { randomUUID } from 'node:crypto'

/** Bodies are read loosely in tests: a wrong guess fails an assertion rather than the compile. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type LooseJson = any

export interface ApiResponse<Body = LooseJson> {
  status: number
  headers: Headers
  body: Body
}

/**
 * A client of the built server's REST API that keeps its session cookie like a browser, and sends
 * the Origin header a browser would (so cookie-authenticated mutations pass the same-origin check).
 */
export class ApiClient {
  private cookie: string | undefined

  constructor(readonly baseUrl: string, private readonly defaultHeaders: Record<string, string> = {}) {}

  /** Another client from the same network address, without this one's cookie. */
  anonymous(): ApiClient {
    return new ApiClient(this.baseUrl, this.defaultHeaders)
  }

  /** The same browser (cookie included) talking to a restarted server at `baseUrl`. */
  movedTo(baseUrl: string): ApiClient {
    const moved = new ApiClient(baseUrl, this.defaultHeaders)
    moved.cookie = this.cookie
    return moved
  }

  get sessionCookie(): string | undefined {
    return this.cookie
  }

  async request<Body = LooseJson>(method: string, path: string, options: { json?: unknown, body?: string, headers?: Record<string, string> } = {}): Promise<ApiResponse<Body>> {
    // A header given as '' is left out, to send a request without, say, an Origin.
    const headers: Record<string, string> = Object.fromEntries(
      Object.entries({ Origin: this.baseUrl, ...this.defaultHeaders, ...options.headers }).filter(([, value]) => value !== ''),
    )
    if (this.cookie) headers.Cookie = this.cookie
    let body = options.body
    if (options.json !== undefined) {
      body = JSON.stringify(options.json)
      headers['Content-Type'] = 'application/json'
    }
    const response = await fetch(`${this.baseUrl}${path}`, { method, headers, body, redirect: 'manual' })
    for (const setCookie of response.headers.getSetCookie()) {
      const [pair] = setCookie.split(';')
      if (pair?.startsWith('nuxt-session=')) this.cookie = /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(setCookie) ? undefined : pair
    }
    const text = await response.text()
    let parsed: unknown = text
    try {
      parsed = text ? JSON.parse(text) : undefined
    }
    catch { /* not JSON: keep the text */ }
    return { status: response.status, headers: response.headers, body: parsed as Body }
  }

  get<Body = LooseJson>(path: string, headers?: Record<string, string>) {
    return this.request<Body>('GET', path, { headers })
  }

  post<Body = LooseJson>(path: string, json?: unknown, headers?: Record<string, string>) {
    return this.request<Body>('POST', path, { json, headers })
  }

  put<Body = LooseJson>(path: string, json?: unknown, headers?: Record<string, string>) {
    return this.request<Body>('PUT', path, { json, headers })
  }

  delete<Body = LooseJson>(path: string, headers?: Record<string, string>) {
    return this.request<Body>('DELETE', path, { headers })
  }
}

export const STRONG_PASSWORD = 'violet-harbour-lantern-42'

export interface RegisteredUser {
  client: ApiClient
  id: string
  email: string
  name: string
  password: string
}

/** Registers a fresh user; the returned client holds their session. */
export async function registerUser(baseUrl: string, headers: Record<string, string> = {}): Promise<RegisteredUser> {
  const client = new ApiClient(baseUrl, headers)
  const email = `user-${randomUUID()}@example.com`
  const name = `User ${email.slice(5, 13)}`
  const response = await client.post('/api/auth/register', { name, email, password: STRONG_PASSWORD })
  if (response.status !== 201) throw new Error(`Registration failed: ${response.status} ${JSON.stringify(response.body)}`)
  return { client, id: response.body.user.id, email, name, password: STRONG_PASSWORD }
}

export function bearer(token: string): Record<string, string> {
  return { Authorization: `Bearer ${token}` }
}
