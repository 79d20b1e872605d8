/**
 * Characters as a person counts them for a length limit: Unicode code points, so an emoji is one
 * character (not two UTF-16 units) and every character is at most 4 bytes of UTF-8.
 */
export function characterCount(text: string): number {
  let count = 0
  for (const _ of text) count++
  return count
}
