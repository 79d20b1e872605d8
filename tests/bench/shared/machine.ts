import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'

export interface Machine {
  date: string
  cpus: string
  cpuModel: string
  memory: string
  node: string
}

const run = (command: string, args: string[] = []) => execFileSync(command, args, { encoding: 'utf8' }).trim()

/** What the figures were measured on, as the shell reports it. */
export function describeMachine(): Machine {
  const cpuModel = /^model name\s*:\s*(.+)$/m.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1]?.trim() ?? 'unknown'
  const memoryLine = run('free', ['-h']).split('\n').find(line => line.startsWith('Mem:'))
  return {
    date: run('date', ['-u', '+%Y-%m-%d %H:%M UTC']),
    cpus: run('nproc'),
    cpuModel,
    memory: memoryLine ? `${memoryLine.split(/\s+/)[1]} RAM` : 'unknown',
    node: run(process.execPath, ['-v']),
  }
}
