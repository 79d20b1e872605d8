export interface FairQueueLimits {
  /** Jobs running at once, whoever they belong to. */
  concurrency: number
  /** Jobs one owner may have running at once: the other slots stay free for other owners. */
  maxRunningPerOwner: number
}

interface OwnerLine<Job> {
  waiting: Job[]
  running: number
  /** When this owner last got a slot; 0 for an owner new to the queue, who goes first. */
  lastTurn: number
}

/**
 * Runs jobs with at most `concurrency` at once, fairly between owners: each owner has its own
 * first-come-first-served line, and a free slot goes to the owner served least recently. One
 * owner's long line therefore delays another owner's job by at most one job per slot, not by
 * the whole line. In-process: a restart loses the queue, which is why runs are persisted and
 * resumed at start-up.
 */
export class FairRunQueue<Job> {
  private readonly lines = new Map<string, OwnerLine<Job>>()
  private running = 0
  private turns = 0
  private readonly drained: Array<() => void> = []

  constructor(
    private readonly limits: FairQueueLimits,
    private readonly run: (job: Job) => Promise<void>,
  ) {}

  push(owner: string, job: Job): void {
    const line = this.lines.get(owner) ?? { waiting: [], running: 0, lastTurn: 0 }
    this.lines.set(owner, line)
    line.waiting.push(job)
    this.next()
  }

  /** Takes a job out before it starts; null when it is no longer waiting. */
  remove(predicate: (job: Job) => boolean): Job | null {
    for (const [owner, line] of this.lines) {
      const index = line.waiting.findIndex(predicate)
      if (index === -1) continue
      const [job] = line.waiting.splice(index, 1)
      this.forgetIfDone(owner, line)
      this.resolveIfIdle()
      return job!
    }
    return null
  }

  /** The owner's jobs, waiting and running. */
  count(owner: string): number {
    const line = this.lines.get(owner)
    return line ? line.waiting.length + line.running : 0
  }

  /** Jobs waiting for a free slot, all owners together. */
  get waiting(): number {
    let total = 0
    for (const line of this.lines.values()) total += line.waiting.length
    return total
  }

  /** Resolves once nothing is waiting or running. */
  idle(): Promise<void> {
    if (this.lines.size === 0) return Promise.resolve()
    return new Promise(resolve => this.drained.push(resolve))
  }

  private next(): void {
    while (this.running < this.limits.concurrency) {
      const turn = this.nextTurn()
      if (!turn) return
      const [owner, line] = turn
      const job = line.waiting.shift()!
      line.running++
      line.lastTurn = ++this.turns
      this.running++
      void this.run(job).finally(() => {
        line.running--
        this.running--
        this.forgetIfDone(owner, line)
        this.next()
        this.resolveIfIdle()
      })
    }
  }

  /** The owner with a job waiting and a slot to spare who was served least recently (first come on a tie). */
  private nextTurn(): [string, OwnerLine<Job>] | undefined {
    let chosen: [string, OwnerLine<Job>] | undefined
    for (const [owner, line] of this.lines) {
      if (line.waiting.length === 0 || line.running >= this.limits.maxRunningPerOwner) continue
      if (!chosen || line.lastTurn < chosen[1].lastTurn) chosen = [owner, line]
    }
    return chosen
  }

  // An owner with nothing left starts afresh next time, so the map holds only owners with work.
  private forgetIfDone(owner: string, line: OwnerLine<Job>): void {
    if (line.waiting.length === 0 && line.running === 0) this.lines.delete(owner)
  }

  private resolveIfIdle(): void {
    if (this.lines.size === 0) for (const resolve of this.drained.splice(0)) resolve()
  }
}
