import { resolve } from 'node:path'
import { MAX_BRAND_KITS_PER_USER } from '#shared/campaign/brand-kits'
import { MAX_LIVE_SESSIONS_PER_USER } from '../accounts/session-service'
import { MAX_REVIEW_LINKS_PER_CAMPAIGN } from '../reviews/review-link-service'
import { MAX_PERSONAL_ACCESS_TOKENS_PER_USER } from '../tokens/personal-access-token-service'
import { parseLogLevel, type LogLevel } from '../observability/log-level'
import { readEngineFrontConfig, readEngineServiceConfig, type EngineFrontConfig, type EngineServiceConfig } from './bff-config'

/** Everything the accounts, tokens and database layers read from the environment, in one place. */
export interface AppConfig {
  /** Where the embedded database and generated secrets live. */
  dataDir: string
  /** PostgreSQL connection string; the embedded database is used when absent. */
  databaseUrl: string | undefined
  /** Redis shared by instances (hub backplane, rate-limit counters); absent: this process alone. */
  redis: RedisConfig | undefined
  /** Seals session cookies; generated and kept in `dataDir` when absent. */
  sessionPassword: string | undefined
  /** Signs hub tokens; generated and kept in `dataDir` when absent. */
  hubTokenSecret: string | undefined
  registrationOpen: boolean
  rateLimitPerMinute: number
  /** Hub method calls per minute per principal (a user, or a review link). */
  hubInvocationsPerMinute: number
  /** Hub connections one principal may have at once, unused negotiations included. */
  hubConnectionsPerPrincipal: number
  /** Hub connections one principal may start per minute. */
  hubConnectsPerMinute: number
  /**
   * How often open hub connections are checked against their credentials: an expired review link or
   * token, or a revocation this instance did not hear of (another instance, an engine behind a web
   * front), ends its connections within this.
   */
  hubCredentialCheckSeconds: number
  /** Honour X-Forwarded-For / -Host / -Proto: only behind a proxy that sets them. */
  trustProxy: boolean
  /** The largest request body read, in bytes; anything larger is refused before it is buffered. */
  maxRequestBodyBytes: number
  reviewFeedback: ReviewFeedbackLimits
  /** Per-item decisions one review link, and one campaign across its links, may hold. */
  reviewDecisions: { perLink: number, perCampaign: number }
  /** Brand kits one account may keep. */
  brandKitsPerUser: number
  /** Live sessions one account may have: a sign-in beyond ends the oldest. */
  liveSessionsPerUser: number
  /** Unrevoked personal access tokens one account may keep. */
  personalAccessTokensPerUser: number
  /** Review links one campaign may have (live ones, and ended ones that carried feedback). */
  reviewLinksPerCampaign: number
  logLevel: LogLevel
  /** Bearer token that opens GET /metrics; the endpoint does not exist without it. */
  metricsToken: string | undefined
  /** Set (ENGINE_URL): this process is a web front that hands campaign and review calls to the engine. */
  engineFront: EngineFrontConfig | undefined
  /** The engine's side of that deployment: service tokens it accepts, web origins its hub answers. */
  engineService: EngineServiceConfig
}

/** How much reviewers may say: every post is kept and shown to the owner, so it has to end somewhere. */
export interface ReviewFeedbackLimits {
  perLink: number
  perCampaign: number
  perLinkPerMinute: number
}

export interface RedisConfig {
  url: string
  /** Starts every key and channel, so deployments (and test runs) sharing one Redis stay apart. */
  keyPrefix: string
  /** Seconds a hub connection's slot lasts unrenewed: how soon a dead instance's connections stop counting against their principals' cap. */
  hubSlotSeconds: number
}

/** 1 MiB: the largest valid JSON body (a full campaign brief) is a few tens of kilobytes. */
export const DEFAULT_MAX_REQUEST_BODY_BYTES = 1024 * 1024

type Env = Record<string, string | undefined>

