/** "1 banned term", "3 banned terms": a count with its noun in the number English wants. */
export function countPhrase(count: number, singular: string, plural = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : plural}`
}
