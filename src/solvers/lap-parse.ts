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
const fromRows = (rows: readonly unknown[], maximize: boolean): Either<LapError, CostMatrix> => {
  const nr = rows.length
  if (nr === 0) return right({ rows: 0, cols: 0, data: new Float64Array(0) })
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
      if (data !== null) data[base + j] = x
    }
  }
  if (data === null) return left(invalid(`cost is too large: ${nr} × ${nc} entries`))
  return right({ rows: nr, cols: nc, data })
}

/**
 * Reads a cost matrix given as an array of rows or as a {@link CostMatrix}.
 * A row is an array of numbers or a typed array (`Float64Array`,
 * `Float32Array`, `Int32Array`, …), checked alike: equally long rows of
 * numbers, no NaN, no infinity meaningless for the sense. The rows are
 * copied into one row-major `Float64Array`. A `CostMatrix` is used as is
 * (never copied or written to).
 */
export const readCost = (cost: unknown, maximize: boolean): Either<LapError, CostMatrix> => {
  if (Array.isArray(cost)) return fromRows(cost, maximize)
  if (!isCostMatrix(cost))
    return left(
      invalid(
        `cost is ${describe(cost)}, expected an array of rows (arrays of numbers or typed arrays) or { rows, cols, data: Float64Array } with data.length = rows * cols`,
      ),
    )
  const { cols, data } = cost
  const k = firstBad(data, maximize ? Infinity : -Infinity)
  if (k === -1) return right(cost)
  return left(invalid(`${at(Math.floor(k / cols), k % cols)} ${badEntry(data[k]!, maximize) ?? ''}`))
}

/**
 * Index of the first NaN or `wrong` entry of `data`, or -1. `x − x` is 0 for
 * every finite `x` and NaN otherwise, so four entries are cleared by one
 * test; only a block holding an infinity or NaN is looked at entry by entry
 * (NaN is the only value not equal to itself).
 */
const firstBad = (data: Float64Array, wrong: number): number => {
  const n = data.length
  let k = 0
  for (; k + 4 <= n; k += 4) {
    const a = data[k]!
    const b = data[k + 1]!
    const c = data[k + 2]!
    const d = data[k + 3]!
    if (a - a + (b - b) + (c - c) + (d - d) === 0) continue
    for (let q = k; q < k + 4; q++) {
      const x = data[q]!
      if (x !== x || x === wrong) return q
    }
  }
  for (; k < n; k++) {
    const x = data[k]!
    if (x !== x || x === wrong) return k
  }
  return -1
}
