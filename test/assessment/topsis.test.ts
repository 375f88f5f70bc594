/**
 * TOPSIS against published worked examples:
 * - E. Roszkowska, "Multi-criteria decision making models by applying the
 *   TOPSIS method to crisp and interval data", Multiple Criteria Decision
 *   Making (University of Economics in Katowice) 6, 2011, pp. 200–230,
 *   Example 1, first decision maker: five alternatives, four criteria (C2 a
 *   cost), weights 0.175, 0.425, 0.175, 0.225; relative closeness 0.5355,
 *   0.4349, 0.5575, 0.5170, 0.3706 and the order A3, A1, A4, A2, A5.
 * - The TOPSIS example of the R package MCDA (P. Meyer, S. Bigaret, `TOPSIS`
 *   help page): three cars on price (a cost), economy, aesthetics and boot
 *   capacity, weights 0.35, 0.25, 0.25, 0.15, with its printed positive and
 *   negative ideal solutions.
 * Entropy weights and their combination are checked against hand-computed values.
 */
import { describe, expect, it } from 'vitest'
import { combineWeights, entropyWeights, topsis, type TopsisResult } from '../../src/assessment/index.js'

const ok = (r: ReturnType<typeof topsis>): TopsisResult => {
  if (r._tag === 'Left') throw new Error(r.left._tag)
  return r.right
}

describe('topsis: published examples', () => {
  it('reproduces Roszkowska (2011), Example 1', () => {
    const r = ok(
      topsis(
        [
          [7, 21, 4, 7],
          [7, 24, 6, 4],
          [14, 25, 3, 8],
          [14, 26, 9, 3],
          [21, 35, 4, 4],
        ],
        [0.175, 0.425, 0.175, 0.225],
        { benefit: [true, false, true, true] },
      ),
    )
    ;[0.5355, 0.4349, 0.5575, 0.517, 0.3706].forEach((c, i) => expect(r.closeness[i]).toBeCloseTo(c, 4))
    expect(r.order).toEqual([2, 0, 3, 1, 4])
    expect(r.rank).toEqual([2, 4, 1, 3, 5])
  })

  it('reproduces the ideal solutions of the MCDA package example', () => {
    const r = ok(
      topsis(
        [
          [5490, 51.4, 8.5, 285],
          [6500, 70.6, 7, 288],
          [6489, 54.3, 7.5, 290],
        ],
        [0.35, 0.25, 0.25, 0.15],
        { benefit: [false, true, true, true] },
      ),
    )
    ;[0.179573776, 0.171636015, 0.159499658, 0.087302767].forEach((v, j) =>
      expect(r.ideal[j]).toBeCloseTo(v, 8),
    )
    ;[0.212610118, 0.124958799, 0.131352659, 0.085797547].forEach((v, j) =>
      expect(r.antiIdeal[j]).toBeCloseTo(v, 8),
    )
  })
})

describe('topsis: hand-computed and edge cases', () => {
  it('ranks two alternatives on one criterion', () => {
    // r = (3, 4) / 5; A+ = 0.8, A- = 0.6; C = (0, 1)
    const r = ok(topsis([[3], [4]], [1]))
    expect(r.closeness).toEqual([0, 1])
    expect(r.order).toEqual([1, 0])
  })

  it('normalises finite weights whose sum overflows (was weights [0, 0] and closeness [0.5, 0.5])', () => {
    const huge = ok(
      topsis(
        [
          [1, 3],
          [2, 1],
        ],
        [1e308, 1e308],
      ),
    )
    const unit = ok(
      topsis(
        [
          [1, 3],
          [2, 1],
        ],
        [1, 1],
      ),
    )
    expect(huge.weights).toEqual([0.5, 0.5])
    expect(huge.closeness).toEqual(unit.closeness)
    expect(huge.order).toEqual([0, 1])
  })

  it('breaks ties by id, then by row', () => {
    const r = ok(topsis([[1], [1], [1]], [1], { ids: ['b', 'c', 'a'] }))
    expect(r.closeness).toEqual([0.5, 0.5, 0.5])
    expect(r.order).toEqual([2, 0, 1])
  })

  it('returns errors as values', () => {
    expect(topsis([], [1])).toEqual({ _tag: 'Left', left: { _tag: 'Empty' } })
    expect(topsis([[1, 2], [1]], [1, 1])._tag).toBe('Left')
    expect(topsis([[1]], [0])).toEqual({
      _tag: 'Left',
      left: { _tag: 'BadWeights', reason: 'the weights sum to 0' },
    })
    expect(topsis([[NaN]], [1])).toEqual({
      _tag: 'Left',
      left: { _tag: 'NotFinite', row: 0, column: 0, value: NaN },
    })
  })

  it('refuses ids that are not one per row', () => {
    const message = 'options.ids: expected one id per row of matrix (3), got ["a","b"]'
    expect(topsis([[1], [2], [3]], [1], { ids: ['a', 'b'] })).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'InvalidOptions',
        issues: [
          { path: ['options', 'ids'], expected: 'one id per row of matrix (3)', got: '["a","b"]', message },
        ],
        message,
      },
    })
    expect(topsis([[1], [2]], [1], { ids: ['a', 'b', 'c'] })._tag).toBe('Left')
  })

  it('gives the same closeness at any magnitude (the norm does not overflow or underflow)', () => {
    const unit = ok(
      topsis(
        [
          [1, 2],
          [2, 1],
        ],
        [0.7, 0.3],
      ),
    )
    expect(unit.closeness.map((c) => c.toFixed(12))).toEqual(['0.300000000000', '0.700000000000'])
    // was [1, 0]: ‖(1e200, 2e200)‖₂ overflowed to Infinity and the column to 0
    for (const k of [1e200, 1e-200, 1e300, 1e-300, 5e-324, Number.MAX_VALUE / 2]) {
      const r = ok(
        topsis(
          [
            [k, 2],
            [2 * k, 1],
          ],
          [0.7, 0.3],
        ),
      )
      r.closeness.forEach((c, i) => expect(c).toBeCloseTo(unit.closeness[i]!, 12))
    }
  })
})

