/**
 * Milliseconds on the system's monotonic clock (CLOCK_MONOTONIC through libuv). Unlike
 * `performance.now()`, whose origin is each process's start, it is the same clock in every
 * process on the machine, so a server's send stamp and a subscriber's arrival time compare.
 */
export function monotonicMs(): number {
  return Number(process.hrtime.bigint()) / 1e6
}
