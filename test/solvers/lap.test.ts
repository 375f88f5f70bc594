import { describe, expect, it } from 'vitest'
import { isLeft, type Either } from 'fp-ts/Either'
import { linearSumAssignment, type LapError, type LapResult } from '../../src/solvers/lap.js'
import { plainSearch } from '../../src/solvers/lap-search.js'
import { ASSIGN_FILES, assignOptimum, loadAssign } from '../fixtures/orlib/parse.js'

/** The result as plain arrays, or the failure, for readable `toEqual`s. */
const solve = (...args: Parameters<typeof linearSumAssignment>) => {
  const r: Either<LapError, LapResult> = linearSumAssignment(...args)
  if (isLeft(r)) return r.left
  return { rows: Array.from(r.right.rowInd), cols: Array.from(r.right.colInd), total: r.right.total }
}

// Unless stated otherwise, expected values were found by enumerating every
// assignment by hand; the listed optimum is unique.
describe('linearSumAssignment: small hand-checked cases', () => {
  it('solves the example of the scipy.optimize.linear_sum_assignment docs', () => {
    // https://docs.scipy.org/doc/scipy/reference/generated/scipy.optimize.linear_sum_assignment.html
    expect(
      solve([
        [4, 1, 3],
        [2, 0, 5],
        [3, 2, 2],
      ]),
    ).toEqual({ rows: [0, 1, 2], cols: [1, 0, 2], total: 5 })
  })

  it('maximises the same matrix when asked (permutation (0,2,1) scores 4 + 5 + 2 = 11)', () => {
    const cost = [
      [4, 1, 3],
      [2, 0, 5],
      [3, 2, 2],
    ]
    expect(solve(cost, { maximize: true })).toEqual({ rows: [0, 1, 2], cols: [0, 2, 1], total: 11 })
  })

  it('assigns every row when there are more columns than rows', () => {
    // 2 + 1 = 3; the next best is 2 + 3 = 5
    expect(
      solve([
        [10, 2, 7],
        [3, 9, 1],
      ]),
    ).toEqual({ rows: [0, 1], cols: [1, 2], total: 3 })
  })

  it('assigns every column when there are more rows than columns, sorted by row', () => {
    // rows 1 and 2 take columns 1 and 0 at cost 1 each; row 0 is left out
    expect(
      solve([
        [9, 9],
        [5, 1],
        [1, 5],
      ]),
    ).toEqual({ rows: [1, 2], cols: [1, 0], total: 2 })
    expect(
      solve([
        [7, 1],
        [2, 9],
        [10, 3],
      ]),
    ).toEqual({ rows: [0, 1], cols: [1, 0], total: 3 })
  })

  it('maximises rectangular matrices both ways', () => {
    expect(
      solve(
        [
          [4, 1, 3],
          [2, 0, 5],
        ],
        { maximize: true },
      ),
    ).toEqual({ rows: [0, 1], cols: [0, 2], total: 9 })
    expect(
      solve(
        [
          [4, 2],
          [1, 0],
          [3, 5],
        ],
        { maximize: true },
      ),
    ).toEqual({ rows: [0, 2], cols: [0, 1], total: 9 })
  })

  it('avoids forbidden pairs (Infinity when minimising)', () => {
    // only the two derangements are allowed: (1,2,0) = 8 and (2,0,1) = 13
    const cost = [
      [Infinity, 1, 5],
      [2, Infinity, 4],
      [3, 6, Infinity],
    ]
    expect(solve(cost)).toEqual({ rows: [0, 1, 2], cols: [1, 2, 0], total: 8 })
  })

  it('avoids forbidden pairs (-Infinity when maximising)', () => {
    const cost = [
      [-Infinity, 1, 5],
      [2, -Infinity, 4],
      [3, 6, -Infinity],
    ]
    expect(solve(cost, { maximize: true })).toEqual({ rows: [0, 1, 2], cols: [2, 0, 1], total: 13 })
  })

  it('ignores forbidden entries it does not need in a rectangular matrix', () => {
    expect(
      solve([
        [1, Infinity, Infinity],
        [Infinity, Infinity, 2],
      ]),
    ).toEqual({
      rows: [0, 1],
      cols: [0, 2],
      total: 3,
    })
  })

  it('breaks ties by lowest index, the same way every time', () => {
    const flat = [
      [1, 1, 1],
      [1, 1, 1],
      [1, 1, 1],
    ]
    expect(solve(flat)).toEqual({ rows: [0, 1, 2], cols: [0, 1, 2], total: 3 })
    expect(solve(flat)).toEqual(solve(flat))
    const wide = Array.from({ length: 3 }, () => [0, 0, 0, 0, 0])
    expect(solve(wide)).toEqual({ rows: [0, 1, 2], cols: [0, 1, 2], total: 0 })
    const tall = Array.from({ length: 5 }, () => [0, 0, 0])
    expect(solve(tall)).toEqual({ rows: [0, 1, 2], cols: [0, 1, 2], total: 0 })
  })

  it.each([
    [60, 60],
    [20, 70],
    [70, 20],
  ])('gives the identity on a constant %i × %i matrix, in both senses', (n, m) => {
    const flat = Array.from({ length: n }, () => new Array<number>(m).fill(2.5))
    const k = Math.min(n, m)
    const identity = Array.from({ length: k }, (_, i) => i)
    expect(solve(flat)).toEqual({ rows: identity, cols: identity, total: 2.5 * k })
    expect(solve(flat, { maximize: true })).toEqual({ rows: identity, cols: identity, total: 2.5 * k })
  })

  it('accepts a row-major CostMatrix and leaves its data untouched', () => {
    const data = Float64Array.from([4, 1, 3, 2, 0, 5, 3, 2, 2])
    const copy = data.slice()
    expect(solve({ rows: 3, cols: 3, data })).toEqual({ rows: [0, 1, 2], cols: [1, 0, 2], total: 5 })
    expect(solve({ rows: 3, cols: 3, data }, { maximize: true })).toMatchObject({ total: 11 })
    expect(solve({ rows: 3, cols: 2, data: Float64Array.from([9, 9, 5, 1, 1, 5]) })).toEqual({
      rows: [1, 2],
      cols: [1, 0],
      total: 2,
    })
    expect(data).toEqual(copy)
  })

  it('accepts rows given as Float64Arrays or other typed arrays, mixed with arrays, and leaves them untouched', () => {
    const rows = [Float64Array.of(4, 1, 3), Float64Array.of(2, 0, 5), Float64Array.of(3, 2, 2)]
    const copies = rows.map((r) => r.slice())
    expect(solve(rows)).toEqual({ rows: [0, 1, 2], cols: [1, 0, 2], total: 5 })
    expect(solve(rows, { maximize: true })).toMatchObject({ total: 11 })
    expect(rows).toEqual(copies)
    expect(solve([Int32Array.of(4, 1, 3), [2, 0, 5], Float32Array.of(3, 2, 2)])).toEqual({
      rows: [0, 1, 2],
      cols: [1, 0, 2],
      total: 5,
    })
    // Rectangular both ways, and forbidden pairs, as with arrays.
    expect(solve([Float64Array.of(9, 9, 5), Float64Array.of(1, 1, 5)])).toEqual(
      solve([
        [9, 9, 5],
        [1, 1, 5],
      ]),
    )
    expect(solve([Uint8Array.of(9, 9), Uint8Array.of(5, 1), Uint8Array.of(1, 5)])).toEqual({
      rows: [1, 2],
      cols: [1, 0],
      total: 2,
    })
    expect(solve([Float64Array.of(1, Infinity), Float64Array.of(2, 3)])).toEqual({
      rows: [0, 1],
      cols: [0, 1],
      total: 4,
    })
  })

  it('reads a CostMatrix changed in place between calls afresh (its copy in WebAssembly lasts one solve)', () => {
    // 80 × 80: copied into WebAssembly by the column reduction. Lowering row r's entries below
    // everything else moves the answer; a stale copy would keep the old one.
    const n = 80
    const data = new Float64Array(n * n)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = ((i * 37 + j * 11) % 97) + 10
    const m = { rows: n, cols: n, data }
    const before = solve(m)
    for (let r = 0; r < n; r++) {
      data.set(
        Float64Array.from(
          { length: n },
          (_, j) => ((j * 53 + r * 7) % 89) + 1 + (j === (r * 3) % n ? -1 : 0),
        ),
        r * n,
      )
      expect(solve(m)).toEqual(solve({ rows: n, cols: n, data: data.slice() }))
    }
    expect(solve(m)).not.toEqual(before)
  })
})

