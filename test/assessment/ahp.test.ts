/**
 * AHP against published worked examples:
 * - Saaty's random index table: T. L. Saaty, *The Analytic Hierarchy Process*,
 *   McGraw-Hill, 1980 (n ≤ 10).
 * - 3×3 and 4×4: "Analytic hierarchy process – leader example", Wikipedia
 *   (the experience, education and charisma matrices of Tom, Dick and Harry,
 *   and the criteria matrix experience / education / charisma / age), whose
 *   priorities are printed to three decimals: criteria 0.547, 0.127, 0.270,
 *   0.056 with CR 0.044.
 * - 7×7: T. L. Saaty, "Decision making with the analytic hierarchy process",
 *   Int. J. Services Sciences 1(1), 2008, pp. 83–98 (relative
 *   consumption of drinks in the U.S.): priorities 0.177 coffee, 0.019 wine,
 *   0.042 tea, 0.116 beer, 0.190 soda, 0.129 milk, 0.327 water; CR 0.022.
 */
import { describe, expect, it } from 'vitest'
import { ahpWeights, RANDOM_INDEX, type AhpResult } from '../../src/assessment/index.js'

const ok = (m: number[][]): AhpResult => {
  const r = ahpWeights(m)
  if (r._tag === 'Left') throw new Error(`expected weights, got ${r.left._tag}`)
  return r.right
}
/** Each weight within one unit of the third decimal of the published figure (printed values are rounded or cut). */
const published = (actual: readonly number[], printed: readonly number[]) => {
  expect(actual).toHaveLength(printed.length)
  actual.forEach((x, i) => expect(Math.abs(x - printed[i]!)).toBeLessThanOrEqual(1e-3))
}

describe('RANDOM_INDEX', () => {
  it("is Saaty's table", () => {
    expect(RANDOM_INDEX.slice(0, 10)).toEqual([0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49])
  })
})

describe('ahpWeights: published examples', () => {
  it('reproduces the leader example criteria (4×4)', () => {
    const r = ok([
      [1, 4, 3, 7],
      [1 / 4, 1, 1 / 3, 3],
      [1 / 3, 3, 1, 5],
      [1 / 7, 1 / 3, 1 / 5, 1],
    ])
    published(r.weights, [0.547, 0.127, 0.27, 0.056])
    expect(r.ri).toBe(0.9)
    expect(r.cr).toBeCloseTo(0.044, 3)
  })

  it('reproduces the leader example experience, education and charisma (3×3)', () => {
    const experience = ok([
      [1, 1 / 4, 4],
      [4, 1, 9],
      [1 / 4, 1 / 9, 1],
    ])
    published(experience.weights, [0.217, 0.717, 0.066])
    expect(experience.ri).toBe(0.58)
    const education = ok([
      [1, 3, 1 / 5],
      [1 / 3, 1, 1 / 7],
      [5, 7, 1],
    ])
    published(education.weights, [0.188, 0.081, 0.731])
    const charisma = ok([
      [1, 5, 9],
      [1 / 5, 1, 4],
      [1 / 9, 1 / 4, 1],
    ])
    published(charisma.weights, [0.743, 0.194, 0.063])
  })

  it("reproduces Saaty's drinks example (7×7)", () => {
    // coffee, wine, tea, beer, soda, milk, water
    const names = ['coffee', 'wine', 'tea', 'beer', 'soda', 'milk', 'water']
    const judged: Record<string, number> = {
      'coffee>wine': 9,
      'coffee>tea': 5,
      'coffee>beer': 2,
      'coffee>soda': 1,
      'coffee>milk': 1,
      'water>coffee': 2,
      'water>wine': 9,
      'water>tea': 9,
      'water>beer': 3,
      'water>soda': 2,
      'water>milk': 3,
      'tea>wine': 3,
      'beer>wine': 9,
      'beer>tea': 3,
      'beer>milk': 1,
      'soda>wine': 9,
      'soda>tea': 4,
      'soda>beer': 2,
      'soda>milk': 2,
      'milk>wine': 9,
      'milk>tea': 3,
    }
    const m = names.map((a) =>
      names.map((b) => (a === b ? 1 : (judged[`${a}>${b}`] ?? 1 / judged[`${b}>${a}`]!))),
    )
    const r = ok(m)
    published(r.weights, [0.177, 0.019, 0.042, 0.116, 0.19, 0.129, 0.327])
    expect(r.cr).toBeCloseTo(0.022, 3)
  })
})

