import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { codeRuns, readmeSection } from '../../../utils/readme-section'

describe('readmeSection', () => {
  it('reads the README\'s model section: its paragraphs and its table of variables', () => {
    const blocks = readmeSection(readFileSync('README.md', 'utf8'), 'Language models')
    expect(blocks[0]).toMatchObject({ kind: 'paragraph', text: expect.stringContaining('MODEL_PROVIDER') })
    const table = blocks.find(block => block.kind === 'table')
    expect(table?.kind === 'table' && table.rows[0]).toEqual(['variable', 'default', 'meaning'])
    expect(table?.kind === 'table' && table.rows.some(row => row[0] === '`OPENAI_API_KEY`')).toBe(true)
  })

  it('stops at the next section and finds nothing under a missing heading', () => {
    const markdown = '# T\n\n## A\n\nOne.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n## B\n\nTwo.\n'
    expect(readmeSection(markdown, 'A')).toEqual([{ kind: 'paragraph', text: 'One.' }, { kind: 'table', rows: [['a', 'b'], ['1', '2']] }])
    expect(readmeSection(markdown, 'C')).toEqual([])
  })

  it('splits code runs from text', () => {
    expect(codeRuns('set `MODEL_PROVIDER` now')).toEqual([{ code: false, text: 'set ' }, { code: true, text: 'MODEL_PROVIDER' }, { code: false, text: ' now' }])
  })
})