describe('linearSumAssignment: infeasible', () => {
  it('reports Infeasible when a column of forbidden entries leaves a row nowhere to go', () => {
    const r = solve([
      [1, Infinity],
      [2, Infinity],
    ])
    expect(r).toMatchObject({ _tag: 'Infeasible' })
    expect((r as LapError).message).toMatch(/rows 0\.\.1 cannot all be assigned/)
  })

  it('reports Infeasible in terms of columns when there are more rows than columns', () => {
    const r = solve([
      [Infinity, 1],
      [Infinity, 2],
      [Infinity, 3],
    ])
    expect(r).toMatchObject({ _tag: 'Infeasible' })
    expect((r as LapError).message).toMatch(/every column/)
  })

  it('reports Infeasible when maximising with -Infinity (Hall: rows 0 and 1 share one column)', () => {
    const cost = [
      [-Infinity, 3, -Infinity],
      [-Infinity, 4, -Infinity],
      [1, 2, 3],
    ]
    expect(solve(cost, { maximize: true })).toMatchObject({ _tag: 'Infeasible' })
  })

  it('reports Infeasible when every entry is forbidden', () => {
    expect(solve([[Infinity]])).toMatchObject({ _tag: 'Infeasible' })
  })
})

describe('linearSumAssignment: invalid input', () => {
  const invalid = (cost: unknown, options?: unknown) => solve(cost as never, options as never)

  it('rejects NaN and names the entry', () => {
    expect(
      invalid([
        [1, 2],
        [NaN, 3],
      ]),
    ).toEqual({
      _tag: 'InvalidCost',
      message: 'linearSumAssignment: cost[1][0] is NaN',
    })
  })

  it('rejects the infinity that has no meaning for the sense', () => {
    expect(invalid([[1, -Infinity]])).toMatchObject({
      _tag: 'InvalidCost',
      message: /cost\[0\]\[1\] is -Infinity/,
    })
    expect(invalid([[1, Infinity]], { maximize: true })).toMatchObject({
      _tag: 'InvalidCost',
      message: /cost\[0\]\[1\] is Infinity/,
    })
  })

  it('rejects ragged rows', () => {
    expect(
      invalid([
        [1, 2, 3],
        [4, 5],
      ]),
    ).toMatchObject({ _tag: 'InvalidCost', message: /ragged rows: cost\[1\]/ })
  })

  it('rejects entries and rows that are not numbers or arrays', () => {
    expect(invalid([[1, '2']])).toMatchObject({ _tag: 'InvalidCost', message: /cost\[0\]\[1\] is a string/ })
    expect(invalid([[1], null])).toMatchObject({ _tag: 'InvalidCost', message: /cost\[1\] is null/ })
    expect(invalid(null)).toMatchObject({ _tag: 'InvalidCost' })
    expect(invalid(undefined)).toMatchObject({ _tag: 'InvalidCost' })
    expect(invalid('[[1]]')).toMatchObject({ _tag: 'InvalidCost' })
  })

  it('checks typed-array rows as it checks arrays: NaN, the wrong infinity, ragged rows, bigint rows', () => {
    expect(invalid([Float64Array.of(1, 2), Float64Array.of(NaN, 3)])).toEqual({
      _tag: 'InvalidCost',
      message: 'linearSumAssignment: cost[1][0] is NaN',
    })
    expect(invalid([Float64Array.of(1, -Infinity)])).toMatchObject({ message: /cost\[0\]\[1\] is -Infinity/ })
    expect(invalid([Float32Array.of(1, Infinity)], { maximize: true })).toMatchObject({
      message: /cost\[0\]\[1\] is Infinity/,
    })
    expect(invalid([Float64Array.of(1, 2, 3), [4, 5]])).toMatchObject({ message: /ragged rows: cost\[1\]/ })
    expect(invalid([[1, 2], Float64Array.of(4)])).toMatchObject({ message: /ragged rows: cost\[1\]/ })
    expect(invalid([new BigInt64Array(2)])).toMatchObject({
      _tag: 'InvalidCost',
      message: /cost\[0\] is a BigInt64Array, expected an array of numbers or a typed array/,
    })
    expect(invalid([[1], new DataView(new ArrayBuffer(8))])).toMatchObject({
      message: /cost\[1\] is a DataView/,
    })
    expect(invalid([{ length: 1, 0: 1 }])).toMatchObject({ message: /cost\[0\] is object/ })
  })

  it('rejects a CostMatrix whose size does not match its data, or whose data is not a Float64Array', () => {
    expect(invalid({ rows: 2, cols: 2, data: new Float64Array(3) })).toMatchObject({ _tag: 'InvalidCost' })
    expect(invalid({ rows: 2, cols: 2, data: [1, 2, 3, 4] })).toMatchObject({ _tag: 'InvalidCost' })
    expect(invalid({ rows: -1, cols: -1, data: new Float64Array(1) })).toMatchObject({ _tag: 'InvalidCost' })
    expect(invalid({ rows: 1, cols: 2, data: Float64Array.from([1, NaN]) })).toMatchObject({
      _tag: 'InvalidCost',
      message: /cost\[0\]\[1\] is NaN/,
    })
  })
})

