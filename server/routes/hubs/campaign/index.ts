import { campaignHubHandlers } from '../../../app/campaign-runtime'

// WebSocket upgrade, Server-Sent Events, long polling and sends: one path, as SignalR clients expect.
export default campaignHubHandlers.transports