describe('ahpWeights: hand-computed and edge cases', () => {
  it('gives one criterion all the weight', () => {
    expect(ok([[1]])).toEqual({ weights: [1], lambdaMax: 1, ci: 0, ri: 0, cr: 0 })
  })

  it('reads a 2×2 matrix exactly (always consistent)', () => {
    const r = ok([
      [1, 3],
      [1 / 3, 1],
    ])
    expect(r.weights[0]).toBeCloseTo(0.75, 12)
    expect(r.weights[1]).toBeCloseTo(0.25, 12)
    expect(r.cr).toBe(0)
  })

  it('returns Inconsistent with the weights and CR when CR > 0.1', () => {
    // a ≻ b ≻ c but c ≻ a: a cycle
    const r = ahpWeights([
      [1, 5, 1 / 5],
      [1 / 5, 1, 5],
      [5, 1 / 5, 1],
    ])
    expect(r._tag).toBe('Left')
    if (r._tag === 'Right' || r.left._tag !== 'Inconsistent') throw new Error('expected Inconsistent')
    expect(r.left.cr).toBeGreaterThan(0.1)
    expect(r.left.maxCr).toBe(0.1)
    expect(r.left.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12)
  })

  it('accepts a looser CR limit when asked', () => {
    const m = [
      [1, 5, 1 / 5],
      [1 / 5, 1, 5],
      [5, 1 / 5, 1],
    ]
    expect(ahpWeights(m, { maxCr: 10 })._tag).toBe('Right')
  })

  it('names the cell of a malformed matrix', () => {
    expect(ahpWeights([])).toEqual({ _tag: 'Left', left: { _tag: 'Empty' } })
    expect(ahpWeights([[1, 2], [1]])).toEqual({
      _tag: 'Left',
      left: { _tag: 'NotSquare', rows: 2, row: 1, columns: 1 },
    })
    expect(
      ahpWeights([
        [1, 0],
        [1, 1],
      ]),
    ).toEqual({ _tag: 'Left', left: { _tag: 'NotPositive', row: 0, column: 1, value: 0 } })
    expect(
      ahpWeights([
        [1, 2],
        [2, 1],
      ]),
    ).toEqual({ _tag: 'Left', left: { _tag: 'NotReciprocal', row: 0, column: 1, value: 2, transposed: 2 } })
    const big = Array.from({ length: 16 }, () => Array.from({ length: 16 }, () => 1))
    expect(ahpWeights(big)).toEqual({ _tag: 'Left', left: { _tag: 'TooLarge', n: 16, max: 15 } })
  })
})

describe('ahpWeights: judgements far past any scale', () => {
  const outOfRange = (row: number, column: number, value: number) => ({
    _tag: 'Left',
    left: { _tag: 'OutOfRange', row, column, value, min: 1e-4, max: 1e4 },
  })

  it('refuses a judgement of 6.4e17 (the eigen solver gave a negative weight) naming its cell', () => {
    const m = Array.from({ length: 6 }, () => new Array<number>(6).fill(1))
    m[4]![5] = 638660882222775800
    m[5]![4] = 1.5657761855080753e-18
    expect(ahpWeights(m, { maxCr: Infinity })).toEqual(outOfRange(4, 5, 638660882222775800))
    expect(ahpWeights(m)).toEqual(outOfRange(4, 5, 638660882222775800))
  })

  it('refuses ratios of 1e195–1e308 (the eigen solver never returned) at once', () => {
    // Before the range check this call never returned; the range check answers before the solver runs.
    const m = [
      [1, 3.58574790936986e-196, 2.2988363624860614e-222],
      [2.7888184704421525e195, 1, 1e308],
      [4.350026893252013e221, 1e-308, 1],
    ]
    expect(ahpWeights(m, { maxCr: Infinity })).toEqual(outOfRange(0, 1, 3.58574790936986e-196))
  })

  it('reads judgements up to 1e4 and down to 1e-4, with positive weights', () => {
    const r = ok([
      [1, 1e4, 1e4],
      [1e-4, 1, 1],
      [1e-4, 1, 1],
    ])
    expect(r.weights.every((w) => w > 0)).toBe(true)
    expect(r.weights[0]).toBeCloseTo(1e4 / (1e4 + 2), 12)
    expect(
      ahpWeights([
        [1, 10000.5],
        [1 / 10000.5, 1],
      ]),
    ).toEqual(outOfRange(0, 1, 10000.5))
    expect(
      ahpWeights([
        [1, 1 / 10000.5],
        [10000.5, 1],
      ]),
    ).toEqual(outOfRange(0, 1, 1 / 10000.5))
  })
})
