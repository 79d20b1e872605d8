import { describe, expect, it } from 'vitest'
import { REVIEW_COMMENT_MAX_CHARACTERS, REVIEWER_NAME_MAX_CHARACTERS, reviewFeedbackSchema } from '#shared/campaign'
import { UNSTORABLE_TEXT_MESSAGE } from '#shared/schemas/storable-text'
import { fieldErrors } from '#shared/utils/field-errors'

const errorsOf = (input: object) => {
  const result = reviewFeedbackSchema.safeParse({ reviewerName: 'Rae', decision: 'request-changes', comment: 'Shorter', ...input })
  return result.success ? {} : fieldErrors(result.error)
}

describe('reviewer feedback fields', () => {
  it('count characters, not UTF-16 units: the limits hold for emoji too', () => {
    expect(errorsOf({ reviewerName: '😀'.repeat(REVIEWER_NAME_MAX_CHARACTERS), comment: '😀'.repeat(REVIEW_COMMENT_MAX_CHARACTERS) })).toEqual({})
    expect(errorsOf({ reviewerName: '😀'.repeat(REVIEWER_NAME_MAX_CHARACTERS + 1), comment: 'x'.repeat(REVIEW_COMMENT_MAX_CHARACTERS + 1) })).toEqual({
      reviewerName: [`At most ${REVIEWER_NAME_MAX_CHARACTERS} characters`],
      comment: [`At most ${REVIEW_COMMENT_MAX_CHARACTERS} characters`],
    })
  })

  it.each(['\u0007', '\u001b', '\u007f', '\u0085', '\u000b'])('refuse %j in a comment', (character) => {
    expect(errorsOf({ comment: `a${character}b` }).comment).toEqual(['Text, line breaks and tabs only: no other control characters'])
  })

  it.each(['\t', '\n', '\u0001', '\u202e', '\u202a', '\u2066', '\u2069'])('refuse %j inside a name', (character) => {
    expect(errorsOf({ reviewerName: `R${character}ae` }).reviewerName).toEqual(['Letters, digits, spaces and punctuation only'])
  })

  it.each(['رائد حداد', 'נועה לוי', 'Zoë 👩‍👩‍👧'])('take %j: right-to-left scripts and joined emoji are letters, not reordering', (name) => {
    expect(errorsOf({ reviewerName: name })).toEqual({})
  })

  it.each(['\u0000', '\ud800', '\ud83d'])('refuse %j, which cannot be stored, with that reason alone', (character) => {
    expect(errorsOf({ reviewerName: `R${character}ae`, comment: `a${character}b` })).toEqual({
      reviewerName: [UNSTORABLE_TEXT_MESSAGE],
      comment: [UNSTORABLE_TEXT_MESSAGE],
    })
  })

  it('keep line breaks, tabs and quotes in a comment, with Windows line endings as one break', () => {
    expect(reviewFeedbackSchema.parse({ reviewerName: ' Rae ', decision: 'request-changes', comment: 'One\r\n\t"two"\\\rthree' }))
      .toEqual({ reviewerName: 'Rae', decision: 'request-changes', comment: 'One\n\t"two"\\\nthree' })
  })

  it('refuse a comment that is not text', () => {
    expect(errorsOf({ comment: 42 }).comment).toEqual(['The comment must be text'])
  })
})
