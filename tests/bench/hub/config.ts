/** What the benchmark measures; every figure the doc quotes comes from these. */
export const BENCH = {
  /** Rounds of every server; the order rotates each round so none always goes first. */
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  /** Subscribers (all in one group/room) for the throughput and latency scenarios. */
  subscriberCounts: [100, 1_000],
  /** Which parts run (`BENCH_PARTS=idle` for the idle connections alone): delivery, idle, or both. */
  parts: (process.env.BENCH_PARTS ?? 'delivery,idle').split(',').map(part => part.trim()),
  /** Idle joined connections on one instance: its memory, then broadcasts to all of them. */
  idleConnections: Number(process.env.BENCH_IDLE_CONNECTIONS ?? 10_000),
  /** Unmeasured broadcasts to all idle connections first: the subscribers' receive path is still compiling through the first few. */
  idleWarmupBroadcasts: 3,
  /** Measured broadcasts to all idle connections, one at a time, each after the last was delivered everywhere. */
  idleBroadcasts: Number(process.env.BENCH_IDLE_BROADCASTS ?? 10),
  /**
   * Subscriber processes the idle connections are split over: receiving a broadcast on 10,000
   * sockets costs one process as much CPU as sending it costs the server, so one would set the pace.
   */
  idleSubscriberProcesses: Number(process.env.BENCH_IDLE_SUBSCRIBER_PROCESSES ?? 2),
  /** Serialized size of each broadcast's JSON payload, in bytes. */
  payloadBytes: 256,
  /** Unmeasured broadcasts first, so every server and the subscribers are JIT-compiled. */
  warmupBroadcasts: 100,
  /** Throughput: this many broadcasts as fast as backpressure allows (fewer on a busy machine)… */
  burstBroadcasts: Number(process.env.BENCH_BURST_BROADCASTS ?? 2_000),
  /** …sent this many at a time, then waiting until every socket's send buffer is empty. */
  burstBatch: 20,
  /** Latency: broadcasts at a fixed rate. */
  rateBroadcasts: 100,
  ratePerSecond: 20,
  group: 'bench',
  /** Connections opened at once by the subscriber process (keeps under the listen backlog). */
  connectConcurrency: 100,
  timeouts: {
    startMs: 20_000,
    connectMs: 90_000,
    // Generous: 2 million deliveries at 1,000 subscribers take minutes on a busy machine.
    phaseMs: 240_000,
    memoryMs: 20_000,
    /** One broadcast to every idle connection; a lost message costs this long, not the whole phase limit. */
    broadcastToAllMs: 30_000,
  },
} as const

export const SERVER_KINDS = ['ws', 'socket.io', 'hub'] as const
export type ServerKind = typeof SERVER_KINDS[number]
