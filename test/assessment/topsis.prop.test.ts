/**
 * Property of TOPSIS (seed 42 so a failure replays): scaling one criterion
 * column by a positive factor (a change of unit) changes neither the
 * closeness nor the ranking.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { topsis } from '../../src/assessment/index.js'

const RUNS = { seed: 42, numRuns: 200 }

const instance = fc.integer({ min: 1, max: 6 }).chain((n) =>
  fc.record({
    matrix: fc.array(fc.array(fc.integer({ min: 1, max: 100 }), { minLength: n, maxLength: n }), {
      minLength: 1,
      maxLength: 12,
    }),
    weights: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    benefit: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    column: fc.integer({ min: 0, max: n - 1 }),
    factor: fc.double({ min: 0.001, max: 1000, noNaN: true }),
  }),
)

describe('topsis properties', () => {
  it('is invariant to scaling a criterion column', () => {
    fc.assert(
      fc.property(instance, ({ matrix, weights, benefit, column, factor }) => {
        const scaled = matrix.map((row) => row.map((x, j) => (j === column ? x * factor : x)))
        const a = topsis(matrix, weights, { benefit })
        const b = topsis(scaled, weights, { benefit })
        if (a._tag === 'Left' || b._tag === 'Left') throw new Error('unexpected error')
        a.right.closeness.forEach((c, i) => expect(b.right.closeness[i]).toBeCloseTo(c, 9))
      }),
      RUNS,
    )
  })
})
