import type { Counter } from 'prom-client'
import type { HubLogger, HubMetrics } from '../signalr'
import { describeError } from '../utils/describe-error'
import { logger } from './logger'
import { hubConnections, hubMessagesReceived, hubMessagesSent, hubSlowClientDrops } from './metrics'

/**
 * The SignalR server's diagnostics, into this application's log and metrics. An `error` field
 * goes through describeError: the error object itself may carry a failed query's parameters.
 */
export function hubLogger(hub: string): HubLogger {
  const log = logger.child({ hub })
  const described = (fields: Record<string, unknown>) =>
    'error' in fields ? { ...fields, error: describeError(fields.error) } : fields
  return {
    info: (fields, message) => log.info(described(fields), message),
    warn: (fields, message) => log.warn(described(fields), message),
    error: (fields, message) => log.error(described(fields), message),
  }
}

/**
 * Counts per protocol in plain numbers and adds them to the counter once the current task is done:
 * a broadcast to a thousand connections then costs one labelled increment, not a thousand.
 */
function countedPerProtocol(counter: Counter<'protocol'>): (protocol: string) => void {
  const pending = new Map<string, number>()
  const flush = () => {
    for (const [protocol, count] of pending) counter.inc({ protocol }, count)
    pending.clear()
  }
  return (protocol) => {
    if (pending.size === 0) queueMicrotask(flush)
    pending.set(protocol, (pending.get(protocol) ?? 0) + 1)
  }
}

export const hubMetrics: HubMetrics = {
  connectionOpened: (transport, protocol) => hubConnections.inc({ transport, protocol }),
  connectionClosed: (transport, protocol) => hubConnections.dec({ transport, protocol }),
  messageReceived: countedPerProtocol(hubMessagesReceived),
  messageSent: countedPerProtocol(hubMessagesSent),
  slowClientDropped: () => hubSlowClientDrops.inc(),
}
