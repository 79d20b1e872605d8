import { TEST_REDIS_URL } from '../../support/redis'

/** What the cluster benchmark measures; every figure the doc quotes comes from these. */
export const CLUSTER = {
  /** Rounds of every server kind; the order alternates each round so neither always goes first. */
  rounds: Number(process.env.BENCH_ROUNDS ?? 3),
  /** Instances of each server, all on one Redis. */
  instances: 3,
  /** Subscribers connected to each instance, all in one group/room. */
  subscribersPerInstance: 1_000,
  /** Unmeasured broadcasts first, so every process and Redis are warm. */
  warmupBroadcasts: 20,
  /** Throughput: this many broadcasts from the first instance (300,000 deliveries), batched as in bench:hub. */
  burstBroadcasts: 100,
  burstBatch: 20,
  /**
   * Latency: broadcasts at a fixed rate, 6,000 deliveries a second, below what either server
   * sustains on two shared cores, so the percentiles measure delivery rather than a growing queue.
   */
  rateBroadcasts: 20,
  ratePerSecond: 2,
  /**
   * Campaign runs/s with 1 and with 3 worker instances (ROLE=worker) behind one web instance, the
   * built server on PostgreSQL and Redis: each round runs both, alternating which goes first. Kept
   * small so the whole comparison stays within a couple of minutes on a shared two-core machine.
   */
  runs: {
    rounds: Number(process.env.BENCH_RUN_ROUNDS ?? 2),
    workerCounts: [1, 3],
    campaigns: Number(process.env.BENCH_RUN_CAMPAIGNS ?? 30),
    /** CAMPAIGN_RUN_CONCURRENCY of each worker. */
    concurrencyPerWorker: 4,
    timeoutMs: 120_000,
  },
  /** Which parts run (`BENCH_PARTS=runs` for the runs alone): broadcast, runs, or both. */
  parts: (process.env.BENCH_PARTS ?? 'broadcast,runs').split(',').map(part => part.trim()),
  /** Redis the instances share (TEST_REDIS_URL); each scenario uses a key prefix of its own and deletes it after. */
  redisUrl: TEST_REDIS_URL,
  timeouts: {
    // Three TypeScript processes starting at once on a busy machine.
    startMs: 90_000,
    connectMs: 120_000,
    phaseMs: 180_000,
  },
} as const

export const CLUSTER_KINDS = ['socket.io', 'hub'] as const
export type ClusterKind = typeof CLUSTER_KINDS[number]
