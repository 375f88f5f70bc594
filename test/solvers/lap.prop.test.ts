import { describe, expect, it } from 'vitest'
import fc from 'fast-check'
import { isLeft, isRight } from 'fp-ts/Either'
import { linearSumAssignment, type CostMatrix, type LapResult } from '../../src/solvers/lap.js'
import { readCost } from '../../src/solvers/lap-parse.js'
import { searchSettings } from '../../src/solvers/lap-search.js'
import { wasmSettings } from '../../src/solvers/lap-wasm.js'
import { units } from './exact-sum.js'

// Fixed seed so CI failures reproduce (cf. fast-check's NoRegression.spec.ts).
const params = (numRuns: number) => ({ seed: 42, numRuns })

type Matrix = number[][]

const forbiddenOf = (maximize: boolean) => (maximize ? -Infinity : Infinity)

/**
 * Best total over every injection of the smaller side into the larger one, or
 * `null` when each uses a forbidden entry. At most 7!/0! = 5,040 leaves.
 */
/**
 * `linearSumAssignment(cost, { maximize })` with the search's settings changed
 * for the call alone, as plain data to compare (the error, or rows, columns
 * and total).
 */
const solveUnder = (settings: Partial<typeof searchSettings>, cost: Matrix, maximize: boolean) => {
  const before = { ...searchSettings }
  Object.assign(searchSettings, settings)
  try {
    const r = linearSumAssignment(cost, { maximize })
    return isLeft(r)
      ? r.left
      : { rows: Array.from(r.right.rowInd), cols: Array.from(r.right.colInd), total: r.right.total }
  } finally {
    Object.assign(searchSettings, before)
  }
}

const bruteForce = (c: Matrix, maximize: boolean): number | null => {
  const n = c.length
  const m = n === 0 ? 0 : c[0]!.length
  const k = Math.min(n, m)
  if (k === 0) return 0
  const tall = n > m
  const big = Math.max(n, m)
  const entry = (a: number, b: number) => (tall ? c[b]![a]! : c[a]![b]!)
  const forbidden = forbiddenOf(maximize)
  const used = new Array<boolean>(big).fill(false)
  let best: number | null = null
  const go = (a: number, sum: number): void => {
    if (a === k) {
      if (best === null || (maximize ? sum > best : sum < best)) best = sum
      return
    }
    for (let b = 0; b < big; b++) {
      const x = entry(a, b)
      if (used[b] || x === forbidden) continue
      used[b] = true
      go(a + 1, sum + x)
      used[b] = false
    }
  }
  go(0, 0)
  return best
}

/** Fails with the reason when `r` is not a valid assignment of `c`; returns the recomputed total. */
const checkAssignment = (c: Matrix, r: LapResult, maximize: boolean): number => {
  const n = c.length
  const m = n === 0 ? 0 : c[0]!.length
  const { rowInd, colInd } = r
  expect(rowInd.length).toBe(Math.min(n, m))
  expect(colInd.length).toBe(rowInd.length)
  const cols = new Set<number>()
  let sum = 0
  for (let k = 0; k < rowInd.length; k++) {
    const i = rowInd[k]!
    const j = colInd[k]!
    if (k > 0) expect(i).toBeGreaterThan(rowInd[k - 1]!)
    expect(i >= 0 && i < n && j >= 0 && j < m).toBe(true)
    expect(cols.has(j)).toBe(false)
    cols.add(j)
    expect(c[i]![j]).not.toBe(forbiddenOf(maximize))
    sum += c[i]![j]!
  }
  return sum
}

/** `|a − b|` within 1e-9 relative: float sums are compared in different orders. */
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))

/**
 * The solver on `cost` against a reference optimum `best` (`null`: no
 * assignment exists): infeasible exactly then, otherwise a valid assignment
 * whose total, summed in `rowInd` order like the recomputation, is the optimum.
 */
const expectOptimal = (cost: Matrix, maximize: boolean, best: number | null): void => {
  const r = linearSumAssignment(cost, { maximize })
  if (best === null) {
    expect(isLeft(r) && r.left._tag).toBe('Infeasible')
    return
  }
  if (isLeft(r)) throw new Error(`expected an assignment, got ${r.left.message}`)
  expect(r.right.total).toBe(checkAssignment(cost, r.right, maximize))
  expect(close(r.right.total, best)).toBe(true)
}

