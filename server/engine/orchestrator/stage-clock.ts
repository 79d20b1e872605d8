import { campaignStageDuration } from '../../observability/metrics'

/** Times the stages of one run (Generating, Auditing, Revising…): each ends when the next begins. */
export class StageClock {
  private current: { stage: string, since: number } | null = null

  /** Ends the current stage, if any, and starts `stage`; null ends the run's last one. */
  enter(stage: string | null): void {
    const now = performance.now()
    if (this.current && this.current.stage !== stage) {
      campaignStageDuration.observe({ stage: this.current.stage }, (now - this.current.since) / 1000)
      this.current = null
    }
    if (stage !== null && !this.current) this.current = { stage, since: now }
  }
}
