import type { HubLogger, HubMetrics } from '../../../server/signalr'

/** One call to the recording logger. */
export interface LogEntry { level: 'info' | 'warn' | 'error', fields: Record<string, unknown>, message: string }

/** A logger that keeps what it is told, and metrics that count by name and labels. */
export function recordingDiagnostics() {
  const entries: LogEntry[] = []
  const record = (level: LogEntry['level']) => (fields: Record<string, unknown>, message: string) => {
    entries.push({ level, fields, message })
  }
  const logger: HubLogger = { info: record('info'), warn: record('warn'), error: record('error') }
  const counts = new Map<string, number>()
  const add = (key: string, by = 1) => counts.set(key, (counts.get(key) ?? 0) + by)
  const metrics: HubMetrics = {
    connectionOpened: (transport, protocol) => add(`open ${transport} ${protocol}`),
    connectionClosed: (transport, protocol) => add(`open ${transport} ${protocol}`, -1),
    messageReceived: protocol => add(`in ${protocol}`),
    messageSent: protocol => add(`out ${protocol}`),
    slowClientDropped: () => add('slow'),
  }
  return { entries, logger, metrics, count: (key: string) => counts.get(key) ?? 0 }
}
