import { describe, expect, it } from 'vitest'
import { highlightPieces, shiftedHighlights, type TextHighlight } from '../../../utils/text-highlights'

const mark = (start: number, end: number, title = 'Check', id = `mark-${start}`): TextHighlight => ({ start, end, id, title })
const joined = (text: string, highlights: TextHighlight[]) => highlightPieces(text, highlights).map(piece => piece.text).join('')

describe('highlightPieces', () => {
  it('leaves text without highlights as one plain piece', () => {
    expect(highlightPieces('Plain words.', [])).toEqual([{ text: 'Plain words.', titles: [] }])
  })

  it('marks the offending words between plain pieces, the mark carrying its id and check', () => {
    expect(highlightPieces('It cures colds.', [mark(3, 8, 'No health claims')])).toEqual([
      { text: 'It ', titles: [] },
      { text: 'cures', titles: ['No health claims'], id: 'mark-3' },
      { text: ' colds.', titles: [] },
    ])
  })

  it('splits overlapping highlights so each piece names every check that covers it, the id where each starts', () => {
    const pieces = highlightPieces('100% guaranteed results', [mark(0, 15, 'No guarantees'), mark(0, 4, 'No absolute claims', 'mark-abs'), mark(5, 23, 'No promises')])
    expect(pieces).toEqual([
      { text: '100%', titles: ['No guarantees', 'No absolute claims'], id: 'mark-0' },
      { text: ' ', titles: ['No guarantees'] },
      { text: 'guaranteed', titles: ['No guarantees', 'No promises'], id: 'mark-5' },
      { text: ' results', titles: ['No promises'] },
    ])
  })

  it('takes a nested highlight inside a longer one without losing either', () => {
    const pieces = highlightPieces('abcdefgh', [mark(1, 7, 'Outer'), mark(3, 5, 'Inner')])
    expect(pieces.map(piece => [piece.text, piece.titles])).toEqual([['a', []], ['bc', ['Outer']], ['de', ['Outer', 'Inner']], ['fg', ['Outer']], ['h', []]])
  })

  it('clamps offsets past the text and ignores empty or reversed ones', () => {
    expect(highlightPieces('Short', [mark(3, 99), mark(2, 2), mark(4, 1)])).toEqual([{ text: 'Sho', titles: [] }, { text: 'rt', titles: ['Check'], id: 'mark-3' }])
    expect(highlightPieces('Short', [mark(-5, 2)])).toEqual([{ text: 'Sh', titles: ['Check'] }, { text: 'ort', titles: [] }])
  })

  it('uses the audit\'s UTF-16 offsets, so words after emoji and accents are marked exactly', () => {
    const text = 'Café 🎉🎉 cures all'
    const start = text.indexOf('cures')
    expect(start).toBe(10)
    const pieces = highlightPieces(text, [mark(start, start + 5)])
    expect(pieces[1]).toEqual({ text: 'cures', titles: ['Check'], id: `mark-${start}` })
    expect(joined(text, [mark(start, start + 5)])).toBe(text)
  })

  it('never splits an emoji: an offset inside one widens to take it whole', () => {
    const text = 'Go 🚀 now'
    // 3 is the rocket's first half, 4 its second: a highlight from 4 to 5 would cut it in two.
    const pieces = highlightPieces(text, [mark(4, 5)])
    expect(pieces.map(piece => piece.text)).toEqual(['Go ', '🚀', ' now'])
    expect(pieces[1]?.titles).toEqual(['Check'])
    const ending = highlightPieces(text, [mark(0, 4)])
    expect(ending.map(piece => piece.text)).toEqual(['Go 🚀', ' now'])
  })
})

describe('shiftedHighlights', () => {
  it('lets a highlight run across styled parts of a post with one id, where it starts', () => {
    const text = 'Visit beanbox.example/start #Coffee'
    const highlights = [mark(0, 20, 'Check', 'mark-visit')]
    const parts = [text.slice(0, 6), text.slice(6, 27), text.slice(27)]
    let offset = 0
    const pieces = parts.flatMap((part) => {
      const shifted = highlightPieces(part, shiftedHighlights(highlights, offset))
      offset += part.length
      return shifted
    })
    expect(pieces.map(piece => piece.text).join('')).toBe(text)
    expect(pieces.filter(piece => piece.titles.length > 0).map(piece => piece.text).join('')).toBe(text.slice(0, 20))
    expect(pieces.filter(piece => piece.id).map(piece => piece.id)).toEqual(['mark-visit'])
  })
})
