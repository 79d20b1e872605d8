/** A small, fast, seeded PRNG: the same seed text always yields the same sequence. */
export interface Random {
  /** A number in [0, 1). */
  next(): number
  /** An integer in [0, size). */
  index(size: number): number
  pick<T>(items: readonly T[]): T
  /** A shuffled copy; the input is left alone. */
  shuffle<T>(items: readonly T[]): T[]
}

/** FNV-1a, 32-bit: spreads any text over the seed space. */
function hashText(text: string): number {
  let hash = 0x811C9DC5
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** Mulberry32 (Tommy Ettinger): 32 bits of state, good enough to vary wording, not for secrets. */
export function createRandom(seedText: string): Random {
  let state = hashText(seedText)
  const next = () => {
    state = (state + 0x6D2B79F5) >>> 0
    let mixed = Math.imul(state ^ (state >>> 15), state | 1)
    mixed ^= mixed + Math.imul(mixed ^ (mixed >>> 7), mixed | 61)
    return ((mixed ^ (mixed >>> 14)) >>> 0) / 4294967296
  }
  const index = (size: number) => Math.floor(next() * size)
  return {
    next,
    index,
    pick: <T>(items: readonly T[]) => {
      if (items.length === 0) throw new RangeError('Cannot pick from an empty list')
      return items[index(items.length)] as T
    },
    shuffle: <T>(items: readonly T[]) => {
      const copy = [...items]
      for (let last = copy.length - 1; last > 0; last -= 1) {
        const other = index(last + 1)
        ;[copy[last], copy[other]] = [copy[other] as T, copy[last] as T]
      }
      return copy
    },
  }
}

/** JSON with object keys sorted, so equal briefs give equal seeds whatever order their fields were set in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${canonicalJson(item)}`).join(',')}}`
  }
  return JSON.stringify(value) ?? 'null'
}
