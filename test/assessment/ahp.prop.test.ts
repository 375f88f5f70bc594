/**
 * Properties of AHP (seed 42 so a failure replays): weights are positive and
 * sum to 1; a consistent matrix a_ij = w_i / w_j has CR 0 (within 1e-9) and
 * gives back w; permuting the criteria permutes the weights.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ahpWeights } from '../../src/assessment/index.js'

const RUNS = { seed: 42, numRuns: 200 }

const SAATY = [1 / 9, 1 / 8, 1 / 7, 1 / 6, 1 / 5, 1 / 4, 1 / 3, 1 / 2, 1, 2, 3, 4, 5, 6, 7, 8, 9]

/** A reciprocal matrix of n ∈ 2…9 with judgements on Saaty's scale. */
const reciprocal = fc.integer({ min: 2, max: 9 }).chain((n) =>
  fc
    .array(fc.constantFrom(...SAATY), { minLength: (n * (n - 1)) / 2, maxLength: (n * (n - 1)) / 2 })
    .map((upper) => {
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
