export interface DiffPart {
  text: string
  kind: 'same' | 'added' | 'removed'
}

/** Words and the spaces between them, so a diff can be rendered back exactly. */
const tokenize = (text: string) => text.match(/\s+|[^\s]+/g) ?? []

/**
 * A word-level diff of two texts (longest common subsequence). Texts here are a few hundred
 * words, so the quadratic table is cheap; beyond `maxCells` it falls back to "all changed".
 */
export function wordDiff(before: string, after: string, maxCells = 4_000_000): DiffPart[] {
  const a = tokenize(before)
  const b = tokenize(after)
  if (a.length * b.length > maxCells) return [...part(a.join(''), 'removed'), ...part(b.join(''), 'added')]
  // lengths[i][j]: length of the LCS of a[i..] and b[j..]
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1))
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i]![j] = a[i] === b[j] ? lengths[i + 1]![j + 1]! + 1 : Math.max(lengths[i + 1]![j]!, lengths[i]![j + 1]!)
    }
  }
  const parts: DiffPart[] = []
  const push = (text: string, kind: DiffPart['kind']) => {
    const last = parts.at(-1)
    if (last?.kind === kind) last.text += text
    else parts.push({ text, kind })
  }
  let i = 0
  let j = 0
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push(a[i++]!, 'same')
      j++
    }
    else if (lengths[i + 1]![j]! >= lengths[i]![j + 1]!) push(a[i++]!, 'removed')
    else push(b[j++]!, 'added')
  }
  while (i < a.length) push(a[i++]!, 'removed')
  while (j < b.length) push(b[j++]!, 'added')
  return parts
}

function part(text: string, kind: DiffPart['kind']): DiffPart[] {
  return text ? [{ text, kind }] : []
}
