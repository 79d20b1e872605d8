import { request } from 'node:http'

/**
 * Requests sent from a chosen source address. Linux answers every 127.x.y.z on the loopback
 * interface, so one test can be several visitors to a server listening on 127.0.0.1, each with its
 * own per-address budget, with real source addresses and no proxy headers.
 */

export interface AddressedResponse {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}

function requestFrom(localAddress: string, url: string, options: { method: string, headers: Record<string, string | number>, body?: string }): Promise<AddressedResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method: options.method, localAddress, headers: options.headers }, (response) => {
      let body = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => {
        body += chunk
      })
      response.once('end', () => resolve({ status: response.statusCode ?? 0, headers: response.headers, body }))
      response.once('error', reject)
    })
    outgoing.once('error', reject)
    outgoing.end(options.body)
  })
}

/** POSTs JSON to the app from `localAddress`, with the app's own Origin, as its pages do. */
export function postJsonFrom(localAddress: string, url: string, json: unknown): Promise<AddressedResponse> {
  const body = JSON.stringify(json)
  const headers = { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), 'Origin': new URL(url).origin }
  return requestFrom(localAddress, url, { method: 'POST', headers, body })
}

/** A page, as a browser at `localAddress` asks for it. */
export function getFromAddress(url: string, localAddress: string): Promise<AddressedResponse> {
  return requestFrom(localAddress, url, { method: 'GET', headers: { Accept: 'text/html' } })
}
