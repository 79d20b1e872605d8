/** Long enough for a busy engine; short enough that a load balancer's probe gets its answer. */
const ENGINE_HEALTH_TIMEOUT_MS = 3_000

/** A web front's health check of the engine it relays to: its /health answers 200. */
export async function checkEngineHealth(engineOrigin: string): Promise<void> {
  const response = await fetch(`${engineOrigin}/health`, { signal: AbortSignal.timeout(ENGINE_HEALTH_TIMEOUT_MS) })
  await response.body?.cancel()
  if (!response.ok) throw new Error(`The engine answered ${response.status}`)
}
