import { describe, expect, it } from 'vitest'
import { hubConnectSources } from '../../../server/bff/hub-connect-sources'
import { hubCorsHeaders } from '../../../server/bff/hub-cors'
import { pageContentSecurityPolicy } from '../../../server/security/content-security-policy'

const front = { engineOrigin: 'http://engine.internal:5002', serviceSecret: 's'.repeat(32) }

describe('a web front\'s pages and the engine\'s hub', () => {
  it('may connect to the engine\'s hub over HTTP and WebSockets, and nowhere else', () => {
    expect(hubConnectSources({ ...front, engineHubUrl: 'https://engine.example.com/hubs/campaign' })).toEqual(['https://engine.example.com', 'wss://engine.example.com'])
    expect(hubConnectSources({ ...front, engineHubUrl: 'http://127.0.0.1:5002/hubs/campaign' })).toEqual(['http://127.0.0.1:5002', 'ws://127.0.0.1:5002'])
    expect(hubConnectSources(undefined)).toEqual([])
    expect(pageContentSecurityPolicy('n', ['https://engine.example.com', 'wss://engine.example.com']))
      .toContain(`connect-src 'self' https://engine.example.com wss://engine.example.com;`)
    expect(pageContentSecurityPolicy('n')).toContain(`connect-src 'self';`)
  })

  it('the engine answers listed origins across origins, with credentials, and no other', () => {
    const allowed = ['https://app.example.com']
    expect(hubCorsHeaders('https://app.example.com', allowed, false)).toEqual({
      'Access-Control-Allow-Origin': 'https://app.example.com', 'Access-Control-Allow-Credentials': 'true', 'Vary': 'Origin',
    })
    expect(hubCorsHeaders('https://app.example.com', allowed, true)).toMatchObject({
      'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
      'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Requested-With, X-SignalR-User-Agent',
    })
    expect(hubCorsHeaders('https://evil.example.com', allowed, true)).toBeNull()
    expect(hubCorsHeaders(undefined, allowed, false)).toBeNull()
  })
})
