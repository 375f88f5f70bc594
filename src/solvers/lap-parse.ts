/**
 * Input checking for `linearSumAssignment`: turns whatever the caller passed
 * into one row-major `Float64Array`, or says precisely why it cannot.
 * Internal: not part of the public API.
 *
 * @module
 * @internal
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { CostMatrix, LapError } from './lap.js'

/**
 * A cost matrix read, and whether it holds a finite entry of magnitude
 * {@link HUGE} or more: the search's sums of such costs may overflow, so
 * `linearSumAssignment` scales the matrix down first.
 */
export interface ReadCost extends CostMatrix {
  readonly huge: boolean
}

/** Finite entries from this magnitude on flag a matrix as {@link ReadCost.huge}. */
export const HUGE = 2 ** 960

/**
 * `x · OVER` overflows to ±Infinity exactly when |x| ≥ {@link HUGE} (the
 * product is exact below): `x · OVER − x · OVER` is then NaN, as is
 * `x − x` for a NaN or infinite x. One test clears four ordinary entries.
 */
const OVER = 2 ** 64

const invalid = (message: string): LapError => ({
  _tag: 'InvalidCost',
  message: `linearSumAssignment: ${message}`,
})

const describe = (x: unknown): string =>
  x === null
    ? 'null'
    : Array.isArray(x)
      ? 'an array'
      : ArrayBuffer.isView(x)
        ? `a ${Object.prototype.toString.call(x).slice(8, -1)}`
        : typeof x === 'string'
          ? 'a string'
          : typeof x

/** What a row must be. */
const ROW = 'an array of numbers or a typed array (e.g. Float64Array)'

/**
 * Whether `x` can be a row: an array (its entries are checked one by one) or
 * a typed array of numbers (`Float64Array`, `Int32Array`, …; not the
 * `BigInt64Array`s, whose entries are bigints, nor a `DataView`).
 */
const isRow = (x: unknown): x is ArrayLike<unknown> =>
  Array.isArray(x) ||
  (ArrayBuffer.isView(x) &&
    !(x instanceof DataView) &&
    !(x instanceof BigInt64Array) &&
    !(x instanceof BigUint64Array))

/**
 * Why an entry cannot be used, or `null` when it can. Only one infinity is a
 * meaningful "forbidden pair" for a given sense; the other would make every
 * assignment through it infinitely good, which scipy rejects too.
 */
const badEntry = (x: number, maximize: boolean): string | null => {
  if (Number.isNaN(x)) return 'is NaN'
  if (!maximize && x === -Infinity)
    return 'is -Infinity, not allowed when minimising (use Infinity to forbid a pair)'
  if (maximize && x === Infinity)
    return 'is Infinity, not allowed when maximising (use -Infinity to forbid a pair)'
  return null
}

const at = (i: number, j: number): string => `cost[${i}][${j}]`

const isCostMatrix = (x: unknown): x is CostMatrix => {
  if (typeof x !== 'object' || x === null) return false
  const { rows, cols, data } = x as Partial<Record<keyof CostMatrix, unknown>>
  return (
    data instanceof Float64Array &&
    typeof rows === 'number' &&
    typeof cols === 'number' &&
    Number.isSafeInteger(rows) &&
    Number.isSafeInteger(cols) &&
    rows >= 0 &&
    cols >= 0 &&
    rows * cols === data.length
  )
}

/**
 * Checks every entry and copies it in the same pass. Should the buffer not
 * even be allocatable (a huge or sparse array), the pass still runs, without
 * copying, so the first bad entry is named as usual and nothing throws.
 */
