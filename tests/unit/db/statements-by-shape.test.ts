import { is, Placeholder, SQL } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import { shapeValues, StatementsByShape } from '../../../server/db/statements-by-shape'

describe('values shaped for a prepared statement', () => {
  it('give each value a placeholder of its own and pass the value under its name', () => {
    const when = new Date('2026-12-03T12:00:00Z')
    const shaped = shapeValues({ stage: 'Auditing', completedAt: when }, 'set_')
    expect(shaped.shape).toBe('stage,completedAt')
    expect(Object.keys(shaped.placeholders)).toEqual(['stage', 'completedAt'])
    expect(is(shaped.placeholders.stage, Placeholder)).toBe(true)
    expect((shaped.placeholders.stage as Placeholder).name).toBe('set_stage')
    expect(shaped.args).toEqual({ set_stage: 'Auditing', set_completedAt: when })
  })

  it('write a null as the literal NULL, in the shape and not among the values', () => {
    const shaped = shapeValues({ stage: null, statusReason: 'Done' }, 'set_')
    expect(shaped.shape).toBe('stage=null,statusReason')
    expect(is(shaped.placeholders.stage, SQL)).toBe(true)
    expect(shaped.args).toEqual({ set_statusReason: 'Done' })
  })

  it('leave out undefined values, as a SET leaves them out', () => {
    const shaped = shapeValues({ stage: 'Queued', runId: undefined }, 'set_')
    expect(shaped.shape).toBe('stage')
    expect(shaped.placeholders).not.toHaveProperty('runId')
  })

  it('share a shape when they differ only in their values', () => {
    expect(shapeValues({ stage: 'Auditing' }, 'set_').shape).toBe(shapeValues({ stage: 'Revising' }, 'set_').shape)
    expect(shapeValues({ stage: 'Auditing' }, 'set_').shape).not.toBe(shapeValues({ stage: null }, 'set_').shape)
  })
})

describe('statements kept by shape', () => {
  it('are built once per shape and kept', () => {
    const statements = new StatementsByShape<{ name: string }>('campaigns_update')
    let builds = 0
    const build = (name: string) => ({ name, build: ++builds })
    const first = statements.get('stage', build)
    expect(statements.get('stage', build)).toBe(first)
    expect(statements.get('stage=null', build)).not.toBe(first)
    expect(builds).toBe(2)
    expect(statements.size).toBe(2)
  })

  it('are named by their kind and shape alike in every instance, and apart for each shape', () => {
    const name = (statements: StatementsByShape<string>, shape: string) => statements.get(shape, built => built)
    const one = new StatementsByShape<string>('campaigns_update')
    const other = new StatementsByShape<string>('campaigns_update')
    expect(name(one, 'stage')).toBe(name(other, 'stage'))
    expect(name(one, 'stage')).not.toBe(name(one, 'stage=null'))
    expect(name(one, 'stage')).toMatch(/^campaigns_update_[0-9a-f]{16}$/)
    // PostgreSQL truncates identifiers past 63 bytes, which would make two names one.
    expect(name(one, 'x'.repeat(500)).length).toBeLessThanOrEqual(63)
  })

  it('keep no more than their bound, and still build a statement for every shape past it', () => {
    const statements = new StatementsByShape<string>('campaigns_update', 2)
    let builds = 0
    const build = (name: string) => `${name}#${++builds}`
    for (const shape of ['a', 'b', 'c', 'c']) statements.get(shape, build)
    expect(statements.size).toBe(2)
    expect(builds).toBe(4)
    expect(statements.get('a', build)).toBe(statements.get('a', build))
  })
})
