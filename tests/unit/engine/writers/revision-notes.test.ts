import { describe, expect, it } from 'vitest'
import { readRevisionNotes } from '../../../../server/engine/writers/offline/revision-notes'
import { splitIntoPieces } from '../../../../server/engine/writers/offline/stream-text'

describe('readRevisionNotes', () => {
  it('reads the audit\'s own recommendations', () => {
    const notes = readRevisionNotes([
      'Remove the unsubstantiated claim "guaranteed" (or add a "Substantiation:" constraint naming it).',
      'Include "free returns" as the brief requires.',
      'Shorten the post by at least 12 characters to fit the 280-character limit.',
      'Add the required disclaimer: "Terms apply."',
    ], [])
    expect(notes).toMatchObject({ dropClaims: true, shorten: true, avoid: ['guaranteed'], include: ['free returns'] })
  })

  it('reads unquoted phrases to mention or leave out', () => {
    expect(readRevisionNotes(['Make it shorter and mention free shipping', 'Don\'t say cheap'], [])).toMatchObject({ shorten: true, include: ['free shipping'], avoid: ['cheap'] })
  })

  it('reads tags, tone requests and topics to emphasise', () => {
    const notes = readRevisionNotes(['Could it sound warmer?', 'Focus on durability.'], ['more-concise'])
    expect(notes.style?.name).toBe('warm')
    expect(notes.emphasis).toEqual(['durability'])
    expect(notes.shorten).toBe(true)
  })
})

describe('splitIntoPieces', () => {
  it('keeps every character, leading whitespace and line breaks included', () => {
    const text = '\n  ## Headlines\n1. One two three four\n\nfive  '
    const pieces = splitIntoPieces(text)
    expect(pieces.join('')).toBe(text)
    expect(pieces[0]).toBe('\n  ')
    expect(pieces.slice(1).every(piece => piece.trim().split(/\s+/u).length <= 3)).toBe(true)
  })

  it('returns nothing for empty text', () => {
    expect(splitIntoPieces('')).toEqual([])
  })
})
