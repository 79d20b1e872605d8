/**
 * Ends a server that cannot work, with one line saying why and what to do: whoever starts it reads
 * that line, not a stack trace. Written plainly to stderr rather than as a JSON log entry: it is
 * meant for the person at the terminal, and the server stops before any collector would matter.
 */
export function stopServer(message: string): never {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}
