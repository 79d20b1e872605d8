import { afterEach, describe, expect, it, vi } from 'vitest'
import { collectHealth, HEALTH_CHECK_TIMEOUT_MS, registerHealthCheck } from '../../../server/utils/health'

/** A check that counts its probes and answers only when told to. */
function heldCheck() {
  const probes: Array<{ answer: () => void, fail: () => void }> = []
  registerHealthCheck('dependency', () => new Promise<void>((resolve, reject) => {
    probes.push({ answer: resolve, fail: () => reject(new Error('no answer')) })
  }))
  return probes
}

describe('collectHealth', () => {
  it('gives callers that ask while a round is under way that round\'s answer, with one probe', async () => {
    const probes = heldCheck()
    const asked = Array.from({ length: 50 }, () => collectHealth())
    expect(probes).toHaveLength(1)
    probes[0]!.answer()
    const reports = await Promise.all(asked)
    expect(reports.every(report => report.status === 'Healthy' && report.checks.dependency === 'Healthy')).toBe(true)
    expect(probes).toHaveLength(1)
  })

  it('probes again once a round has answered, so a recovery shows on the next ask', async () => {
    const probes = heldCheck()
    const failing = [collectHealth(), collectHealth()]
    probes[0]!.fail()
    for (const report of await Promise.all(failing)) {
      expect(report.status).toBe('Unhealthy')
      expect(report.checks.dependency).toBe('Unhealthy')
    }

    const next = collectHealth()
    expect(probes).toHaveLength(2)
    probes[1]!.answer()
    expect((await next).status).toBe('Healthy')
  })

  describe('with a dependency that never answers', () => {
    afterEach(() => {
      vi.useRealTimers()
    })

    it('reports it Unhealthy once HEALTH_CHECK_TIMEOUT_MS has passed, and the rest as they are', async () => {
      vi.useFakeTimers()
      const probes = heldCheck()
      registerHealthCheck('other', async () => {})
      let settled = false
      const report = collectHealth().finally(() => {
        settled = true
      })
      await vi.advanceTimersByTimeAsync(HEALTH_CHECK_TIMEOUT_MS - 1)
      expect(settled).toBe(false)
      await vi.advanceTimersByTimeAsync(1)
      expect(await report).toEqual({ status: 'Unhealthy', role: 'all', checks: { server: 'Healthy', dependency: 'Unhealthy', other: 'Healthy' } })
      expect(probes).toHaveLength(1)
      // A round while that probe is still out waits for it, without sending another behind it.
      const waiting = collectHealth()
      await vi.advanceTimersByTimeAsync(HEALTH_CHECK_TIMEOUT_MS)
      expect((await waiting).checks.dependency).toBe('Unhealthy')
      expect(probes).toHaveLength(1)
      // Answered late, the check changes nothing; the next round probes afresh.
      probes[0]!.answer()
      await vi.advanceTimersByTimeAsync(0)
      const next = collectHealth()
      probes[1]!.answer()
      expect((await next).status).toBe('Healthy')
    })
  })
})
