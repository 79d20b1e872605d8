import { readServerRole } from '../config/server-role'
import { createCampaignEngine, type CampaignEngine } from '../engine/campaign-engine'
import { loadEngineConfig, type EngineConfig } from '../engine/engine-config'
import { createModelSetupFromEnv } from '../engine/models'
import { createCampaignHub } from '../hubs/campaign-hub'
import { admitHubConnection, invocationRateLimit } from '../hubs/hub-client-limits'
import { HubCampaignEvents } from '../hubs/hub-campaign-events'
import { hubLogger, hubMetrics } from '../observability/hub-diagnostics'
import { defineHubHandlers, HubEndpoint } from '../signalr'
import { authenticateHubToken } from '../utils/hub-auth'
import { hubConnectionSlotsFor, hubLifetimeManagerFor } from './hub-backplane'
import { useAppServices } from './services'

/**
 * The campaign hub and the engine that feeds it, wired together once per process: the hub
 * asks the engine's service who may see what, and the engine announces through the hub.
 */
export const campaignEndpoint = new HubEndpoint(
  createCampaignHub(async () => (await useCampaignEngine()).service),
  {
    authenticate: authenticateHubToken,
    lifetimeManager: hubLifetimeManagerFor('campaign'),
    filters: [invocationRateLimit],
    admitConnection: admitHubConnection,
    connectionSlots: hubConnectionSlotsFor('campaign'),
    logger: hubLogger('campaign'),
    metrics: hubMetrics,
  },
)

export const campaignHubHandlers = defineHubHandlers(campaignEndpoint)

let engine: Promise<CampaignEngine> | undefined

/** A web process queues runs for the workers and executes none itself. */
function engineConfigForRole(): EngineConfig {
  const config = loadEngineConfig()
  return readServerRole() === 'web' ? { ...config, runConcurrency: 0 } : config
}

export function useCampaignEngine(): Promise<CampaignEngine> {
  engine ??= useAppServices().then(services => createCampaignEngine({
    db: services.database.db,
    runDb: services.database.runDb,
    databaseUrl: services.config.databaseUrl,
    events: new HubCampaignEvents(campaignEndpoint.clients),
    config: engineConfigForRole(),
    model: createModelSetupFromEnv(),
  })).catch((error) => {
    engine = undefined
    throw error
  })
  return engine
}
