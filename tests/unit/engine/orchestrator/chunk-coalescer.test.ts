import { describe, expect, it } from 'vitest'
import { ChunkCoalescer } from '../../../../server/engine/orchestrator/chunk-coalescer'

const nextTurn = () => new Promise(resolve => setImmediate(resolve))

function recorded() {
  const chunks: Array<{ chunk: string, sequence: number, isComplete: boolean }> = []
  const stream = new ChunkCoalescer((chunk, sequence, isComplete) => chunks.push({ chunk, sequence, isComplete }))
  return { chunks, stream }
}

describe('ChunkCoalescer', () => {
  it('sends the pieces of one turn as one chunk, and each later turn\'s as the next', async () => {
    const { chunks, stream } = recorded()
    stream.add('Grow ')
    stream.add('something ')
    stream.add('new ')
    expect(chunks).toEqual([])
    await nextTurn()
    stream.add('this spring.')
    await nextTurn()
    stream.complete()
    expect(chunks).toEqual([
      { chunk: 'Grow something new ', sequence: 0, isComplete: false },
      { chunk: 'this spring.', sequence: 1, isComplete: false },
      { chunk: '', sequence: 2, isComplete: true },
    ])
  })

  it('sends what is pending before the final chunk, and nothing for empty pieces', () => {
    const { chunks, stream } = recorded()
    stream.add('')
    stream.add('All of it')
    stream.complete()
    expect(chunks).toEqual([{ chunk: 'All of it', sequence: 0, isComplete: false }, { chunk: '', sequence: 1, isComplete: true }])
  })

  it('sends a failed attempt\'s text, then numbers the next attempt from 0', async () => {
    const { chunks, stream } = recorded()
    stream.restart()
    stream.add('First ')
    await nextTurn()
    stream.add('try')
    stream.restart()
    stream.add('Second try')
    stream.flush()
    await nextTurn()
    expect(chunks.map(({ chunk, sequence }) => [chunk, sequence])).toEqual([['First ', 0], ['try', 1], ['Second try', 0]])
  })
})
