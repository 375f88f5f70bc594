/**
 * Properties of AHP (seed 42 so a failure replays): weights are positive and
 * sum to 1, on Saaty's scale and anywhere within the judgements read
 * (10⁻⁴–10⁴); a judgement outside is refused, naming its cell; a consistent matrix a_ij = w_i / w_j has CR 0 (within 1e-9) and
 * gives back w; permuting the criteria permutes the weights.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ahpWeights } from '../../src/assessment/index.js'

const RUNS = { seed: 42, numRuns: 200 }

const SAATY = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9]

/** A judgement anywhere in 10⁻⁴–10⁴ (log-uniform), the bounds and Saaty's scale among them. */
const judgement = fc.oneof(
  fc.constantFrom(1e4, 1e-4, 1, ...SAATY),
  fc
    .double({ min: -Math.log(1e4), max: Math.log(1e4), noNaN: true })
    .map((x) => Math.min(1e4, Math.max(1e-4, Math.exp(x)))),
)

/** A reciprocal matrix of n ∈ 2…`most` with upper judgements drawn from `value`. */
const reciprocalOf = (value: fc.Arbitrary<number>, most = 15) =>
  fc.integer({ min: 2, max: most }).chain((n) =>
    fc.array(value, { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 }).map((upper) => {
      const m = Array.from({ length: n }, () => new Array<number>(n).fill(1))
      let k = 0
      for (let i = 0; i < n; i++)
        for (let j = i + 1; j < n; j++) {
          m[i]![j] = upper[k]!
          m[j]![i] = 1 / upper[k++]!
        }
      return m
    }),
  )

/** A reciprocal matrix of n ∈ 2…9 with judgements on Saaty's scale. */
const reciprocal = reciprocalOf(fc.constantFrom(...SAATY), 9)

const positiveWeights = fc.array(fc.double({ min: 0.01, max: 100, noNaN: true }), {
  minLength: 2,
  maxLength: 12,
})

const weightsOf = (m: number[][]) => {
  const r = ahpWeights(m, { maxCr: Infinity })
  if (r._tag === 'Left') throw new Error(r.left._tag)
  return r.right
}

describe('ahpWeights properties', () => {
  it('gives positive weights summing to 1', () => {
    fc.assert(
      fc.property(reciprocal, (m) => {
        const w = weightsOf(m).weights
        expect(w.every((x) => x > 0)).toBe(true)
        expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
      }),
      RUNS,
    )
  })

  it('gives positive weights summing to 1 for any judgements within 10⁻⁴–10⁴', () => {
    fc.assert(
      fc.property(reciprocalOf(judgement), (m) => {
        const w = weightsOf(m).weights
        expect(w.every((x) => Number.isFinite(x) && x > 0)).toBe(true)
        expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9)
      }),
      { ...RUNS, numRuns: 1000 },
    )
  })

  it('refuses a judgement outside 10⁻⁴–10⁴, naming its cell, whatever the rest', () => {
    const outside = fc.oneof(
      fc.double({ min: 1e4, max: 1e300, noNaN: true, minExcluded: true }),
      fc.double({ min: 1e-300, max: 1e-4, noNaN: true, maxExcluded: true }),
    )
    const placed = reciprocalOf(fc.constantFrom(...SAATY)).chain((m) =>
      fc
        .tuple(fc.nat(m.length - 1), fc.nat(m.length - 2), outside)
        .map(([i, k, v]) => ({ m, i, j: k >= i ? k + 1 : k, v })),
    )
    fc.assert(
      fc.property(placed, ({ m, i, j, v }) => {
        const bad = m.map((r) => [...r])
        bad[i]![j] = v
        bad[j]![i] = 1 / v
        // the first cell met, row by row: the one of the upper row
        const [row, column, value] = i < j ? [i, j, v] : [j, i, 1 / v]
        const r = ahpWeights(bad, { maxCr: Infinity })
        expect(r._tag === 'Left' && r.left).toEqual({
          _tag: 'OutOfRange',
          row,
          column,
          value,
          min: 1e-4,
          max: 1e4,
        })
      }),
      RUNS,
    )
  })

  it('finds CR = 0 and the generating weights for a consistent matrix', () => {
    fc.assert(
      fc.property(positiveWeights, (raw) => {
        const m = raw.map((wi) => raw.map((wj) => wi / wj))
        const r = weightsOf(m)
        expect(Math.abs(r.cr)).toBeLessThan(1e-9)
        const sum = raw.reduce((a, b) => a + b, 0)
        r.weights.forEach((w, i) => expect(w).toBeCloseTo(raw[i]! / sum, 9))
      }),
      RUNS,
    )
  })

  it('permutes the weights when the criteria are permuted', () => {
    const withPermutation = reciprocal.chain((m) =>
      fc
        .shuffledSubarray(
          m.map((_, i) => i),
          { minLength: m.length, maxLength: m.length },
        )
        .map((p) => ({ m, p })),
    )
    fc.assert(
      fc.property(withPermutation, ({ m, p }) => {
        const permuted = p.map((i) => p.map((j) => m[i]![j]!))
        const w = weightsOf(m).weights
        const wp = weightsOf(permuted).weights
        p.forEach((i, k) => expect(wp[k]).toBeCloseTo(w[i]!, 9))
        expect(weightsOf(permuted).cr).toBeCloseTo(weightsOf(m).cr, 9)
      }),
      RUNS,
    )
  })
})
