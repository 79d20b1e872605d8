import { readFileSync } from 'node:fs'
import { setTimeout as sleep } from 'node:timers/promises'

/**
 * Closed loopback connections stay in TIME_WAIT for a minute. Right after the hub benchmark closes
 * its 10,000 connections, tens of thousands of them make every new connection's search for a free
 * local port slower and the kernel's socket tables longer, and the first engine rounds measured then
 * read runs/s a quarter lower and probes to a bare server 20 ms slower at the median. Above this many,
 * the benchmark waits before it measures.
 */
const MOST_IN_TIME_WAIT = 2_000
/** TIME_WAIT lasts 60 s on Linux; a little more, and the benchmark goes on whatever the count. */
const LONGEST_WAIT_MS = 70_000
const LOOK_EVERY_MS = 1_000

/** Sockets in TIME_WAIT now, from /proc/net/sockstat (`tw`); null where the kernel does not say. */
function inTimeWait(): number | null {
  try {
    const match = /^TCP:.*\btw (\d+)/m.exec(readFileSync('/proc/net/sockstat', 'utf8'))
    return match ? Number(match[1]) : null
  }
  catch {
    return null
  }
}

/** Resolves once few connections are left in TIME_WAIT (or after LONGEST_WAIT_MS), saying why it waits. */
export async function untilTimeWaitClears(log: (line: string) => void): Promise<void> {
  const first = inTimeWait()
  if (first === null || first <= MOST_IN_TIME_WAIT) return
  log(`${first} closed connections in TIME_WAIT from earlier runs: waiting for them to clear (up to ${LONGEST_WAIT_MS / 1000} s)`)
  const giveUpAt = Date.now() + LONGEST_WAIT_MS
  for (;;) {
    await sleep(LOOK_EVERY_MS)
    const now = inTimeWait()
    if (now === null || now <= MOST_IN_TIME_WAIT) return
    if (Date.now() >= giveUpAt) {
      log(`  still ${now} in TIME_WAIT; measuring anyway`)
      return
    }
  }
}
