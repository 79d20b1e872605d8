import { existsSync, readFileSync, writeFileSync } from 'node:fs'

/**
 * Writes one benchmark's section (`text`, starting with `heading`) into docs/BENCHMARKS.md:
 * replaces that section when present, appends it otherwise, and leaves every other section as it is.
 */
export function writeSection(path: string, heading: string, text: string): void {
  if (!existsSync(path)) {
    writeFileSync(path, `# Benchmarks\n\n${text}`)
    return
  }
  const current = readFileSync(path, 'utf8')
  const start = current.indexOf(`${heading}\n`)
  if (start === -1) {
    writeFileSync(path, `${current.trimEnd()}\n\n${text}`)
    return
  }
  const next = current.indexOf('\n## ', start + heading.length)
  const after = next === -1 ? '' : current.slice(next + 1)
  writeFileSync(path, `${current.slice(0, start)}${text}${after ? `\n${after}` : ''}`)
}
