export * from './transport'
export { WebSocketTransport, type RawWebSocket } from './websocket-transport'
export { ServerSentEventsTransport } from './server-sent-events-transport'
export { LongPollingTransport } from './long-polling-transport'
