type Env = Record<string, string | undefined>

/** Service tokens are HS256: a key shorter than its hash gives away strength for nothing. */
const MIN_SECRET_LENGTH = 32

/**
 * A web front (ENGINE_URL set): this process serves the pages and the session, and hands every
 * campaign and review call to the engine service, signed with a service token.
 */
export interface EngineFrontConfig {
  /** Where this process reaches the engine (an origin: scheme, host, port). */
  engineOrigin: string
  /** The engine's hub as browsers reach it: negotiate redirects them there. */
  engineHubUrl: string
  /** Signs the service tokens the engine accepts. */
  serviceSecret: string
}

/** The engine's side: whom it accepts service tokens from, and which web origins may call its hub. */
export interface EngineServiceConfig {
  /** Verifies service tokens; absent: the engine accepts none. */
  serviceSecret: string | undefined
  /** Origins (WEB_ORIGIN) whose pages may call the hub across origins (CORS). */
  webOrigins: string[]
}

/**
 * Reads ENGINE_URL, ENGINE_PUBLIC_URL and ENGINE_SERVICE_SECRET. Both processes must agree on who
 * a user is and on the hub tokens' key, so a web front without the shared database or an explicit
 * HUB_TOKEN_SECRET refuses to start rather than sign users into an engine that cannot know them.
 */
export function readEngineFrontConfig(env: Env = process.env): EngineFrontConfig | undefined {
  const engineUrl = env.ENGINE_URL?.trim()
  if (!engineUrl) return undefined
  const engineOrigin = originOf('ENGINE_URL', engineUrl)
  if (env.ROLE?.trim().toLowerCase() === 'worker') throw new Error('ENGINE_URL makes this process a web front; ROLE=worker executes runs: set one or the other')
  const serviceSecret = readServiceSecret(env)
  if (!serviceSecret) throw new Error('ENGINE_URL needs ENGINE_SERVICE_SECRET: the engine accepts calls only with service tokens signed with the secret it shares with this web front')
  if (!env.DATABASE_URL?.trim()) throw new Error('ENGINE_URL needs DATABASE_URL: the web front and the engine share their accounts and sessions in one PostgreSQL database')
  if (!env.HUB_TOKEN_SECRET?.trim()) throw new Error('ENGINE_URL needs HUB_TOKEN_SECRET: the engine\'s hub accepts the hub tokens this web front mints only when both sign them with the same secret')
  const publicUrl = env.ENGINE_PUBLIC_URL?.trim()
  const publicOrigin = publicUrl ? originOf('ENGINE_PUBLIC_URL', publicUrl) : engineOrigin
  return { engineOrigin, engineHubUrl: `${publicOrigin}/hubs/campaign`, serviceSecret }
}

/** Reads ENGINE_SERVICE_SECRET and WEB_ORIGIN for a process that is not a web front. */
export function readEngineServiceConfig(env: Env = process.env): EngineServiceConfig {
  const webOrigins = (env.WEB_ORIGIN ?? '').split(',').map(origin => origin.trim()).filter(Boolean).map((origin) => {
    const parsed = originOf('WEB_ORIGIN', origin)
    if (parsed !== origin.replace(/\/$/, '')) throw new Error(`WEB_ORIGIN lists origins (scheme://host:port, no path), not "${origin}"`)
    return parsed
  })
  return { serviceSecret: readServiceSecret(env), webOrigins }
}

function readServiceSecret(env: Env): string | undefined {
  const secret = env.ENGINE_SERVICE_SECRET?.trim()
  if (!secret) return undefined
  if (secret.length < MIN_SECRET_LENGTH) throw new Error(`ENGINE_SERVICE_SECRET must be at least ${MIN_SECRET_LENGTH} characters`)
  return secret
}

/**
 * An http(s) URL reduced to its origin; a path is refused, since every route keeps its own. Errors
 * name the variable, never its value, which might hold credentials.
 */
function originOf(name: string, value: string): string {
  let url: URL
  try {
    url = new URL(value)
  }
  catch {
    throw new Error(`${name} must be an http:// or https:// URL`)
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${name} must be an http:// or https:// URL`)
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password) throw new Error(`${name} must be an origin such as https://engine.internal:5002, without a path, query or credentials`)
  return url.origin
}
