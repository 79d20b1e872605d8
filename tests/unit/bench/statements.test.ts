import { describe, expect, it } from 'vitest'
import { statementsBetween, statementTotals } from '../../bench/engine/statements'

const scrape = (repositories: number, queue: Record<string, number>) => [
  '# HELP database_statements_total SQL statements',
  '# TYPE database_statements_total counter',
  `database_statements_total ${repositories}`,
  ...Object.entries(queue).map(([statement, count]) => `run_queue_statements_total{statement="${statement}"} ${count}`),
  'database_statements_total_other 99',
].join('\n')

describe('the statements a server sent over the engine benchmark\'s burst', () => {
  it('sums the run queue\'s purposes and reads the repositories\' counter alone', () => {
    expect(statementTotals(scrape(120, { fetch: 7, owner_lock: 4, finish: 2 }))).toEqual({ repositories: 120, runQueue: 13 })
  })

  it('counts what the burst added, a purpose first seen after it included, and 0 where the counter is absent', () => {
    expect(statementsBetween(scrape(100, { fetch: 2 }), scrape(800, { fetch: 102, lease: 3 }))).toEqual({ repositories: 700, runQueue: 103 })
    expect(statementsBetween('', scrape(5, {}))).toEqual({ repositories: 5, runQueue: 0 })
  })
})
