import { monotonicMs } from './clock'

/** What every broadcast carries: the phase, a sequence number and the server's send stamp. */
export interface BenchPayload {
  p: string
  s: number
  t: number
  x: string
}

/** A payload padded so that its JSON is exactly `bytes` long, stamped now. */
export function makePayload(phase: string, sequence: number, bytes: number): BenchPayload {
  const payload: BenchPayload = { p: phase, s: sequence, t: monotonicMs(), x: '' }
  payload.x = 'x'.repeat(Math.max(0, bytes - JSON.stringify(payload).length))
  return payload
}
