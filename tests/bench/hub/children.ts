import { fork, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

/** Every child still running, so that any way out of the runner can end them. */
const running = new Set<ChildProcess>()

/** One child process driven over IPC: send commands, await typed reports with a deadline. */
export class ChildControl<Command, Report extends { type: string }> {
  private readonly inbox: Report[] = []
  private wake: (() => void) | null = null
  private exitReason: string | null = null

  constructor(readonly name: string, private readonly child: ChildProcess) {
    child.on('message', (message) => {
      this.inbox.push(message as Report)
      this.wake?.()
    })
    child.on('exit', (code, signal) => {
      running.delete(child)
      this.exitReason = `${name} exited (${signal ?? `code ${code}`})`
      this.wake?.()
    })
  }

  send(command: Command): void {
    this.child.send(command as object)
  }

  /** The next report of `type`; throws if the child exits or stays silent past `timeoutMs`. */
  async next<T extends Report['type']>(type: T, timeoutMs: number): Promise<Extract<Report, { type: T }>> {
    const deadline = Date.now() + timeoutMs
    for (;;) {
      const index = this.inbox.findIndex(report => report.type === type)
      if (index >= 0) return this.inbox.splice(index, 1)[0] as Extract<Report, { type: T }>
      if (this.exitReason) throw new Error(`${this.exitReason} while the runner waited for "${type}"`)
      const remaining = deadline - Date.now()
      if (remaining <= 0) throw new Error(`${this.name} sent no "${type}" within ${timeoutMs} ms`)
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, remaining)
        this.wake = () => {
          clearTimeout(timer)
          resolve()
        }
      })
      this.wake = null
    }
  }

  /** Ends the child: SIGTERM, then SIGKILL if it has not gone within a second. */
  async stop(): Promise<void> {
    if (this.exitReason) return
    const exited = new Promise<void>(resolve => this.child.once('exit', () => resolve()))
    this.child.kill('SIGTERM')
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 1_000)
    await exited
    clearTimeout(timer)
  }
}

/** Runs a TypeScript entry point in its own Node process, with GC exposed for memory figures. */
export function startChild<Command, Report extends { type: string }>(name: string, file: URL, args: string[] = []): ChildControl<Command, Report> {
  const child = fork(fileURLToPath(file), args, {
    execArgv: ['--expose-gc', '--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  })
  running.add(child)
  return new ChildControl(name, child)
}

/** Synchronous, so it also works from an `exit` handler. */
export function killAllChildren(): void {
  for (const child of running) child.kill('SIGKILL')
  running.clear()
}