describe('linearSumAssignment: empty', () => {
  it.each([
    ['no rows', []],
    ['one empty row', [[]]],
    ['two empty rows', [[], []]],
    ['a 0 × 4 CostMatrix', { rows: 0, cols: 4, data: new Float64Array(0) }],
    ['a 3 × 0 CostMatrix', { rows: 3, cols: 0, data: new Float64Array(0) }],
  ])('gives empty arrays and total 0 for %s', (_, cost) => {
    expect(solve(cost as never)).toEqual({ rows: [], cols: [], total: 0 })
    expect(solve(cost as never, { maximize: true })).toEqual({ rows: [], cols: [], total: 0 })
  })
})

describe('linearSumAssignment: OR-Library assign100–400 (J.E. Beasley, JORS 41(11) 1990)', () => {
  it.each(ASSIGN_FILES)('reaches the proven optimum of %s', (name) => {
    const cost = loadAssign(name)
    const r = linearSumAssignment(cost)
    if (isLeft(r)) throw new Error(r.left.message)
    const { rowInd, colInd, total } = r.right
    expect(total).toBe(assignOptimum(name))
    expect(Array.from(rowInd)).toEqual(Array.from({ length: cost.rows }, (_, i) => i))
    expect(new Set(colInd).size).toBe(cost.cols)
  })
})

