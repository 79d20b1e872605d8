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

export const hubMetrics: HubMetrics = {
  connectionOpened: (transport, protocol) => hubConnections.inc({ transport, protocol }),
  connectionClosed: (transport, protocol) => hubConnections.dec({ transport, protocol }),
  messageReceived: protocol => hubMessagesReceived.inc({ protocol }),
  messageSent: protocol => hubMessagesSent.inc({ protocol }),
  slowClientDropped: () => hubSlowClientDrops.inc(),
}
