/**
 * Ends a server that cannot work, with one line saying why and what to do: whoever starts it reads
 * that line, not a stack trace.
 */
export function stopServer(message: string): never {
  console.error(message)
  process.exit(1)
}
