import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { loadAppConfig, loadRedisConfig } from '../../../server/config/app-config'
import { loadOrCreateSecret } from '../../../server/config/persistent-secret'

describe('configuration from the environment', () => {
  it('needs nothing: embedded database in .data, registration open, 100 requests a minute, bounded reviewer feedback', () => {
    expect(loadAppConfig({})).toEqual({
      dataDir: resolve('.data'), databaseUrl: undefined, sessionPassword: undefined, hubTokenSecret: undefined,
      registrationOpen: true, rateLimitPerMinute: 100, trustProxy: false,
      hubInvocationsPerMinute: 300, hubConnectionsPerPrincipal: 20, hubConnectsPerMinute: 60, hubCredentialCheckSeconds: 15,
      reviewFeedback: { perLink: 50, perCampaign: 500, perLinkPerMinute: 10 }, reviewDecisions: { perLink: 50, perCampaign: 200 }, brandKitsPerUser: 50,
      liveSessionsPerUser: 50, personalAccessTokensPerUser: 50, reviewLinksPerCampaign: 100,
      maxRequestBodyBytes: 1024 * 1024, logLevel: 'info', metricsToken: undefined,
      engineFront: undefined, engineService: { serviceSecret: undefined, webOrigins: [] },
    })
  })

  it('reads Redis settings: the key prefix, and how long a hub connection slot lasts unrenewed (at least 3 s)', () => {
    expect(loadRedisConfig({})).toBeUndefined()
    expect(loadRedisConfig({ REDIS_URL: 'redis://cache:6379' })).toEqual({ url: 'redis://cache:6379', keyPrefix: 'map', hubSlotSeconds: 30 })
    expect(loadRedisConfig({ REDIS_URL: 'redis://cache:6379', REDIS_KEY_PREFIX: 'blue', HUB_CONNECTION_SLOT_SECONDS: '10' })).toMatchObject({ keyPrefix: 'blue', hubSlotSeconds: 10 })
    expect(() => loadRedisConfig({ REDIS_URL: 'redis://cache:6379', HUB_CONNECTION_SLOT_SECONDS: '2' })).toThrow('HUB_CONNECTION_SLOT_SECONDS must be at least 3')
    expect(() => loadRedisConfig({ REDIS_URL: 'redis://cache:6379', HUB_CONNECTION_SLOT_SECONDS: 'soon' })).toThrow(/HUB_CONNECTION_SLOT_SECONDS must be a positive whole number/)
  })

  it('reads every variable', () => {
    const config = loadAppConfig({
      DATA_DIR: '/var/lib/map', DATABASE_URL: 'postgres://db/x', REGISTRATION_OPEN: 'false', RATE_LIMIT_PER_MINUTE: '250', TRUST_PROXY: 'yes',
      REVIEW_FEEDBACK_PER_LINK: '5', REVIEW_FEEDBACK_PER_CAMPAIGN: '20', REVIEW_FEEDBACK_PER_LINK_PER_MINUTE: '2', BRAND_KITS_PER_USER: '7', MAX_REQUEST_BODY_BYTES: '65536',
      LIVE_SESSIONS_PER_USER: '4', PERSONAL_ACCESS_TOKENS_PER_USER: '3', REVIEW_LINKS_PER_CAMPAIGN: '12',
      REVIEW_DECISIONS_PER_LINK: '3', REVIEW_DECISIONS_PER_CAMPAIGN: '9', LOG_LEVEL: 'Debug', METRICS_TOKEN: ' scrape-token ',
    })
    expect(config).toMatchObject({
      dataDir: '/var/lib/map', databaseUrl: 'postgres://db/x', registrationOpen: false, rateLimitPerMinute: 250, trustProxy: true,
      reviewFeedback: { perLink: 5, perCampaign: 20, perLinkPerMinute: 2 }, reviewDecisions: { perLink: 3, perCampaign: 9 }, brandKitsPerUser: 7, maxRequestBodyBytes: 65536,
      liveSessionsPerUser: 4, personalAccessTokensPerUser: 3, reviewLinksPerCampaign: 12,
      logLevel: 'debug', metricsToken: 'scrape-token',
    })
  })

  it('refuses values it cannot read, naming the variable', () => {
    expect(() => loadAppConfig({ RATE_LIMIT_PER_MINUTE: '0' })).toThrow(/RATE_LIMIT_PER_MINUTE/)
    expect(() => loadAppConfig({ REGISTRATION_OPEN: 'maybe' })).toThrow(/REGISTRATION_OPEN/)
    expect(() => loadAppConfig({ HUB_CONNECTIONS_PER_PRINCIPAL: '-1' })).toThrow(/HUB_CONNECTIONS_PER_PRINCIPAL/)
    expect(() => loadAppConfig({ REVIEW_FEEDBACK_PER_LINK: 'many' })).toThrow(/REVIEW_FEEDBACK_PER_LINK/)
    expect(() => loadAppConfig({ BRAND_KITS_PER_USER: '0' })).toThrow(/BRAND_KITS_PER_USER/)
    expect(() => loadAppConfig({ REVIEW_LINKS_PER_CAMPAIGN: 'many' })).toThrow(/REVIEW_LINKS_PER_CAMPAIGN/)
    expect(() => loadAppConfig({ MAX_REQUEST_BODY_BYTES: '1MB' })).toThrow(/MAX_REQUEST_BODY_BYTES/)
    expect(() => loadAppConfig({ LOG_LEVEL: 'verbose' })).toThrow(/LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent, not "verbose"/)
  })

  it('reads the hub client limits', () => {
    expect(loadAppConfig({ HUB_INVOCATIONS_PER_MINUTE: '50', HUB_CONNECTIONS_PER_PRINCIPAL: '5', HUB_CONNECTS_PER_MINUTE: '10', HUB_CREDENTIAL_CHECK_SECONDS: '2' }))
      .toMatchObject({ hubInvocationsPerMinute: 50, hubConnectionsPerPrincipal: 5, hubConnectsPerMinute: 10, hubCredentialCheckSeconds: 2 })
  })
})

describe('secrets kept in the data directory', () => {
  const dirs: string[] = []
  const newDir = () => {
    const dir = mkdtempSync(join(tmpdir(), 'map-secret-'))
    dirs.push(dir)
    return dir
  }
  afterEach(() => dirs.splice(0).forEach(dir => rmSync(dir, { recursive: true, force: true })))

  it('generates a secret once, readable only by the owner, and returns the same one afterwards', () => {
    const dir = newDir()
    const first = loadOrCreateSecret(dir, 'a.secret', undefined, 'A')
    expect(first.length).toBeGreaterThanOrEqual(32)
    expect(loadOrCreateSecret(dir, 'a.secret', undefined, 'A')).toBe(first)
    expect(readFileSync(join(dir, 'a.secret'), 'utf8')).toBe(first)
    expect(statSync(join(dir, 'a.secret')).mode & 0o077).toBe(0)
  })

  it('prefers the configured secret and refuses a short one', () => {
    const dir = newDir()
    expect(loadOrCreateSecret(dir, 'b.secret', 'x'.repeat(40), 'B')).toBe('x'.repeat(40))
    expect(() => loadOrCreateSecret(dir, 'b.secret', 'short', 'B')).toThrow(/B must be at least 32/)
  })
})
