import { describe, expect, it } from 'vitest'
import { startPort } from '../../../scripts/start-port.mjs'

describe('the port npm start serves on', () => {
  it('is 5001 by default, PORT when set, else NUXT_PORT', () => {
    expect(startPort({})).toBe('5001')
    expect(startPort({ PORT: '8080', NUXT_PORT: '9090' })).toBe('8080')
    expect(startPort({ NUXT_PORT: '9090' })).toBe('9090')
  })

  it('takes an empty PORT for unset, as a shell\'s `PORT= npm start` means', () => {
    expect(startPort({ PORT: '' })).toBe('5001')
    expect(startPort({ PORT: '', NUXT_PORT: '' })).toBe('5001')
  })
})
