/**
 * Which language model writes campaigns, read from environment variables.
 *
 * Reading is kept apart from building the provider so configuration mistakes are reported
 * at startup, all at once, by variable name — never by value, because values include keys.
 */

export const MODEL_PROVIDERS = ['offline', 'openai', 'azure', 'openai-compatible'] as const
export type ModelProviderName = (typeof MODEL_PROVIDERS)[number]

/** Generous enough for long copy from a slow local server, short enough to free a stuck run. */
export const DEFAULT_MODEL_TIMEOUT_MS = 120_000

export type ModelConfig
  = | { provider: 'offline' }
    | { provider: 'openai', apiKey: string, modelId: string, baseURL?: string, timeoutMs: number }
    | {
      provider: 'azure'
      apiKey: string
      deployment: string
      /** Exactly one of resourceName and baseURL is set. */
      resourceName?: string
      baseURL?: string
      apiVersion?: string
      timeoutMs: number
    }
    | { provider: 'openai-compatible', baseURL: string, modelId: string, apiKey?: string, timeoutMs: number }

export type ModelEnv = Record<string, string | undefined>

/** Thrown for incomplete or contradictory model settings; the message names variables only. */
export class ModelConfigError extends Error {
  override name = 'ModelConfigError'
  constructor(readonly problems: string[]) {
    super(`Language model configuration is incomplete: ${problems.join('; ')}. See "Language models" in README.md.`)
  }
}

/** Reads the model settings; throws ModelConfigError listing every problem found. */
export function readModelConfig(env: ModelEnv): ModelConfig {
  const read = (name: string) => {
    const value = env[name]?.trim()
    return value ? value : undefined
  }
  const problems: string[] = []
  const required = (name: string) => {
    const value = read(name)
    if (!value) problems.push(`${name} is required`)
    return value ?? ''
  }
  const url = (name: string, value: string | undefined) => {
    if (value === undefined) return undefined
    try {
      const parsed = new URL(value)
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw new Error('not http')
      return value
    }
    catch {
      problems.push(`${name} must be an http(s) URL`)
      return undefined
    }
  }

  const provider = (read('MODEL_PROVIDER') ?? 'offline').toLowerCase()
  if (!isProviderName(provider)) {
    throw new ModelConfigError([`MODEL_PROVIDER must be one of ${MODEL_PROVIDERS.join(', ')}`])
  }
  if (provider === 'offline') return { provider }

  const timeoutMs = readTimeout(read('MODEL_TIMEOUT_MS'), problems)
  let config: ModelConfig
  switch (provider) {
    case 'openai':
      config = {
        provider,
        apiKey: required('OPENAI_API_KEY'),
        modelId: required('OPENAI_MODEL'),
        baseURL: url('OPENAI_BASE_URL', read('OPENAI_BASE_URL')),
        timeoutMs,
      }
      break
    case 'azure': {
      const resourceName = read('AZURE_OPENAI_RESOURCE_NAME')
      const rawEndpoint = read('AZURE_OPENAI_ENDPOINT')
      if (!resourceName && !rawEndpoint) {
        problems.push('AZURE_OPENAI_RESOURCE_NAME or AZURE_OPENAI_ENDPOINT is required')
      }
      if (resourceName && rawEndpoint) {
        problems.push('set only one of AZURE_OPENAI_RESOURCE_NAME and AZURE_OPENAI_ENDPOINT')
      }
      const endpoint = url('AZURE_OPENAI_ENDPOINT', rawEndpoint)
      config = {
        provider,
        apiKey: required('AZURE_OPENAI_API_KEY'),
        deployment: required('AZURE_OPENAI_DEPLOYMENT'),
        resourceName,
        baseURL: endpoint === undefined ? undefined : azureBaseURL(endpoint),
        apiVersion: read('AZURE_OPENAI_API_VERSION'),
        timeoutMs,
      }
      break
    }
    case 'openai-compatible': {
      const baseURL = required('OPENAI_COMPATIBLE_BASE_URL')
      config = {
        provider,
        baseURL: baseURL && (url('OPENAI_COMPATIBLE_BASE_URL', baseURL) ?? ''),
        modelId: required('OPENAI_COMPATIBLE_MODEL'),
        apiKey: read('OPENAI_COMPATIBLE_API_KEY'),
        timeoutMs,
      }
      break
    }
  }
  if (problems.length > 0) throw new ModelConfigError(problems)
  return config
}

/** The model id recorded on every artifact (`metadata.model`). */
export function configuredModelId(config: Exclude<ModelConfig, { provider: 'offline' }>): string {
  return config.provider === 'azure' ? config.deployment : config.modelId
}

function isProviderName(value: string): value is ModelProviderName {
  return (MODEL_PROVIDERS as readonly string[]).includes(value)
}

function readTimeout(raw: string | undefined, problems: string[]): number {
  if (raw === undefined) return DEFAULT_MODEL_TIMEOUT_MS
  const value = Number(raw)
  if (!Number.isInteger(value) || value <= 0) {
    problems.push('MODEL_TIMEOUT_MS must be a positive whole number of milliseconds')
    return DEFAULT_MODEL_TIMEOUT_MS
  }
  return value
}

/**
 * Azure portals show the endpoint as `https://name.openai.azure.com/`, while the SDK wants the
 * `/openai` prefix; accept both so the value can be pasted as shown.
 */
function azureBaseURL(endpoint: string): string {
  const url = new URL(endpoint)
  const path = url.pathname.replace(/\/+$/, '')
  return path === '' ? `${url.origin}/openai` : `${url.origin}${path}`
}
