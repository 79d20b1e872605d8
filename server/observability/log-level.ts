export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const
export type LogLevel = typeof LOG_LEVELS[number]

/** LOG_LEVEL: one of pino's levels, `info` when unset. */
export function parseLogLevel(value: string | undefined): LogLevel {
  const text = value?.trim().toLowerCase()
  if (!text) return 'info'
  if ((LOG_LEVELS as readonly string[]).includes(text)) return text as LogLevel
  throw new Error(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')}, not "${value}"`)
}
