import { request } from 'node:http'

/**
 * POSTs JSON to the app from `localAddress`. Linux answers every 127.0.0.x on the loopback
 * interface, so per-address rules are tested with real source addresses and no proxy headers.
 */
export function postJsonFrom(localAddress: string, url: string, json: unknown): Promise<{ status: number, headers: Record<string, string | string[] | undefined> }> {
  const body = JSON.stringify(json)
  const target = new URL(url)
  return new Promise((resolve, reject) => {
    const outgoing = request(target, {
      method: 'POST',
      localAddress,
      headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Origin': target.origin },
    }, (response) => {
      response.resume()
      response.once('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers }))
    })
    outgoing.once('error', reject)
    outgoing.end(body)
  })
}
