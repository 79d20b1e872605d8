import { describe, expect, it } from 'vitest'
import { loadEngineConfig } from '../../../server/engine/engine-config'

describe('campaign engine configuration', () => {
  it('shares the run slots by default: four at once, two per user, ten queued or running per user', () => {
    expect(loadEngineConfig({})).toMatchObject({ runConcurrency: 4, maxRunningRunsPerUser: 2, maxQueuedRunsPerUser: 10 })
  })

  it('gives one user half the slots of the configured concurrency, and at least one', () => {
    expect(loadEngineConfig({ CAMPAIGN_RUN_CONCURRENCY: '9' }).maxRunningRunsPerUser).toBe(4)
    expect(loadEngineConfig({ CAMPAIGN_RUN_CONCURRENCY: '1' }).maxRunningRunsPerUser).toBe(1)
  })

  it('reads the per-user limits, never below one run', () => {
    expect(loadEngineConfig({ MAX_RUNNING_RUNS_PER_USER: '3', MAX_QUEUED_RUNS_PER_USER: '25' })).toMatchObject({ maxRunningRunsPerUser: 3, maxQueuedRunsPerUser: 25 })
    expect(loadEngineConfig({ MAX_RUNNING_RUNS_PER_USER: '0', MAX_QUEUED_RUNS_PER_USER: '0' })).toMatchObject({ maxRunningRunsPerUser: 1, maxQueuedRunsPerUser: 1 })
  })

  it('leases runs for 30 seconds by default, never for less than 3', () => {
    expect(loadEngineConfig({}).runLeaseSeconds).toBe(30)
    expect(loadEngineConfig({ RUN_LEASE_SECONDS: '10' }).runLeaseSeconds).toBe(10)
    expect(loadEngineConfig({ RUN_LEASE_SECONDS: '1' }).runLeaseSeconds).toBe(3)
    expect(() => loadEngineConfig({ RUN_LEASE_SECONDS: 'soon' })).toThrow(/RUN_LEASE_SECONDS/)
  })

  it('polls the shared run queue every second by default, never more often', () => {
    expect(loadEngineConfig({}).runQueuePollSeconds).toBe(1)
    expect(loadEngineConfig({ RUN_QUEUE_POLL_SECONDS: '3600' }).runQueuePollSeconds).toBe(3600)
    expect(loadEngineConfig({ RUN_QUEUE_POLL_SECONDS: '0' }).runQueuePollSeconds).toBe(1)
    expect(() => loadEngineConfig({ RUN_QUEUE_POLL_SECONDS: 'often' })).toThrow(/RUN_QUEUE_POLL_SECONDS/)
  })

  it('refuses values it cannot read, naming the variable', () => {
    expect(() => loadEngineConfig({ MAX_QUEUED_RUNS_PER_USER: 'lots' })).toThrow(/MAX_QUEUED_RUNS_PER_USER/)
    expect(() => loadEngineConfig({ MAX_RUNNING_RUNS_PER_USER: '-1' })).toThrow(/MAX_RUNNING_RUNS_PER_USER/)
  })
})
