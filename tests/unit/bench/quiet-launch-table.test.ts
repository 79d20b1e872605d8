import { describe, expect, it } from 'vitest'
import { quietLaunchTable } from '../../bench/engine/report'

describe('the engine benchmark\'s table of launches one at a time', () => {
  it('gives each build and deployment its median, then every launch in the order it ran', () => {
    const table = quietLaunchTable([
      { build: 'before', deployment: 'postgres', rightAfterMs: [49.4, 41.2, 60], afterQuietMs: [112, 201.6, 150] },
      { build: 'after', deployment: 'embedded', rightAfterMs: [59, 39], afterQuietMs: [57, 55] },
    ]).split('\n')
    expect(table[0]).toBe('| build | deployment | launch → completed, right after another run, ms | after 12 s of quiet, ms |')
    expect(table.slice(2)).toEqual([
      '| before | postgres | 49 (49, 41, 60) | 150 (112, 202, 150) |',
      '| after | embedded | 49 (59, 39) | 56 (57, 55) |',
    ])
  })
})
