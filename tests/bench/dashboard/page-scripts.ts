import { gzipSync } from 'node:zlib'
import type { Browser, Response } from 'playwright-core'
import type { ApiClient } from '../../support/api-client'
import { signedInContext } from './signed-in-context'

export interface ScriptWeight {
  files: number
  /** Bytes of JavaScript, decompressed. */
  rawKb: number
  /** The same files gzipped here (zlib's default level): the figure the target is stated in. */
  gzipKb: number
  /** The bytes the server actually sent for them (compressed as the browser accepted). */
  transferredKb: number
}

/** The JavaScript a cold load of `url` fetches until its hub connection is up: as sent, decompressed and gzipped. */
export async function weighPageScripts(browser: Browser, url: string, client: ApiClient): Promise<ScriptWeight> {
  const context = await signedInContext(browser, client)
  const page = await context.newPage()
  const bodies: Array<Promise<Buffer>> = []
  const sent: Array<Promise<number>> = []
  const onResponse = (response: Response) => {
    if (response.request().resourceType() !== 'script') return
    bodies.push(response.body())
    sent.push(response.request().sizes().then(sizes => sizes.responseBodySize))
  }
  page.on('response', onResponse)
  await page.goto(url, { waitUntil: 'networkidle' })
  // The hub client is imported when the page connects, which may come after the network first fell
  // idle (a cold load weighed 17 files or 18, 168 KB or 182): it belongs to the first view, so wait for it.
  await page.getByText('Connected', { exact: true }).waitFor()
  page.off('response', onResponse)
  const [scripts, transferred] = await Promise.all([Promise.all(bodies), Promise.all(sent)])
  await context.close()
  const kb = (bytes: number) => bytes / 1024
  return {
    files: scripts.length,
    rawKb: kb(scripts.reduce((sum, body) => sum + body.length, 0)),
    gzipKb: kb(scripts.reduce((sum, body) => sum + gzipSync(body).length, 0)),
    transferredKb: kb(transferred.reduce((sum, bytes) => sum + bytes, 0)),
  }
}