describe('linearSumAssignment: finite costs up to Number.MAX_VALUE', () => {
  const M = Number.MAX_VALUE
  // The audit's matrices: every entry finite, the search's sums overflowed (Infeasible, "rows 0..-1",
  // for A; colInd [0, 2], total 5e307, for B). The optima are scipy's.
  it.each([
    [
      'A',
      [
        [-1.5e308, -M],
        [1.5e308, M],
      ],
      [1, 0],
      1.5e308 - M,
    ],
    [
      'B',
      [
        [-1e308, 1e308, 1.5e308],
        [-M, M, 1.5e308],
      ],
      [1, 0],
      1e308 - M,
    ],
  ])('%s: the optimum, as for the same matrix halved', (_, cost, cols, total) => {
    expect(solve(cost)).toEqual({ rows: [0, 1], cols, total })
    const halved = solve(cost.map((row) => row.map((x) => x / 2)))
    expect(halved).toMatchObject({ cols })
    // Maximised, negated: the same pairs; transposed (B: more rows than columns), the same pairs by column.
    expect(
      solve(
        cost.map((row) => row.map((x) => -x)),
        { maximize: true },
      ),
    ).toEqual({ rows: [0, 1], cols, total: -total })
    const t = cost[0]!.map((_, j) => cost.map((row) => row[j]!))
    expect(solve(t)).toEqual({ rows: [0, 1], cols: [1, 0], total })
  })

  it('refuses, as InvalidCost naming it, a cost the scaling would round, never a wrong answer', () => {
    const r = solve([
      [M, 5e-324],
      [1, 1],
    ])
    expect(r).toMatchObject({ _tag: 'InvalidCost' })
    expect((r as LapError).message).toContain('cost[0][1] is 5e-324, too small to keep exactly')
    // Costs of 1e-300 next to MAX_VALUE scale exactly.
    expect(
      solve([
        [M, 1e-300],
        [1e-300, M],
      ]),
    ).toEqual({ rows: [0, 1], cols: [1, 0], total: 2e-300 })
  })

  it('forbidden entries among huge ones stay forbidden', () => {
    expect(
      solve([
        [M, Infinity],
        [Infinity, -M],
      ]),
    ).toEqual({ rows: [0, 1], cols: [0, 1], total: 0 })
    expect(
      solve([
        [M, Infinity],
        [M, Infinity],
      ]),
    ).toMatchObject({ _tag: 'Infeasible' })
  })
})

describe('plainSearch, the search that explains an infeasible problem', () => {
  // It used to answer -1 when it assigned every row, which the caller took for a row to blame
  // ("rows 0..-1 cannot all be assigned"): now that answer is its assignment.
  it('gives its assignment when every row has a path, the first row without one otherwise', () => {
    expect(plainSearch(2, 3, Float64Array.of(4, 1, 3, 2, 6, 5), 1)).toEqual(Int32Array.of(1, 0))
    expect(plainSearch(2, 2, Float64Array.of(1, Infinity, 2, Infinity), 1)).toBe(1)
    expect(plainSearch(2, 2, Float64Array.of(1, -Infinity, 2, -Infinity), -1)).toBe(1)
  })
})
