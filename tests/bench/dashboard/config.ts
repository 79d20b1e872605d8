/** What `npm run bench:dashboard` measures, overridable from the environment. */
export const DASHBOARD_BENCH = {
  /** Cold loads of the finished campaign page for Largest Contentful Paint. */
  loads: Number(process.env.BENCH_PAGE_LOADS ?? 7),
  /**
   * The built-in writer's pause between pieces while the page watches a run: three artifacts
   * written at once at 10 ms a piece is about 300 chunks a second, the streaming rate.
   */
  writerPaceMs: Number(process.env.BENCH_WRITER_PACE_MS ?? 10),
  /** Targets, from the performance issue: marked met or not met in the report. */
  targets: { scriptGzipKb: 200, lcpMs: 1_000, longTaskMs: 50, chunksPerSecond: 300 },
} as const
