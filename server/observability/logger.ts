import pino, { type Logger } from 'pino'
import pretty from 'pino-pretty'
import { parseLogLevel, type LogLevel } from './log-level'

/**
 * The server's one logger: a JSON object per line in production (for a log collector), readable
 * coloured lines in development. Writes are synchronous so that nothing is lost when the process
 * exits right after a line, and lines keep their order with anything else the process prints.
 *
 * What goes in: fields the code names explicitly. Never a request's headers, cookies, query
 * string or body; errors only through describeError, which leaves query parameters out.
 */
export const logger: Logger = pino(
  {
    level: levelOrDefault(),
    base: { pid: process.pid },
    // "level":"error" and an ISO time: what a person grepping the raw lines expects to read.
    formatters: { level: label => ({ level: label }) },
    timestamp: pino.stdTimeFunctions.isoTime,
  },
  import.meta.dev ? pretty({ sync: true, colorize: true, singleLine: true }) : pino.destination({ dest: 1, sync: true }),
)

// An invalid LOG_LEVEL stops the server at start-up (data-dir plugin, with the other settings);
// the logger itself must exist before that check runs, so it starts at the default.
function levelOrDefault(): LogLevel {
  try {
    return parseLogLevel(process.env.LOG_LEVEL)
  }
  catch {
    return 'info'
  }
}
