import { AccountService } from '../accounts/account-service'
import { BrandKitService } from '../brand-kits/brand-kit-service'
import { BrandKitsRepository } from '../brand-kits/brand-kits-repository'
import { LoginThrottle } from '../accounts/login-throttle'
import { REMEMBER_LIVE_SESSION_MS, SessionService } from '../accounts/session-service'
import { listenForSessionEnds } from '../accounts/session-ends'
import { SessionsRepository } from '../accounts/sessions-repository'
import { UsersRepository } from '../accounts/users-repository'
import { loadAppConfig, type AppConfig } from '../config/app-config'
import { loadOrCreateSecret } from '../config/persistent-secret'
import type { DatabaseConnection } from '../db/database'
import { embeddedDatabaseDir, openDatabase } from '../db/open-database'
import type { PostgresListener } from '../db/postgres-listener'
import { MemoryCounterStore } from '../rate-limit/memory-counter-store'
import { RateLimiter } from '../rate-limit/rate-limiter'
import { RedisCounterStore } from '../rate-limit/redis-counter-store'
import { ReviewLinkService } from '../reviews/review-link-service'
import { ReviewLinksRepository } from '../reviews/review-links-repository'
import { CredentialLiveness } from '../tokens/credential-liveness'
import { HubTokenIssuer } from '../tokens/hub-token-issuer'
import { PersonalAccessTokenService } from '../tokens/personal-access-token-service'
import { PersonalAccessTokensRepository } from '../tokens/personal-access-tokens-repository'
import { ServiceTokenIssuer } from '../tokens/service-token'
import { createRedisClient } from './redis-clients'

/** The server's long-lived parts, built once from the environment and shared by every request. */
export interface AppServices {
  config: AppConfig
  database: DatabaseConnection
  /** On PostgreSQL: the connection that hears other instances' sign-outs. */
  sessionEnds: PostgresListener | undefined
  accounts: AccountService
  sessions: SessionService
  personalAccessTokens: PersonalAccessTokenService
  hubTokens: HubTokenIssuer
  /**
   * A web front signs service tokens with it; an engine with ENGINE_SERVICE_SECRET verifies them.
   * Undefined in a process that is neither.
   */
  serviceTokens: ServiceTokenIssuer | undefined
  reviewLinks: ReviewLinkService
  brandKits: BrandKitService
  /** Whether sessions, personal access tokens and review links still open anything. */
  credentials: CredentialLiveness
  rateLimiter: RateLimiter
  /** Budgets of hub clients, per principal: method calls, and connections started. */
  hubInvocationLimiter: RateLimiter
  hubConnectLimiter: RateLimiter
  /** Feedback posts per review link per minute. */
  reviewFeedbackRateLimiter: RateLimiter
}

export const HUB_TOKEN_SECRET_FILE = 'hub-token.secret'

export async function createAppServices(config: AppConfig): Promise<AppServices> {
  const database = await openDatabase({
    databaseUrl: config.databaseUrl,
    embeddedDir: embeddedDatabaseDir(config.dataDir),
  })
  // With Redis every instance spends from the same counters; alone, this process keeps its own.
  const counters = config.redis
    ? new RedisCounterStore(createRedisClient(config.redis, 'counters'), `${config.redis.keyPrefix}:counters`)
    : new MemoryCounterStore()
  const hubSecret = loadOrCreateSecret(config.dataDir, HUB_TOKEN_SECRET_FILE, config.hubTokenSecret, 'HUB_TOKEN_SECRET')
  // A single server on the embedded database ends every session itself; instances sharing
  // PostgreSQL remember sessions only while they hear each other's sign-outs.
  const signOutsElsewhere = database.kind === 'postgres'
  const sessions = new SessionService(new SessionsRepository(database.db), { rememberLiveForMs: REMEMBER_LIVE_SESSION_MS, signOutsElsewhere, maxLivePerUser: config.liveSessionsPerUser })
  const sessionEnds = signOutsElsewhere ? listenForSessionEnds(config.databaseUrl!, sessions) : undefined
  const personalAccessTokens = new PersonalAccessTokenService(new PersonalAccessTokensRepository(database.db), config.personalAccessTokensPerUser)
  const reviewLinks = new ReviewLinkService(new ReviewLinksRepository(database.db), config.reviewLinksPerCampaign)
  const serviceSecret = config.engineFront?.serviceSecret ?? config.engineService.serviceSecret
  return {
    config,
    database,
    sessionEnds,
    accounts: new AccountService(new UsersRepository(database.db), new LoginThrottle(counters), config.registrationOpen),
    sessions,
    personalAccessTokens,
    hubTokens: new HubTokenIssuer(hubSecret),
    serviceTokens: serviceSecret ? new ServiceTokenIssuer(serviceSecret) : undefined,
    reviewLinks,
    brandKits: new BrandKitService(new BrandKitsRepository(database.db), config.brandKitsPerUser),
    credentials: new CredentialLiveness({
      'session': ids => sessions.live(ids),
      'personal-access-token': ids => personalAccessTokens.usable(ids),
      'review-link': ids => reviewLinks.usable(ids),
    }),
    rateLimiter: new RateLimiter(counters, config.rateLimitPerMinute),
    hubInvocationLimiter: new RateLimiter(counters, config.hubInvocationsPerMinute),
    hubConnectLimiter: new RateLimiter(counters, config.hubConnectsPerMinute),
    reviewFeedbackRateLimiter: new RateLimiter(counters, config.reviewFeedback.perLinkPerMinute),
  }
}

let services: Promise<AppServices> | undefined

/**
 * The shared services, created on first use (the server starts them at boot). A failed start, such
 * as PostgreSQL not answering yet, is retried on the next call instead of being remembered.
 */
export function useAppServices(): Promise<AppServices> {
  services ??= createAppServices(loadAppConfig()).catch((error) => {
    services = undefined
    throw error
  })
  return services
}

export async function closeAppServices(): Promise<void> {
  const current = services
  services = undefined
  const closing = await current?.catch(() => undefined)
  await closing?.sessionEnds?.close()
  await closing?.database.close()
}
