import { readFileSync } from 'node:fs'

/** Whether a process with this PID runs on this machine (a process of another user counts). */
export function isProcessRunning(pid: number): boolean {
  try {
    process.kill(pid, 0)
  }
  catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
  return !isZombie(pid)
}

/**
 * A killed process whose parent has not collected it yet still answers signal 0, and without an
 * init that collects orphans (a container's shell, say) it stays that way: Linux shows it as state
 * Z in /proc. Elsewhere there is no /proc and the signal's answer stands.
 */
function isZombie(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8')
    // "pid (command) state …": the command may itself hold spaces and parentheses.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3)
    return state === 'Z' || state === 'X'
  }
  catch {
    return false
  }
}
