import { describe, expect, it } from 'vitest'
import { rotated } from '../../bench/shared/rotation'

describe('the order the benchmarks run their contenders in', () => {
  it('starts one further each round, wrapping, so each goes first as often as the others', () => {
    const builds = ['before', 'after', 'third']
    const firsts = [0, 1, 2, 3, 4, 5].map(round => rotated(builds, round)[0])
    expect(firsts).toEqual(['before', 'after', 'third', 'before', 'after', 'third'])
    expect(rotated(builds, 1)).toEqual(['after', 'third', 'before'])
    expect(rotated(builds, 0)).toEqual(builds)
  })
})
