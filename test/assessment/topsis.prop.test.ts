/**
 * Properties of TOPSIS and the entropy weights (seed 42 so a failure
 * replays): scaling one criterion column by a positive factor (a change of
 * unit) changes neither the closeness nor the ranking; nor, at any magnitude
 * (columns at 1e-150…1e150, scaled by 1e-150…1e150, so squares and sums
 * reach past the range of a double), the closeness or the entropy weights.
 * Nor does scaling all the weights by one factor (1e-300…1e308: finite weights
 * whose sum overflows were normalised to 0 and every closeness was 0.5).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { entropyWeights, topsis } from '../../src/assessment/index.js'

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

/** A power of ten 10^-150 … 10^150. */
const magnitude = fc.integer({ min: -150, max: 150 }).map((e) => 10 ** e)

const extreme = fc.integer({ min: 1, max: 5 }).chain((n) =>
  fc.record({
    matrix: fc.array(fc.array(fc.integer({ min: 0, max: 100 }), { minLength: n, maxLength: n }), {
      minLength: 2,
      maxLength: 12,
    }),
    weights: fc.array(fc.double({ min: 0.01, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
    benefit: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    /** Each column's unit. */
    units: fc.array(magnitude, { minLength: n, maxLength: n }),
    column: fc.integer({ min: 0, max: n - 1 }),
    factor: magnitude,
  }),
)

describe('at extreme magnitudes', () => {
  it('scaling a column by 1e-150…1e150 changes neither TOPSIS closeness nor entropy weights', () => {
    fc.assert(
      fc.property(extreme, ({ matrix, weights, benefit, units, column, factor }) => {
        const inUnits = matrix.map((row) => row.map((x, j) => x * units[j]!))
        const scaled = inUnits.map((row) => row.map((x, j) => (j === column ? x * factor : x)))
        for (const m of [inUnits, scaled]) {
          const a = topsis(matrix, weights, { benefit })
          const b = topsis(m, weights, { benefit })
          if (a._tag === 'Left' || b._tag === 'Left') throw new Error('unexpected error')
          a.right.closeness.forEach((c, i) => expect(Math.abs(b.right.closeness[i]! - c)).toBeLessThan(1e-9))
          const e = entropyWeights(matrix)
          const f = entropyWeights(m)
          if (e._tag === 'Left' || f._tag === 'Left') {
            expect(f._tag === 'Left' && f.left._tag).toBe(e._tag === 'Left' && e.left._tag)
            continue
          }
          e.right.weights.forEach((w, j) => expect(Math.abs(f.right.weights[j]! - w)).toBeLessThan(1e-9))
        }
      }),
      RUNS,
    )
  })
})

describe('weights at any magnitude', () => {
  it('scaling every weight by 1e-300…1e308 changes neither the weights used nor the closeness', () => {
    fc.assert(
      fc.property(
        instance,
        fc.integer({ min: -300, max: 308 }).map((e) => 10 ** e),
        ({ matrix, weights, benefit }, factor) => {
          const a = topsis(matrix, weights, { benefit })
          const b = topsis(
            matrix,
            weights.map((w) => w * factor),
            { benefit },
          )
          if (a._tag === 'Left' || b._tag === 'Left') throw new Error('unexpected error')
          a.right.weights.forEach((w, j) => expect(Math.abs(b.right.weights[j]! - w)).toBeLessThan(1e-12))
          a.right.closeness.forEach((c, i) => expect(Math.abs(b.right.closeness[i]! - c)).toBeLessThan(1e-9))
          expect(b.right.order).toEqual(a.right.order)
        },
      ),
      RUNS,
    )
  })
})
