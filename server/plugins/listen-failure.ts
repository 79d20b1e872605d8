// Nitro's Node server puts no 'error' listener on its HTTP server, so an address that cannot be
// bound (port in use, not permitted) surfaces as an uncaught exception, which Nitro logs before
// carrying on, serving nothing with the database open. Such a server stops instead, saying why.
export default defineNitroPlugin(() => {
  // Production only: there Nitro traps uncaught exceptions too, so other errors are still reported
  // as before; the development server listens on its own.
  if (import.meta.dev) return
  process.on('uncaughtException', (error: NodeJS.ErrnoException & { address?: string, port?: number }) => {
    if (error.syscall !== 'listen') return
    const where = error.port === undefined ? error.address : `${error.address}:${error.port}`
    stopServer(error.code === 'EADDRINUSE'
      ? `Cannot listen on ${where}: the port is already in use. Stop the other server or set PORT to a free port.`
      : `Cannot listen on ${where}: ${error.message}. Set HOST and PORT to an address this server may use.`)
  })
})
