import type { TextSegment } from '../audited-artifact'
import type { Finding } from '../rule'

/** Runs `inspect` over every segment and gathers what it reports, tagged with the segment's location. */
export function scanSegments(
  segments: readonly TextSegment[],
  inspect: (text: string) => Array<Omit<Finding, 'location'>>,
): Finding[] {
  return segments.flatMap(segment => inspect(segment.text).map(finding => ({ ...finding, location: segment.location })))
}