const matrixOf = (entry: fc.Arbitrary<number>): fc.Arbitrary<Matrix> =>
  // noBias: fast-check favours tiny sizes, where bugs rarely show.
  fc
    .tuple(fc.noBias(fc.integer({ min: 0, max: 7 })), fc.noBias(fc.integer({ min: 0, max: 7 })))
    .chain(([n, m]) =>
      fc.array(fc.array(entry, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
    )

/** A sense, and a matrix whose entries are sometimes the forbidden value of that sense. */
const problem = (value: fc.Arbitrary<number>) =>
  fc.boolean().chain((maximize) =>
    fc.record({
      maximize: fc.constant(maximize),
      cost: matrixOf(
        fc.oneof(
          { arbitrary: value, weight: 5 },
          { arbitrary: fc.constant(forbiddenOf(maximize)), weight: 1 },
        ),
      ),
    }),
  )

/**
 * Optimum of `c` padded to a square with zero-cost dummy rows or columns
 * (the textbook reduction of a rectangular problem), or `null` when
 * infeasible. An independent O(n³) shortest augmenting path method kept
 * deliberately plain: no warm start, no transposition, a linear search for
 * the closest column.
 */
const paddedOptimum = (c: Matrix, maximize: boolean): number | null => {
  const rows = c.length
  const cols = rows === 0 ? 0 : c[0]!.length
  const n = Math.max(rows, cols)
  if (Math.min(rows, cols) === 0) return 0
  const s = maximize ? -1 : 1
  const w = (i: number, j: number) => (i < rows && j < cols ? s * c[i]![j]! : 0)
  const u = new Array<number>(n).fill(0)
  const v = new Array<number>(n).fill(0)
  const rowOf = new Array<number>(n).fill(-1)
  for (let start = 0; start < n; start++) {
    const dist = new Array<number>(n).fill(Infinity)
    const from = new Array<number>(n).fill(-1)
    const done = new Array<boolean>(n).fill(false)
    let i = start
    let base = 0
    let end = -1
    while (end === -1) {
      for (let j = 0; j < n; j++) {
        if (done[j]) continue
        const d = base + w(i, j) - u[i]! - v[j]!
        if (d < dist[j]!) {
          dist[j] = d
          from[j] = i
        }
      }
      let best = -1
      for (let j = 0; j < n; j++) if (!done[j] && (best === -1 || dist[j]! < dist[best]!)) best = j
      if (dist[best]! === Infinity) return null
      done[best] = true
      base = dist[best]!
      if (rowOf[best] === -1) end = best
      else i = rowOf[best]!
    }
    // New potentials: every reached row and column moves by base − its distance.
    u[start]! += base
    for (let j = 0; j < n; j++) {
      if (!done[j]) continue
      v[j]! -= base - dist[j]!
      if (j !== end) u[rowOf[j]!]! += base - dist[j]!
    }
    for (let j = end; ;) {
      const r = from[j]!
      const prev = rowOf.indexOf(r)
      rowOf[j] = r
      if (r === start) break
      j = prev
    }
  }
  let total = 0
  for (let j = 0; j < n; j++) total += w(rowOf[j]!, j)
  return s * total
}

/** Rectangular matrices, mostly far from square in either orientation. */
const rectangularOf = (entry: fc.Arbitrary<number>): fc.Arbitrary<Matrix> =>
  fc
    .tuple(
      fc.noBias(fc.integer({ min: 1, max: 10 })),
      fc.noBias(fc.integer({ min: 1, max: 40 })),
      fc.boolean(),
    )
    .chain(([a, b, tall]) => {
      const [n, m] = tall ? [b, a] : [a, b]
      return fc.array(fc.array(entry, { minLength: m, maxLength: m }), { minLength: n, maxLength: n })
    })

const integers = fc.integer({ min: -20, max: 20 })
// fc.double spreads over exponents (mostly values near 0, which all look equal
// within tolerance); k / 997 gives fractions in [-100, 100] with no exact binary form.
const floats = fc.noBias(fc.integer({ min: -99_700, max: 99_700 })).map((k) => k / 997)

describe('linearSumAssignment (property)', () => {
  it.each([
    ['integer', integers],
    ['float', floats],
  ] as const)(
    'matches brute force on %s costs up to 7 × 7, forbidden entries and both senses',
    (_, value) => {
      fc.assert(
        fc.property(problem(value), ({ cost, maximize }) => {
          expectOptimal(cost, maximize, bruteForce(cost, maximize))
        }),
        params(400),
      )
    },
  )

  it('keeps the total when rows are permuted (integer costs, ties allowed)', () => {
    const arb = matrixOf(integers).chain((cost) =>
      fc.record({
        cost: fc.constant(cost),
        perm: fc.shuffledSubarray([...cost.keys()], { minLength: cost.length, maxLength: cost.length }),
      }),
    )
    fc.assert(
      fc.property(arb, ({ cost, perm }) => {
        const a = linearSumAssignment(cost)
        const b = linearSumAssignment(perm.map((i) => cost[i]!))
        if (!isRight(a) || !isRight(b)) throw new Error('finite costs must be feasible')
        expect(b.right.total).toBe(a.right.total)
      }),
      params(300),
    )
  })

  it('permutes the assignment with the rows when the optimum is unique', () => {
    // Distinct powers of two make every assignment's total distinct (binary
    // representation), so the optimum is unique; 2^48 keeps sums exact.
    const arb = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 7 })).chain(([n, m]) =>
      fc.record({
        n: fc.constant(n),
        m: fc.constant(m),
        exps: fc.shuffledSubarray([...Array(n * m).keys()], { minLength: n * m, maxLength: n * m }),
        perm: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        maximize: fc.boolean(),
      }),
    )
    fc.assert(
      fc.property(arb, ({ n, m, exps, perm, maximize }) => {
        const cost = Array.from({ length: n }, (_, i) =>
          Array.from({ length: m }, (_, j) => 2 ** exps[i * m + j]!),
        )
        const a = linearSumAssignment(cost, { maximize })
        const b = linearSumAssignment(
          perm.map((i) => cost[i]!),
          { maximize },
        )
        if (!isRight(a) || !isRight(b)) throw new Error('finite costs must be feasible')
        const pairs = (r: LapResult, rowOf: (k: number) => number) =>
          Array.from(r.rowInd, (i, k) => `${rowOf(i)}:${r.colInd[k]}`).sort()
        expect(pairs(b.right, (k) => perm[k]!)).toEqual(pairs(a.right, (i) => i))
        expect(b.right.total).toBe(a.right.total)
      }),
      params(300),
    )
  })

  it('gives the same total for the transposed matrix', () => {
    fc.assert(
      fc.property(problem(integers), ({ cost, maximize }) => {
        const m = cost.length === 0 ? 0 : cost[0]!.length
        const t = Array.from({ length: m }, (_, j) => cost.map((row) => row[j]!))
        const a = linearSumAssignment(cost, { maximize })
        const b = linearSumAssignment(t, { maximize })
        if (cost.length === 0) return // [] and [[]…] are both empty
        expect(isRight(a)).toBe(isRight(b))
        if (isRight(a) && isRight(b)) expect(b.right.total).toBe(a.right.total)
      }),
      params(300),
    )
  })

  it.each([
    ['integer costs with many ties (0..4)', fc.integer({ min: 0, max: 4 })],
    ['integer', integers],
    ['float', floats],
  ] as const)(
    'matches the square padded reference on rectangular matrices up to 10 × 40 both ways, %s',
    (_, value) => {
      const arb = fc.boolean().chain((maximize) =>
        fc.record({
          maximize: fc.constant(maximize),
          forbid: fc.boolean(),
          cost: rectangularOf(
            fc.oneof(
              { arbitrary: value, weight: 8 },
              { arbitrary: fc.constant(forbiddenOf(maximize)), weight: 1 },
            ),
          ),
        }),
      )
      fc.assert(
        fc.property(arb, ({ cost: raw, maximize, forbid }) => {
          // Half of the cases without forbidden entries, where every case is feasible.
          const cost = forbid ? raw : raw.map((row) => row.map((x) => (Number.isFinite(x) ? x : 1)))
          expectOptimal(cost, maximize, paddedOptimum(cost, maximize))
        }),
        params(300),
      )
    },
  )

  it('matches the plain reference on matrices up to 30 × 30 (warm start, many passes, ties)', () => {
    // One kind of value per matrix, so that small ranges give many ties.
    const kinds = [
      fc.integer({ min: 0, max: 2 }),
      fc.integer({ min: 0, max: 19 }),
      fc.integer({ min: -250, max: 750 }),
      floats,
    ]
    const arb = fc
      .record({
        maximize: fc.boolean(),
        forbid: fc.boolean(),
        kind: fc.integer({ min: 0, max: kinds.length - 1 }),
        n: fc.noBias(fc.integer({ min: 6, max: 30 })),
        m: fc.noBias(fc.integer({ min: 6, max: 30 })),
      })
      .chain(({ maximize, forbid, kind, n, m }) => {
        const entry = forbid
          ? fc.oneof(
              { arbitrary: kinds[kind]!, weight: 8 },
              { arbitrary: fc.constant(forbiddenOf(maximize)), weight: 1 },
            )
          : kinds[kind]!
        return fc.record({
          maximize: fc.constant(maximize),
          cost: fc.array(fc.array(entry, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        })
      })
    fc.assert(
      fc.property(arb, ({ cost, maximize }) => {
        expectOptimal(cost, maximize, paddedOptimum(cost, maximize))
      }),
      params(1000),
    )
  })

  it('is deterministic: the same assignment for the same matrix, as rows or as a CostMatrix', () => {
    const arb = fc.record({
      maximize: fc.boolean(),
      cost: rectangularOf(fc.integer({ min: 0, max: 3 })),
    })
    fc.assert(
      fc.property(arb, ({ cost, maximize }) => {
        const flat: CostMatrix = {
          rows: cost.length,
          cols: cost[0]!.length,
          data: Float64Array.from(cost.flat()),
        }
        const runs = [
          linearSumAssignment(cost, { maximize }),
          linearSumAssignment(cost, { maximize }),
          linearSumAssignment(flat, { maximize }),
        ]
        const [a, ...rest] = runs.map((r) => {
          if (isLeft(r)) throw new Error(r.left.message)
          return { rows: Array.from(r.right.rowInd), cols: Array.from(r.right.colInd), total: r.right.total }
        })
        for (const b of rest) expect(b).toEqual(a)
      }),
      params(200),
    )
  })

  it('gives a matrix the same answer whatever was solved before it (working arrays kept between calls)', () => {
    // Several matrices of one shape, so that each call reuses the arrays the previous one left.
    const arb = fc
      .record({
        maximize: fc.boolean(),
        n: fc.integer({ min: 1, max: 12 }),
        m: fc.integer({ min: 1, max: 12 }),
        k: fc.integer({ min: 2, max: 4 }),
      })
      .chain(({ maximize, n, m, k }) =>
        fc.record({
          maximize: fc.constant(maximize),
          costs: fc.array(
            fc.array(
              fc.array(fc.oneof(fc.integer({ min: -5, max: 5 }), fc.constant(forbiddenOf(maximize))), {
                minLength: m,
                maxLength: m,
              }),
              { minLength: n, maxLength: n },
            ),
            { minLength: k, maxLength: k },
          ),
        }),
      )
    const answer = (cost: Matrix, maximize: boolean) => {
      const r = linearSumAssignment(cost, { maximize })
      return isLeft(r) ? r.left : { rows: Array.from(r.right.rowInd), cols: Array.from(r.right.colInd) }
    }
    fc.assert(
      fc.property(arb, ({ costs, maximize }) => {
        const forward = costs.map((c) => answer(c, maximize))
        const backward = [...costs].reverse().map((c) => answer(c, maximize))
        expect(backward.reverse()).toEqual(forward)
      }),
      params(300),
    )
  })

  it('gives the same answer with the scans and the warm start in WebAssembly (two lanes or one) from the start, part way or never, on integers or doubles', () => {
    // One kind of value per matrix (ties, forbidden entries, both senses, both orientations).
    const kinds = [
      fc.integer({ min: 0, max: 3 }),
      fc.integer({ min: -250, max: 750 }),
      floats,
      // The whole 32-bit range (-2³¹ negated is not a 32-bit integer: copied as doubles).
      fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 }),
    ]
    const arb = fc
      .record({
        maximize: fc.boolean(),
        forbid: fc.boolean(),
        kind: fc.integer({ min: 0, max: kinds.length - 1 }),
        n: fc.noBias(fc.integer({ min: 1, max: 25 })),
        m: fc.noBias(fc.integer({ min: 1, max: 25 })),
        // Half square, where the column reduction runs (and may run in WebAssembly).
        square: fc.boolean(),
      })
      .chain(({ maximize, forbid, kind, n, m: cols, square }) => {
        const m = square ? n : cols
        const entry = forbid
          ? fc.oneof(
              { arbitrary: kinds[kind]!, weight: 6 },
              { arbitrary: fc.constant(forbiddenOf(maximize)), weight: 1 },
            )
          : kinds[kind]!
        return fc.record({
          maximize: fc.constant(maximize),
          cost: fc.array(fc.array(entry, { minLength: m, maxLength: m }), { minLength: n, maxLength: n }),
        })
      })
    const solve = (
      cost: Matrix,
      maximize: boolean,
      wasmAfter: number,
      wasmDoubles = -1,
      simd = true,
      wasmColumns = true,
    ) => {
      wasmSettings.simd = simd
      try {
        return solveUnder(
          { wasmColumns, wasmAfter, wasmAfterSmall: wasmAfter, wasmSize: 0, wasmDoubles },
          cost,
          maximize,
        )
      } finally {
        wasmSettings.simd = true
      }
    }
    fc.assert(
      fc.property(arb, ({ cost, maximize }) => {
        const js = solve(cost, maximize, Infinity, -1, true, false)
        expect(solve(cost, maximize, 0)).toEqual(js)
        // The warm start of a square matrix in WebAssembly (it is then copied as doubles), the search in
        // JavaScript or there, with the module of two lanes or of one.
        expect(solve(cost, maximize, Infinity, Infinity)).toEqual(js)
        expect(solve(cost, maximize, Infinity, Infinity, false)).toEqual(js)
        expect(solve(cost, maximize, 0.5, Infinity)).toEqual(js)
        expect(solve(cost, maximize, 0.5)).toEqual(js)
        // Integers copied as doubles, as small matrices are.
        expect(solve(cost, maximize, 0, Infinity)).toEqual(js)
        // The one-column scan only, as where WebAssembly has no SIMD.
        expect(solve(cost, maximize, 0, -1, false)).toEqual(js)
        expect(solve(cost, maximize, 0, Infinity, false)).toEqual(js)
      }),
      params(1000),
    )
  })

  it('gives the same answer with the WebAssembly scan in place (every column, the scanned ones masked) as with the list of unscanned columns, always, part way or never (lap)', () => {
    // Ties (small integers), Machol–Wien i · j shifted and scaled, doubles; forbidden entries, both senses,
    // both orientations, up to 40 columns so that the four-column loop, its column-by-column fallback and
    // the tail all run; as 32-bit integers and as doubles.
    const arb = fc
      .record({
        maximize: fc.boolean(),
        forbid: fc.boolean(),
        kind: fc.integer({ min: 0, max: 3 }),
        n: fc.noBias(fc.integer({ min: 1, max: 40 })),
        m: fc.noBias(fc.integer({ min: 1, max: 40 })),
        square: fc.boolean(),
        a: fc.integer({ min: 0, max: 5 }),
        b: fc.integer({ min: 0, max: 5 }),
        scale: fc.constantFrom(1, 0.1, -3),
      })
      .chain(({ maximize, forbid, kind, n, m: cols, square, a, b, scale }) => {
        const m = square ? n : cols
        const value = (i: number, j: number): fc.Arbitrary<number> =>
          kind === 0
            ? fc.integer({ min: 0, max: 3 })
            : kind === 1
              ? fc.constant((i + a) * (j + b) * scale)
              : kind === 2
                ? floats
                : fc.integer({ min: -(2 ** 31), max: 2 ** 31 - 1 })
        const entry = (i: number, j: number) =>
          forbid
            ? fc.oneof(
                { arbitrary: value(i, j), weight: 6 },
                { arbitrary: fc.constant(forbiddenOf(maximize)), weight: 1 },
              )
            : value(i, j)
        return fc.record({
          maximize: fc.constant(maximize),
          cost: fc.tuple(
            ...Array.from({ length: n }, (_, i) =>
              fc.tuple(...Array.from({ length: m }, (_, j) => entry(i, j))),
            ),
          ),
        })
      })
    const solve = (cost: Matrix, maximize: boolean, inPlaceAbove: number, wasmDoubles: number) =>
      solveUnder({ inPlaceAbove, wasmAfter: 0, wasmAfterSmall: 0, wasmSize: 0, wasmDoubles }, cost, maximize)
    fc.assert(
      fc.property(arb, ({ cost, maximize }) => {
        for (const wasmDoubles of [-1, Infinity]) {
          const listed = solve(cost, maximize, Infinity, wasmDoubles)
          for (const above of [0, 0.3, 0.5, 0.9])
            expect(solve(cost, maximize, above, wasmDoubles)).toEqual(listed)
        }
      }),
      params(1000),
    )
  })

  it('never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything({ withTypedArray: true }), fc.anything(), (cost, options) => {
        const r = linearSumAssignment(cost as never, options as never)
        expect(['Left', 'Right']).toContain(r._tag)
      }),
      params(500),
    )
  })

  it('never throws on arrays of arrays of any doubles (NaN, ±Infinity, -0), and rejects NaN', () => {
    const arb = fc.record({
      cost: fc.array(fc.array(fc.double(), { maxLength: 6 }), { maxLength: 6 }),
      maximize: fc.boolean(),
    })
    fc.assert(
      fc.property(arb, ({ cost, maximize }) => {
        const r = linearSumAssignment(cost, { maximize })
        const ragged = cost.some((row) => row.length !== cost[0]!.length)
        const nan = cost.some((row) => row.some(Number.isNaN))
        if (ragged || nan) expect(isLeft(r) && r.left._tag).toBe('InvalidCost')
        if (isRight(r)) checkAssignment(cost, r.right, maximize)
      }),
      params(500),
    )
  })

  it('takes rows as typed arrays exactly as the same rows as arrays: the same answer or the same refusal', () => {
    const entry = fc.oneof(
      { arbitrary: fc.integer({ min: -50, max: 50 }), weight: 20 },
      { arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0, 0.5), weight: 1 },
    )
    const kinds = [Float64Array, Float32Array, Int32Array, Int16Array, Int8Array, Uint8Array] as const
    const arb = fc.record({
      // Mostly rectangular; now and then a ragged row.
      cost: fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 6 })).chain(([nr, nc]) =>
        fc.array(fc.array(entry, { minLength: nc, maxLength: nc + (nr > 1 ? 1 : 0) }), {
          minLength: nr,
          maxLength: nr,
        }),
      ),
      // Which rows become typed arrays, and of which kind (kinds other than Float64Array only
      // for rows they hold exactly).
      typed: fc.array(fc.nat({ max: kinds.length }), { minLength: 7, maxLength: 7 }),
      maximize: fc.boolean(),
    })
    fc.assert(
      fc.property(arb, ({ cost, typed, maximize }) => {
        const rows = cost.map((row, i) => {
          const k = typed[i]!
          if (k === kinds.length) return row
          const kind = kinds[k]!
          const t = kind.from(row)
          return Array.from(t).every((x, j) => Object.is(x, row[j]!)) ? t : Float64Array.from(row)
        })
        const plain = readCost(cost, maximize)
        const asTyped = readCost(rows, maximize)
        expect(asTyped).toEqual(plain)
        const r = linearSumAssignment(rows, { maximize })
        const s = linearSumAssignment(cost, { maximize })
        expect(r).toEqual(s)
      }),
      params(500),
    )
  })

  it('never throws on CostMatrix-like records of any shape', () => {
    const arb = fc.record({
      rows: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double()),
      cols: fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double()),
      data: fc.float64Array({ maxLength: 36 }),
    })
    fc.assert(
      fc.property(arb, fc.boolean(), (cost, maximize) => {
        const r = linearSumAssignment(cost, { maximize })
        if (cost.rows * cost.cols !== cost.data.length) expect(isLeft(r) && r.left._tag).toBe('InvalidCost')
      }),
      params(500),
    )
  })
  it('decodes a CostMatrix like an entry-by-entry check, naming the first NaN or wrong infinity', () => {
    const entry = fc.oneof(
      { arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }), weight: 20 },
      { arbitrary: fc.constantFrom(NaN, Infinity, -Infinity, -0), weight: 1 },
    )
    const arb = fc.record({
      cols: fc.integer({ min: 1, max: 9 }),
      values: fc.array(entry, { maxLength: 60 }),
      maximize: fc.boolean(),
    })
    fc.assert(
      fc.property(arb, ({ cols, values, maximize }) => {
        const rows = Math.floor(values.length / cols)
        const data = Float64Array.from(values.slice(0, rows * cols))
        const wrong = maximize ? Infinity : -Infinity
        const first = data.findIndex((x) => Number.isNaN(x) || x === wrong)
        const r = readCost({ rows, cols, data }, maximize)
        if (first === -1) {
          expect(isRight(r) && r.right.data).toBe(data)
          return
        }
        expect(isLeft(r) && r.left.message).toMatch(
          `cost[${Math.floor(first / cols)}][${first % cols}] is ${Number.isNaN(data[first]) ? 'NaN' : String(wrong)}`,
        )
      }),
      params(500),
    )
  })

  it('decodes arrays of rows into the same row-major matrix, and never throws on arbitrary input', () => {
    fc.assert(
      fc.property(fc.anything({ withTypedArray: true }), fc.boolean(), (cost, maximize) => {
        const r = readCost(cost, maximize)
        expect(['Left', 'Right']).toContain(r._tag)
        if (isRight(r) && Array.isArray(cost) && cost.length > 0) {
          // Rows may be arrays or typed arrays.
          expect(Array.from(r.right.data)).toEqual(
            (cost as ArrayLike<number>[]).flatMap((row) => Array.from(row)),
          )
        }
      }),
      params(500),
    )
  })
})

