import { request } from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApp, type RunningApp } from '../../support/app-server'
import { staticScriptPath } from '../../support/build-assets'

interface RawAnswer { status: number, encoding: string | undefined, vary: string | undefined, body: Buffer }

/** A GET with exactly the Accept-Encoding given: fetch would add its own and decode the answer. */
function getRaw(url: string, acceptEncoding: string): Promise<RawAnswer> {
  return new Promise((resolve, reject) => {
    request(url, { headers: { 'Accept-Encoding': acceptEncoding } }, (response) => {
      const chunks: Buffer[] = []
      response.on('data', (chunk: Buffer) => chunks.push(chunk))
      response.on('end', () => resolve({
        status: response.statusCode ?? 0,
        encoding: response.headers['content-encoding'],
        vary: response.headers.vary,
        body: Buffer.concat(chunks),
      }))
    }).on('error', reject).end()
  })
}

describe('scripts are sent compressed to browsers that accept it', () => {
  let app: RunningApp
  let plain: RawAnswer
  beforeAll(async () => {
    app = await startApp()
    plain = await getRaw(`${app.url}${staticScriptPath()}`, 'identity')
  })
  afterAll(() => app?.stop())

  it('sends the script as it is to a client that accepts no encoding', () => {
    expect(plain.status).toBe(200)
    expect(plain.encoding).toBeUndefined()
  })

  it.each([
    ['br', brotliDecompressSync],
    ['gzip', gunzipSync],
  ] as const)('sends %s, a fraction of the size, that decodes to the same script', async (encoding, decode) => {
    const answer = await getRaw(`${app.url}${staticScriptPath()}`, encoding)
    expect(answer.status).toBe(200)
    expect(answer.encoding).toBe(encoding)
    expect(answer.vary?.toLowerCase()).toContain('accept-encoding')
    expect(answer.body.length).toBeLessThan(plain.body.length / 2)
    expect(decode(answer.body).equals(plain.body)).toBe(true)
  })
})
