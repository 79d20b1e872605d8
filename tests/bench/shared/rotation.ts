/**
 * `items` starting from the `round`-th (0-based, wrapping): run in this order round after round,
 * each item goes first as often as the others, so none always meets a machine the one before it
 * has just warmed or loaded.
 */
export function rotated<T>(items: readonly T[], round: number): T[] {
  return items.map((_, index) => items[(index + round) % items.length]!)
}
