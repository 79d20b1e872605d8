import { describe, expect, it } from 'vitest'
import { feedbackNote } from '#shared/campaign'
import { RULES } from '../../../../server/engine/compliance'
import { feedbackItems, MAX_FEEDBACK_ITEMS, verifyFeedback } from '../../../../server/engine/feedback'

describe('feedbackItems', () => {
  it('splits one request into its instructions', () => {
    expect(feedbackItems(['Make it shorter and mention free shipping'])).toEqual([
      { kind: 'shorter', text: 'Make it shorter' },
      { kind: 'mention', text: 'mention free shipping', phrase: 'free shipping' },
    ])
  })

  it('reads quoted and unquoted phrases to add or leave out, sentence by sentence and line by line', () => {
    expect(feedbackItems(['Mention "Made in Wales". Don\'t say cheap.\nRemove the words "easy" and "simple"', 'More energetic, please'], ['shorter'])).toEqual([
      { kind: 'mention', text: 'Mention "Made in Wales"', phrase: 'Made in Wales' },
      { kind: 'remove', text: 'Don\'t say cheap', terms: ['cheap'] },
      { kind: 'remove', text: 'Remove the words "easy" and "simple"', terms: ['easy', 'simple'] },
      { kind: 'person', text: 'More energetic, please' },
      { kind: 'shorter', text: 'shorter' },
    ])
  })

  it('reads the audit\'s recommendations, never a quoted field label as words to remove', () => {
    const [item] = feedbackItems(['Remove the unsubstantiated claim "cures" (or add a "Substantiation:" constraint naming it).'])
    expect(item).toEqual({ kind: 'remove', text: expect.any(String), terms: ['cures'] })
    for (const rule of RULES) expect(feedbackItems([rule.recommendation]).length, rule.id).toBeGreaterThan(0)
  })

  it('reads runs of spaces and tabs as one space, lines still apart', () => {
    const spaced = 'Make it shorter  \t  and \u00a0  mention    free shipping\n\n   Don\'t   say   cheap.     More energetic'
    expect(feedbackItems([spaced])).toEqual([
      { kind: 'shorter', text: 'Make it shorter' },
      { kind: 'mention', text: 'mention free shipping', phrase: 'free shipping' },
      { kind: 'remove', text: 'Don\'t say cheap', terms: ['cheap'] },
      { kind: 'person', text: 'More energetic' },
    ])
    // Feedback as long as a request may send, nothing but spaces between two words: one item.
    expect(feedbackItems([`Shorter${' '.repeat(1990)}please`])).toEqual([{ kind: 'shorter', text: 'Shorter please' }])
  })

  it('keeps at most a bounded number of items, the rest as one', () => {
    const items = feedbackItems(Array.from({ length: 50 }, (_, index) => `Mention point ${index}`))
    expect(items).toHaveLength(MAX_FEEDBACK_ITEMS)
    expect(items.at(-1)!.text).toContain('point 49')
  })
})

describe('verifyFeedback', () => {
  const items = feedbackItems(['Make it shorter and mention free shipping', 'Don\'t say "cheap"', 'More energetic'])

  it('marks what the new version did as done, with what was measured', () => {
    const checks = verifyFeedback(items, 'Free shipping on every order.', 'A much longer previous version that was cheap and cheerful.')
    expect(checks.map(check => check.outcome)).toEqual(['done', 'done', 'done', 'needs-person'])
    expect(checks[0]!.evidence).toMatch(/^Shorter: \d+ → 29 characters\.$/u)
  })

  it('marks what it did not do as not done: longer, missing, still there', () => {
    const checks = verifyFeedback(items, 'A cheap version, and longer than the one before it.', 'Short one.')
    expect(checks.map(check => check.outcome)).toEqual(['not-done', 'not-done', 'not-done', 'needs-person'])
    expect(checks[2]!.evidence).toContain('“cheap”')
  })

  it('leaves "shorter" to a person when there is no earlier version', () => {
    expect(verifyFeedback(feedbackItems(['shorter']), 'Text.', null)[0]!.outcome).toBe('needs-person')
  })

  it('notes exactly what the checks found', () => {
    const checks = verifyFeedback(items, 'Free shipping.', 'Longer text before.')
    expect(feedbackNote(checks)).toBe('3 of 4 done, 1 for a person to check')
    expect(feedbackNote([])).toBe('')
  })
})
