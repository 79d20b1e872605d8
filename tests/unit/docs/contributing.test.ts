import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'

/**
 * CONTRIBUTING.md's recipes send people to files by name; a file moved or renamed without the
 * guide would send them nowhere.
 */
const guide = readFileSync('CONTRIBUTING.md', 'utf8')

/** Repository paths quoted in code spans: at least one folder, no placeholders (NNNN, …). */
function quotedPaths(markdown: string): string[] {
  const spans = [...markdown.matchAll(/`([^`\s]+)`/g)].map(match => match[1]!)
  return [...new Set(spans.filter(span => /^\.?[\w-]+(?:\/[\w.[\]-]+)+\/?$/.test(span) && !span.includes('NNNN')))]
}

describe('CONTRIBUTING.md', () => {
  const paths = quotedPaths(guide).filter(path => !path.startsWith('.data/'))

  it('names files and folders by their paths', () => {
    expect(paths.length).toBeGreaterThan(30)
  })

  it.each(paths)('%s exists', (path) => {
    expect(existsSync(path)).toBe(true)
  })
})
