/**
 * An error as a log line may show it: each link of its cause chain as `name [code]: message`, then
 * where the outermost one was thrown. Never the error object itself: database errors carry the
 * query's parameters (a password hash, a token hash, whatever the user sent), and Drizzle repeats
 * them in its message after "params:".
 */
export function describeError(error: unknown): string {
  const links: string[] = []
  const seen = new Set<unknown>()
  for (let current = error; current !== undefined && current !== null && !seen.has(current); current = causeOf(current)) {
    seen.add(current)
    links.push(describeOne(current))
  }
  return [links.join(' ← '), ...stackFrames(error)].join('\n')
}

function describeOne(error: unknown): string {
  if (!(error instanceof Object)) return printable(String(error))
  const { name, code, message } = error as { name?: unknown, code?: unknown, message?: unknown }
  const label = typeof name === 'string' && name !== '' ? name : 'Error'
  const withCode = typeof code === 'string' || typeof code === 'number' ? `${label} [${code}]` : label
  return `${withCode}: ${printable(withoutParameters(typeof message === 'string' ? message : ''))}`
}

function causeOf(error: unknown): unknown {
  return error instanceof Object ? (error as { cause?: unknown }).cause : undefined
}

// Drizzle: "Failed query: <sql>\nparams: <values>"; the SQL names the statement, the values stay out.
function withoutParameters(message: string): string {
  const at = message.search(/\n\s*params:/)
  return at === -1 ? message : message.slice(0, at)
}

// The "at …" lines only: the first line of a stack repeats the message, parameters included.
function stackFrames(error: unknown): string[] {
  const stack = error instanceof Error && typeof error.stack === 'string' ? error.stack : ''
  return stack.split('\n').filter(line => /^\s+at /.test(line))
}

/** One line: control characters (a NUL from a path, a newline that would forge a log line) escaped. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\u0000-\u001f\u007f]/g, c => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`)
}
