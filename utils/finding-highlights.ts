import type { ArtifactType, AuditedCheck, CheckOccurrence } from '#shared/campaign'
import { artifactTextAt } from './artifact-text-at'
import type { TextHighlight } from './text-highlights'

/** Where the audit's failures sit in the artifacts on the page, for marking them and linking the report to them. */
export interface FindingHighlights {
  /** The highlights in one part of one artifact. */
  at: (type: ArtifactType, location: string) => TextHighlight[]
  /** The id of the mark an occurrence is shown at, when the artifact on the page shows it. */
  markOf: (occurrence: CheckOccurrence) => string | undefined
}

export const NO_FINDING_HIGHLIGHTS: FindingHighlights = { at: () => [], markOf: () => undefined }

export function markId(type: ArtifactType, location: string, start: number): string {
  return `mark-${type}-${location.replace(/[^A-Za-z0-9]+/gu, '-')}-${start}`
}

/** An excerpt longer than the report carries ends in "…" after its first part. */
function excerptMatches(text: string, occurrence: CheckOccurrence & { start: number, end: number }): boolean {
  const found = text.slice(occurrence.start, occurrence.end)
  const excerpt = occurrence.excerpt ?? ''
  return excerpt.endsWith('…') && excerpt.length < found.length ? found.startsWith(excerpt.slice(0, -1)) : found === excerpt
}

/**
 * Highlights for the failures of the latest audit whose words are still where it found them: an artifact
 * written after the audit (a regenerated version) shows none until it is audited.
 */
export function findingHighlights(checks: readonly AuditedCheck[], artifacts: ReadonlyArray<{ type: ArtifactType, metadata: unknown }>): FindingHighlights {
  const byPart = new Map<string, TextHighlight[]>()
  const marks = new Set<string>()
  for (const check of checks) {
    for (const occurrence of check.occurrences) {
      const { start, end } = occurrence
      if (start === undefined || end === undefined) continue
      const artifact = artifacts.find(candidate => candidate.type === occurrence.artifactType)
      const text = artifact && artifactTextAt(artifact, occurrence.location)
      if (text === undefined || !excerptMatches(text, { ...occurrence, start, end })) continue
      const key = `${occurrence.artifactType}|${occurrence.location}`
      const id = markId(occurrence.artifactType, occurrence.location, start)
      byPart.set(key, [...(byPart.get(key) ?? []), { start, end, id, title: check.title }])
      marks.add(id)
    }
  }
  return {
    at: (type, location) => byPart.get(`${type}|${location}`) ?? [],
    markOf: (occurrence) => {
      if (occurrence.start === undefined) return undefined
      const id = markId(occurrence.artifactType, occurrence.location, occurrence.start)
      return marks.has(id) ? id : undefined
    },
  }
}
