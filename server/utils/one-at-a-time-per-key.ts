/**
 * Runs tasks one at a time per key, each after the ones given before it with the same key, and tasks
 * of different keys side by side. A key is forgotten once its last task has ended, so the map holds
 * only keys with work waiting or under way.
 */
export class OneAtATimePerKey {
  /** Per key, the end of its last task (settled either way: a failure does not stop the line). */
  private readonly tails = new Map<string, Promise<void>>()

  run<T>(key: string, task: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve()
    const result = previous.then(task)
    const tail = result.then(() => undefined, () => undefined)
    this.tails.set(key, tail)
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key)
    })
    return result
  }

  /** Keys with a task waiting or under way. */
  get activeKeys(): number {
    return this.tails.size
  }
}