export function loadAppConfig(env: Env = process.env): AppConfig {
  return {
    dataDir: resolve(nonEmpty(env.DATA_DIR) ?? '.data'),
    databaseUrl: nonEmpty(env.DATABASE_URL),
    redis: loadRedisConfig(env),
    sessionPassword: nonEmpty(env.NUXT_SESSION_PASSWORD),
    hubTokenSecret: nonEmpty(env.HUB_TOKEN_SECRET),
    registrationOpen: parseBoolean('REGISTRATION_OPEN', env.REGISTRATION_OPEN, true),
    rateLimitPerMinute: parsePositiveInteger('RATE_LIMIT_PER_MINUTE', env.RATE_LIMIT_PER_MINUTE, 100),
    hubInvocationsPerMinute: parsePositiveInteger('HUB_INVOCATIONS_PER_MINUTE', env.HUB_INVOCATIONS_PER_MINUTE, 300),
    hubConnectionsPerPrincipal: parsePositiveInteger('HUB_CONNECTIONS_PER_PRINCIPAL', env.HUB_CONNECTIONS_PER_PRINCIPAL, 20),
    hubConnectsPerMinute: parsePositiveInteger('HUB_CONNECTS_PER_MINUTE', env.HUB_CONNECTS_PER_MINUTE, 60),
    hubCredentialCheckSeconds: parsePositiveInteger('HUB_CREDENTIAL_CHECK_SECONDS', env.HUB_CREDENTIAL_CHECK_SECONDS, 15),
    trustProxy: parseBoolean('TRUST_PROXY', env.TRUST_PROXY, false),
    reviewFeedback: {
      perLink: parsePositiveInteger('REVIEW_FEEDBACK_PER_LINK', env.REVIEW_FEEDBACK_PER_LINK, 50),
      perCampaign: parsePositiveInteger('REVIEW_FEEDBACK_PER_CAMPAIGN', env.REVIEW_FEEDBACK_PER_CAMPAIGN, 500),
      perLinkPerMinute: parsePositiveInteger('REVIEW_FEEDBACK_PER_LINK_PER_MINUTE', env.REVIEW_FEEDBACK_PER_LINK_PER_MINUTE, 10),
    },
    reviewDecisions: {
      perLink: parsePositiveInteger('REVIEW_DECISIONS_PER_LINK', env.REVIEW_DECISIONS_PER_LINK, 50),
      perCampaign: parsePositiveInteger('REVIEW_DECISIONS_PER_CAMPAIGN', env.REVIEW_DECISIONS_PER_CAMPAIGN, 200),
    },
    brandKitsPerUser: parsePositiveInteger('BRAND_KITS_PER_USER', env.BRAND_KITS_PER_USER, MAX_BRAND_KITS_PER_USER),
    liveSessionsPerUser: parsePositiveInteger('LIVE_SESSIONS_PER_USER', env.LIVE_SESSIONS_PER_USER, MAX_LIVE_SESSIONS_PER_USER),
    personalAccessTokensPerUser: parsePositiveInteger('PERSONAL_ACCESS_TOKENS_PER_USER', env.PERSONAL_ACCESS_TOKENS_PER_USER, MAX_PERSONAL_ACCESS_TOKENS_PER_USER),
    reviewLinksPerCampaign: parsePositiveInteger('REVIEW_LINKS_PER_CAMPAIGN', env.REVIEW_LINKS_PER_CAMPAIGN, MAX_REVIEW_LINKS_PER_CAMPAIGN),
    maxRequestBodyBytes: parsePositiveInteger('MAX_REQUEST_BODY_BYTES', env.MAX_REQUEST_BODY_BYTES, DEFAULT_MAX_REQUEST_BODY_BYTES),
    logLevel: parseLogLevel(env.LOG_LEVEL),
    metricsToken: nonEmpty(env.METRICS_TOKEN)?.trim(),
    engineFront: readEngineFrontConfig(env),
    engineService: readEngineServiceConfig(env),
  }
}

/** REDIS_URL, REDIS_KEY_PREFIX and HUB_CONNECTION_SLOT_SECONDS; errors name the variable, never the URL, which may hold a password. */
export function loadRedisConfig(env: Env = process.env): RedisConfig | undefined {
  const url = nonEmpty(env.REDIS_URL)?.trim()
  if (url === undefined) return undefined
  if (!/^rediss?:\/\/./.test(url)) throw new Error('REDIS_URL must be a redis:// or rediss:// URL')
  const keyPrefix = nonEmpty(env.REDIS_KEY_PREFIX)?.trim() ?? 'map'
  if (!/^[\w.:-]{1,100}$/.test(keyPrefix)) throw new Error('REDIS_KEY_PREFIX must be 1 to 100 letters, digits, or . : _ -')
  const hubSlotSeconds = parsePositiveInteger('HUB_CONNECTION_SLOT_SECONDS', env.HUB_CONNECTION_SLOT_SECONDS, 30)
  if (hubSlotSeconds < 3) throw new Error('HUB_CONNECTION_SLOT_SECONDS must be at least 3')
  return { url, keyPrefix, hubSlotSeconds }
}

function nonEmpty(value: string | undefined): string | undefined {
  return value === undefined || value.trim() === '' ? undefined : value
}

function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  const text = nonEmpty(value)?.trim().toLowerCase()
  if (text === undefined) return fallback
  if (['true', '1', 'yes', 'on'].includes(text)) return true
  if (['false', '0', 'no', 'off'].includes(text)) return false
  throw new Error(`${name} must be true or false, not "${value}"`)
}

function parsePositiveInteger(name: string, value: string | undefined, fallback: number): number {
  const text = nonEmpty(value)?.trim()
  if (text === undefined) return fallback
  const number = Number(text)
  if (!Number.isSafeInteger(number) || number < 1) throw new Error(`${name} must be a positive whole number, not "${value}"`)
  return number
}
