import { describe, expect, it } from 'vitest'
import { sharesRequestTurns } from '../../../server/http/request-turns'

describe('sharesRequestTurns', () => {
  it('puts REST calls and pages in line for their share of the event loop', () => {
    for (const path of ['/api/campaigns', '/api/campaigns/camp_1/generate', '/', '/campaigns/camp_1', '/review/abc', '/api']) {
      expect(sharesRequestTurns(path), path).toBe(true)
    }
  })

  it('answers probes, scrapes and the hub\'s transports in the turn they arrive', () => {
    for (const path of ['/health', '/metrics', '/hubs/campaign', '/hubs/campaign/negotiate']) {
      expect(sharesRequestTurns(path), path).toBe(false)
    }
  })

  it('does not mistake a path that only begins like the hub\'s for it', () => {
    expect(sharesRequestTurns('/hubs/campaigns')).toBe(true)
    expect(sharesRequestTurns('/healthz')).toBe(true)
  })
})
