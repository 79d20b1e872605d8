export type JsonBlock = { ok: true, value: unknown } | { ok: false, problem: string }

/**
 * Finds the JSON the model was asked to end its answer with and parses it as data.
 *
 * The last fenced block wins (a model may restate its answer); an unterminated fence means the
 * answer was cut off, which we still try to parse so the problem can be reported precisely.
 * Without any fence, the outermost braces are tried: some models drop the fence.
 */
export function extractJsonBlock(answer: string): JsonBlock {
  const candidate = lastFencedBlock(answer) ?? outermostBraces(answer)
  if (candidate === undefined) return { ok: false, problem: 'the answer has no ```json block' }
  try {
    return { ok: true, value: JSON.parse(candidate) as unknown }
  }
  catch (error) {
    const reason = error instanceof Error ? error.message.slice(0, 160) : 'unreadable'
    return { ok: false, problem: `the \`\`\`json block is not valid JSON (${reason})` }
  }
}

function lastFencedBlock(answer: string): string | undefined {
  const blocks = [...answer.matchAll(/```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)(?:```|$)/g)]
  const contents = blocks.map(block => block[1]!.trim()).filter(Boolean)
  return contents.at(-1)
}

function outermostBraces(answer: string): string | undefined {
  const start = answer.indexOf('{')
  const end = answer.lastIndexOf('}')
  return start >= 0 && end > start ? answer.slice(start, end + 1) : undefined
}