const fromRows = (rows: readonly unknown[], maximize: boolean): Either<LapError, ReadCost> => {
  const nr = rows.length
  if (nr === 0) return right({ rows: 0, cols: 0, data: new Float64Array(0), huge: false })
  const first: unknown = rows[0]
  if (!isRow(first)) return left(invalid(`cost[0] is ${describe(first)}, expected ${ROW}`))
  const nc = first.length
  let data: Float64Array | null
  try {
    data = new Float64Array(nr * nc)
  } catch {
    data = null
  }
  const wrong = maximize ? Infinity : -Infinity // NaN is caught as the only x !== x
  let huge = false
  for (let i = 0; i < nr; i++) {
    const row: unknown = rows[i]
    if (!isRow(row)) return left(invalid(`cost[${i}] is ${describe(row)}, expected ${ROW}`))
    if (row.length !== nc)
      return left(invalid(`ragged rows: cost[${i}] has ${row.length} entries, cost[0] has ${nc}`))
    const base = i * nc
    for (let j = 0; j < nc; j++) {
      const x: unknown = row[j]
      if (typeof x !== 'number') return left(invalid(`${at(i, j)} is ${describe(x)}, expected a number`))
      if (x !== x || x === wrong) return left(invalid(`${at(i, j)} ${badEntry(x, maximize) ?? ''}`))
      if (x >= HUGE || x <= -HUGE) huge ||= x - x === 0
      if (data !== null) data[base + j] = x
    }
  }
  if (data === null) return left(invalid(`cost is too large: ${nr} × ${nc} entries`))
  return right({ rows: nr, cols: nc, data, huge })
}

/**
 * Reads a cost matrix given as an array of rows or as a {@link CostMatrix}.
 * A row is an array of numbers or a typed array (`Float64Array`,
 * `Float32Array`, `Int32Array`, …), checked alike: equally long rows of
 * numbers, no NaN, no infinity meaningless for the sense. The rows are
 * copied into one row-major `Float64Array`. A `CostMatrix` is used as is
 * (never copied or written to). The same pass notes whether an entry is
 * {@link HUGE} ({@link ReadCost.huge}).
 */
export const readCost = (cost: unknown, maximize: boolean): Either<LapError, ReadCost> => {
  if (Array.isArray(cost)) return fromRows(cost, maximize)
  if (!isCostMatrix(cost))
    return left(
      invalid(
        `cost is ${describe(cost)}, expected an array of rows (arrays of numbers or typed arrays) or { rows, cols, data: Float64Array } with data.length = rows * cols`,
      ),
    )
  const { rows, cols, data } = cost
  const found = firstBad(data, maximize ? Infinity : -Infinity)
  if (found.bad === -1) return right({ rows, cols, data, huge: found.huge })
  const k = found.bad
  return left(invalid(`${at(Math.floor(k / cols), k % cols)} ${badEntry(data[k]!, maximize) ?? ''}`))
}

/**
 * Index of the first NaN or `wrong` entry of `data` (-1 when there is none),
 * and whether a finite entry before it is {@link HUGE}. `x · OVER − x · OVER`
 * is 0 for every finite `x` below HUGE and NaN otherwise (see {@link OVER}),
 * so four entries are cleared by one test; only a block holding an infinity,
 * a NaN or a huge entry is looked at entry by entry (NaN is the only value
 * not equal to itself).
 */
const firstBad = (data: Float64Array, wrong: number): { bad: number; huge: boolean } => {
  const n = data.length
  let huge = false
  const look = (x: number): boolean => {
    if (x !== x || x === wrong) return true
    if (x >= HUGE || x <= -HUGE) huge ||= x - x === 0
    return false
  }
  let k = 0
  for (; k + 4 <= n; k += 4) {
    const a = data[k]! * OVER
    const b = data[k + 1]! * OVER
    const c = data[k + 2]! * OVER
    const d = data[k + 3]! * OVER
    if (a - a + (b - b) + (c - c) + (d - d) === 0) continue
    for (let q = k; q < k + 4; q++) if (look(data[q]!)) return { bad: q, huge }
  }
  for (; k < n; k++) if (look(data[k]!)) return { bad: k, huge }
  return { bad: -1, huge }
}
