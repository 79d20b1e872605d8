import { describe, expect, it } from 'vitest'
import { countPhrase } from '../../../utils/count-phrase'

describe('countPhrase', () => {
  it.each([
    [0, 'issue', undefined, '0 issues'],
    [1, 'issue', undefined, '1 issue'],
    [2, 'High issue', undefined, '2 High issues'],
    [1, 'example sentence', undefined, '1 example sentence'],
    [3, 'person', 'people', '3 people'],
  ])('%i × %s', (count, singular, plural, expected) => {
    expect(countPhrase(count, singular, plural)).toBe(expected)
  })
})
