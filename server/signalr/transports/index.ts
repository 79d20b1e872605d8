export * from './transport'
export { WebSocketTransport, type WebSocketPeer } from './websocket-transport'
export { ServerSentEventsTransport } from './server-sent-events-transport'
export { LongPollingTransport } from './long-polling-transport'
