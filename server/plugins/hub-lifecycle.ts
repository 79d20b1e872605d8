import type { NodeOptions } from 'crossws/adapters/node'
import { campaignEndpoint, useCampaignEngine } from '../app/campaign-runtime'
import { closeAppServices } from '../app/services'
import { loadRedisConfig } from '../config/app-config'
import { checkEngineHealth } from '../bff/engine-health'
import { readEngineFrontConfig, readEngineServiceConfig } from '../config/bff-config'
import { readServerRole } from '../config/server-role'
import { loadEngineConfig } from '../engine/engine-config'
import { readModelConfig } from '../engine/models'
import { logger } from '../observability/logger'
import { describeError } from '../utils/describe-error'
import { registerHealthCheck, setHealthRole } from '../utils/health'

/** Largest WebSocket frame accepted at all; hub messages are further limited to 32 KB each. */
const MAX_WEBSOCKET_FRAME_BYTES = 1024 * 1024

export default defineNitroPlugin((nitroApp) => {
  // Settings that cannot work stop the server now, with a message naming them, rather than at the first campaign.
  try {
    readModelConfig(process.env)
    loadEngineConfig(process.env)
    loadRedisConfig(process.env)
    readServerRole(process.env)
    readEngineFrontConfig(process.env)
    readEngineServiceConfig(process.env)
  }
  catch (error) {
    stopServer(`Invalid configuration: ${error instanceof Error ? error.message : error}`)
  }

  // Nitro builds its WebSocket server from these options after plugins run: cap frames at the edge,
  // so an oversized frame is refused before it is buffered.
  const websocketOptions: NodeOptions = {
    ...nitroApp.h3App.options.websocket,
    serverOptions: { maxPayload: MAX_WEBSOCKET_FRAME_BYTES },
  }
  nitroApp.h3App.options.websocket = websocketOptions

  const role = readServerRole(process.env)
  setHealthRole(role)
  const front = readEngineFrontConfig(process.env)
  if (front) {
    // A web front relays to the engine service and runs no campaign engine of its own.
    registerHealthCheck('engine', () => checkEngineHealth(front.engineOrigin))
  }
  else {
    startCampaignEngine()
  }

  nitroApp.hooks.hook('close', async () => {
    try {
      const engine = front ? null : await useCampaignEngine().catch(() => null)
      await engine?.runner.stopAll()
      await campaignEndpoint.shutdown()
    }
    finally {
      // Last: the runs and the hub are done with it.
      await closeAppServices()
    }
  })
})

function startCampaignEngine(): void {
  // The engine queues runs in every role; it executes them in `all` and `worker`.
  registerHealthCheck('campaignEngine', async () => {
    await useCampaignEngine()
  })
  // Runs a stop or crash interrupted carry on from what they had persisted.
  useCampaignEngine()
    .then(engine => engine.runner.resumeInterrupted())
    .then((resumed) => {
      if (resumed > 0) logger.info({ resumed }, `Resumed ${resumed} interrupted campaign run(s)`)
    })
    .catch(error => logger.error({ error: describeError(error) }, 'The campaign engine did not start'))
}
