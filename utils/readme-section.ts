/** One block of a README section: a paragraph, or a table with its header row first. */
export type ReadmeBlock = { kind: 'paragraph', text: string } | { kind: 'table', rows: string[][] }

/** Text and `code` runs of one line, so code can be shown as code without rendering any Markdown. */
export function codeRuns(text: string): Array<{ code: boolean, text: string }> {
  return text.split('`').map((part, index) => ({ code: index % 2 === 1, text: part })).filter(run => run.text !== '')
}

/** The blocks under the `## heading` of a Markdown document, up to the next `## ` heading. */
export function readmeSection(markdown: string, heading: string): ReadmeBlock[] {
  const lines = markdown.split('\n')
  const start = lines.findIndex(line => line.trim() === `## ${heading}`)
  if (start < 0) return []
  const end = lines.findIndex((line, index) => index > start && line.startsWith('## '))
  const blocks: ReadmeBlock[] = []
  for (const line of lines.slice(start + 1, end < 0 ? undefined : end).map(text => text.trim())) {
    const last = blocks.at(-1)
    if (line.startsWith('|')) {
      if (/^\|[\s|:-]+\|$/u.test(line)) continue
      const cells = line.slice(1, -1).split('|').map(cell => cell.trim())
      if (last?.kind === 'table') last.rows.push(cells)
      else blocks.push({ kind: 'table', rows: [cells] })
    }
    else if (line !== '') {
      blocks.push({ kind: 'paragraph', text: line })
    }
  }
  return blocks
}
