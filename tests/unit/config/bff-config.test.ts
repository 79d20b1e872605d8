import { describe, expect, it } from 'vitest'
import { readEngineFrontConfig, readEngineServiceConfig } from '../../../server/config/bff-config'

const SECRET = 's'.repeat(32)
const FRONT = { ENGINE_URL: 'http://engine.internal:5002', ENGINE_SERVICE_SECRET: SECRET, DATABASE_URL: 'postgres://db/x', HUB_TOKEN_SECRET: 'h'.repeat(32) }

describe('a web front\'s settings (ENGINE_URL)', () => {
  it('are absent without ENGINE_URL', () => {
    expect(readEngineFrontConfig({})).toBeUndefined()
  })

  it('send hub clients to ENGINE_PUBLIC_URL when set, to ENGINE_URL otherwise', () => {
    expect(readEngineFrontConfig(FRONT)).toEqual({ engineOrigin: 'http://engine.internal:5002', engineHubUrl: 'http://engine.internal:5002/hubs/campaign', serviceSecret: SECRET })
    expect(readEngineFrontConfig({ ...FRONT, ENGINE_PUBLIC_URL: 'https://engine.example.com/' })?.engineHubUrl).toBe('https://engine.example.com/hubs/campaign')
  })

  it.each([
    [{ ENGINE_SERVICE_SECRET: undefined }, /ENGINE_URL needs ENGINE_SERVICE_SECRET/],
    [{ ENGINE_SERVICE_SECRET: 'short' }, /ENGINE_SERVICE_SECRET must be at least 32 characters/],
    [{ DATABASE_URL: undefined }, /ENGINE_URL needs DATABASE_URL/],
    [{ HUB_TOKEN_SECRET: undefined }, /ENGINE_URL needs HUB_TOKEN_SECRET/],
    [{ ROLE: 'worker' }, /ENGINE_URL makes this process a web front/],
    [{ ENGINE_URL: 'engine:5002' }, /ENGINE_URL must be an http:\/\/ or https:\/\/ URL/],
    [{ ENGINE_URL: 'http://engine.internal:5002/api' }, /ENGINE_URL must be an origin/],
    [{ ENGINE_PUBLIC_URL: 'http://user:secret@engine' }, /ENGINE_PUBLIC_URL must be an origin/],
  ])('refuse %o with a message naming the variable, never a value', (change, message) => {
    let error: Error | undefined
    try {
      readEngineFrontConfig({ ...FRONT, ...change })
    }
    catch (thrown) {
      error = thrown as Error
    }
    expect(error?.message).toMatch(message)
    expect(error?.message).not.toContain('secret@')
  })
})

describe('the engine\'s settings (ENGINE_SERVICE_SECRET, WEB_ORIGIN)', () => {
  it('accept no service tokens and no other origin by default', () => {
    expect(readEngineServiceConfig({})).toEqual({ serviceSecret: undefined, webOrigins: [] })
  })

  it('read the secret and a comma-separated list of origins', () => {
    expect(readEngineServiceConfig({ ENGINE_SERVICE_SECRET: SECRET, WEB_ORIGIN: 'https://app.example.com, http://localhost:5001/' }))
      .toEqual({ serviceSecret: SECRET, webOrigins: ['https://app.example.com', 'http://localhost:5001'] })
  })

  it('refuse an origin with a path, and a short secret', () => {
    expect(() => readEngineServiceConfig({ WEB_ORIGIN: 'https://app.example.com/dashboard' })).toThrow(/WEB_ORIGIN must be an origin/)
    expect(() => readEngineServiceConfig({ ENGINE_SERVICE_SECRET: 'short' })).toThrow(/at least 32/)
  })
})
