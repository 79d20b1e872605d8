import { describe, expect, it } from 'vitest'
import { isProbePath, readProbePort } from '../../../server/config/probe-port'

describe('readProbePort', () => {
  it('is off when unset or blank', () => {
    expect(readProbePort({})).toBeUndefined()
    expect(readProbePort({ PROBE_PORT: '  ' })).toBeUndefined()
  })

  it('reads a port number', () => {
    expect(readProbePort({ PROBE_PORT: ' 5002 ', PORT: '5001' })).toBe(5002)
  })

  it.each(['0', '65536', '50.5', 'health', '-1'])('refuses %j, naming the variable', (value) => {
    expect(() => readProbePort({ PROBE_PORT: value })).toThrow(`PROBE_PORT must be a port number from 1 to 65535, not "${value}"`)
  })

  it('refuses the port the server answers on: NITRO_PORT, else PORT, as Nitro reads them', () => {
    expect(() => readProbePort({ PROBE_PORT: '5001', PORT: '5001' })).toThrow('PROBE_PORT must differ')
    expect(() => readProbePort({ PROBE_PORT: '3000', NITRO_PORT: '3000', PORT: '5001' })).toThrow('PROBE_PORT must differ')
    expect(readProbePort({ PROBE_PORT: '5001', PORT: '5001', NITRO_PORT: '3000' })).toBe(5001)
    expect(() => readProbePort({ PROBE_PORT: '3000' })).toThrow('PROBE_PORT must differ')
  })
})

describe('isProbePath', () => {
  it('takes /health and /metrics, with or without a query, and nothing else', () => {
    expect(isProbePath('/health')).toBe(true)
    expect(isProbePath('/metrics?name=x')).toBe(true)
    for (const target of ['/', '/healthz', '/health/', '/api/campaigns', '/metrics/x', undefined]) expect(isProbePath(target)).toBe(false)
  })
})
