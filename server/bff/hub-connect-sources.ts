import type { EngineFrontConfig } from '../config/bff-config'

/**
 * Where a web front's pages connect besides their own origin: the engine's hub, over HTTP
 * (negotiate, Server-Sent Events, long polling) and WebSockets. Nothing for any other process.
 */
export function hubConnectSources(front: EngineFrontConfig | undefined): string[] {
  if (!front) return []
  const { origin, protocol, host } = new URL(front.engineHubUrl)
  return [origin, `${protocol === 'https:' ? 'wss:' : 'ws:'}//${host}`]
}