/** The best total over every assignment, summed without rounding (as {@link units}), or null. */
const exactBest = (c: Matrix, maximize: boolean): bigint | null => {
  const n = c.length
  const m = n === 0 ? 0 : c[0]!.length
  const tall = n > m
  const [k, big] = tall ? [m, n] : [n, m]
  const entry = (a: number, b: number) => (tall ? c[b]![a]! : c[a]![b]!)
  const used = new Array<boolean>(big).fill(false)
  let best: bigint | null = null
  const go = (a: number, sum: bigint): void => {
    if (a === k) {
      if (best === null || (maximize ? sum > best : sum < best)) best = sum
      return
    }
    for (let b = 0; b < big; b++) {
      const x = entry(a, b)
      if (used[b] || x === forbiddenOf(maximize)) continue
      used[b] = true
      go(a + 1, sum + units(x))
      used[b] = false
    }
  }
  go(0, 0n)
  return best
}

describe('linearSumAssignment on finite costs up to Number.MAX_VALUE (property)', () => {
  // Entries up to ±M: sums of two already overflow from M = 9e307 on; the search's reduced costs,
  // sums of several, overflowed from about M = 4.4e307 (Infeasible, or a worse assignment).
  const huge = fc
    .constantFrom(1e307, 4.4e307, 9e307, 1.2e308, Number.MAX_VALUE)
    .chain((M) =>
      problem(floats.map((x) => (x / 100) * M)).filter(
        ({ cost }) => cost.length <= 6 && (cost[0]?.length ?? 0) <= 6,
      ),
    )

  it('finds the exact optimum (sums without rounding), or Infeasible exactly when forbidden entries leave none', () => {
    fc.assert(
      fc.property(huge, ({ cost, maximize }) => {
        const best = exactBest(cost, maximize)
        const r = linearSumAssignment(cost, { maximize })
        if (best === null) {
          expect(isLeft(r) && r.left._tag).toBe('Infeasible')
          return
        }
        if (isLeft(r)) throw new Error(`expected an assignment, got ${r.left.message}`)
        let sum = 0n
        r.right.rowInd.forEach((i, k) => (sum += units(cost[i]![r.right.colInd[k]!]!)))
        expect(sum).toBe(best)
      }),
      params(300),
    )
  })
})