describe('entropyWeights', () => {
  it('matches the hand computation', () => {
    // column 1: p = (1/4, 3/4, 0); column 2: p = (1/4, 1/4, 1/2); m = 3
    const r = entropyWeights([
      [1, 1],
      [3, 1],
      [0, 2],
    ])
    if (r._tag === 'Left') throw new Error(r.left._tag)
    const h = (ps: number[]) => -ps.reduce((s, p) => s + p * Math.log(p), 0) / Math.log(3)
    const e1 = h([0.25, 0.75])
    const e2 = h([0.25, 0.25, 0.5])
    expect(r.right.entropy[0]).toBeCloseTo(e1, 12)
    expect(r.right.entropy[1]).toBeCloseTo(e2, 12)
    expect(r.right.weights[0]).toBeCloseTo((1 - e1) / (2 - e1 - e2), 12)
    expect(r.right.weights[1]).toBeCloseTo((1 - e2) / (2 - e1 - e2), 12)
  })

  it('gives a constant column no weight', () => {
    const r = entropyWeights([
      [1, 1],
      [1, 3],
    ])
    expect(r._tag === 'Right' && r.right.weights).toEqual([0, 1])
  })

  it('gives the same weights at any magnitude (the column sum does not overflow)', () => {
    // was [0.924, 0.076]: 1e308 + 1e308 overflowed to Infinity
    const r = entropyWeights([
      [1e308, 1],
      [1e308, 2],
    ])
    expect(r._tag === 'Right' && r.right.weights).toEqual([0, 1])
    const unit = entropyWeights([
      [1, 1],
      [3, 2],
    ])
    const big = entropyWeights([
      [1, 5e307],
      [3, 1e308],
    ])
    if (unit._tag === 'Left' || big._tag === 'Left') throw new Error('expected weights')
    big.right.weights.forEach((w, j) => expect(w).toBeCloseTo(unit.right.weights[j]!, 12))
  })

  it('returns errors as values', () => {
    expect(entropyWeights([[1]])).toEqual({ _tag: 'Left', left: { _tag: 'TooFewRows', rows: 1 } })
    // a value that is not a number is not reported as negative
    for (const value of [NaN, Infinity, -Infinity])
      expect(
        entropyWeights([
          [1, 1],
          [2, value],
        ]),
      ).toEqual({
        _tag: 'Left',
        left: { _tag: 'NotFinite', row: 1, column: 1, value },
      })
    expect(entropyWeights([[1], [-1]])).toEqual({
      _tag: 'Left',
      left: { _tag: 'Negative', row: 1, column: 0, value: -1 },
    })
    expect(
      entropyWeights([
        [2, 2],
        [2, 2],
      ]),
    ).toEqual({ _tag: 'Left', left: { _tag: 'NoVariation' } })
  })
})

describe('combineWeights', () => {
  it('averages linearly by default', () => {
    const w = combineWeights([0.5, 0.5], [0.8, 0.2])
    expect(w[0]).toBeCloseTo(0.65, 12)
    expect(w[1]).toBeCloseTo(0.35, 12)
  })

  it('multiplies and renormalises when asked', () => {
    // (0.5·0.8, 0.5·0.2) / 0.5
    const w = combineWeights([1, 1], [4, 1], { method: 'multiplicative' })
    expect(w[0]).toBeCloseTo(0.8, 12)
    expect(w[1]).toBeCloseTo(0.2, 12)
  })

  it('throws on a programmer error', () => {
    expect(() => combineWeights([1], [1, 2])).toThrow(RangeError)
    expect(() => combineWeights([0], [1])).toThrow(RangeError)
  })

  it('throws on a weight that is not finite (was [NaN, 0.25])', () => {
    expect(() => combineWeights([Infinity, 1], [0.5, 0.5])).toThrow(
      new RangeError('combineWeights: subjective[0]: expected a finite weight ≥ 0, got Infinity'),
    )
    expect(() => combineWeights([0.5, 0.5], [1, NaN])).toThrow(
      new RangeError('combineWeights: objective[1]: expected a finite weight ≥ 0, got NaN'),
    )
    expect(() => combineWeights([1, -1], [1, 1])).toThrow(
      new RangeError('combineWeights: subjective[1]: expected a finite weight ≥ 0, got -1'),
    )
    // finite weights whose sum overflows still normalise
    expect(combineWeights([1e308, 1e308], [1, 3])).toEqual([0.375, 0.625])
  })
})
