/**
 * The tall case of `linearSumAssignment` (see `lap.ts`): a matrix with more
 * rows than columns, solved as its transpose: one pass keeps the least
 * costs of every column, then the warm start of `lap-warm.ts` reads the
 * columns with a stride until a transposed copy becomes the cheaper way.
 * Internal: not part of the public API.
 *
 * @module
 * @internal
 */
import type { CostMatrix } from './lap.js'
import { complete, plainSearch } from './lap-search.js'
import { KEEP as WARM_KEEP, keptMins, reduceRows, rowMins, type RowMins } from './lap-warm.js'

/**
 * {@link WARM_KEEP} as a constant of this module: V8 folds it into the hot
 * first pass of {@link augmentTall}, where an imported binding would be
 * read from its module cell at every use (10–15 % slower at 3,000 × 1,000).
 */
const KEEP = WARM_KEEP

// Every function here minimises `s · c`: the sign `s` (1, or -1 to maximise)
// multiplies each entry of `c` as it is read (see `lap.ts`).

/**
 * {@link augment} for a matrix with more rows than columns, solved as its
 * transpose (`s` = -1 negates it too) without copying it first: the rows of
 * the transpose are the columns of `m`, which are read with a stride.
 *
 * One pass over `m`, in memory order, keeps the {@link KEEP} least costs of
 * every column (lowest row first on ties). The augmenting row reduction
 * then needs the two least `c − v` of a column; as `v` (one per row of `m`)
 * only goes down, every row not kept is still at least the largest kept
 * cost, so the kept rows, with their current `v`, give the answer whenever
 * the second least of them is below that bound. Otherwise the column is
 * read again, with a stride, or from a transposed copy once a quarter of
 * the columns have been read again. A column still free after the
 * reduction (rare) is left to {@link shortestPaths} on that copy.
 * @internal
 */
export const augmentTall = (m: CostMatrix, s: number): Int32Array | number => {
  const { rows, cols, data } = m
  const low = new Float64Array(KEEP * cols).fill(Infinity)
  const at = new Int32Array(KEEP * cols).fill(-1)
  const last = KEEP - 1
  for (let i = 0; i < rows; i++) {
    const base = i * cols
    let j = 0
    // Four columns at a time, as most entries are not among the kept.
    for (; j + 4 <= cols; j += 4) {
      const o = KEEP * j
      if (
        s * data[base + j]! >= low[o + last]! &&
        s * data[base + j + 1]! >= low[o + KEEP + last]! &&
        s * data[base + j + 2]! >= low[o + 2 * KEEP + last]! &&
        s * data[base + j + 3]! >= low[o + 3 * KEEP + last]!
      )
        continue
      for (let q = j; q < j + 4; q++) keep(low, at, KEEP * q, s * data[base + q]!, i)
    }
    for (; j < cols; j++) keep(low, at, KEEP * j, s * data[base + j]!, i)
  }

  const v = new Float64Array(rows)
  const col4row = new Int32Array(cols).fill(-1)
  const row4col = new Int32Array(rows).fill(-1)
  const free = new Int32Array(cols)
  for (let j = 0; j < cols; j++) free[j] = j
  const kept = new Int32Array(KEEP)
  /** The transposed copy, made once columns are read again often enough. */
  let c: Float64Array | null = null
  let reread = 0
  const mins = (j: number, out: RowMins): boolean => {
    if (keptMins(data, s, 1, cols, v, row4col, low, at, KEEP * j, kept, out)) return false
    // Read the column again: with a stride at first, from a transposed copy
    // once that has become the cheaper way (many ties, as in small integer costs).
    if (c === null && ++reread > cols / 4) c = transposed(m, s)
    if (c !== null) {
      rowMins(c, 1, j * rows, rows, v, row4col, out)
      return true
    }
    let umin = Infinity
    let usub = Infinity
    let i1 = -1
    let i2 = -1
    for (let i = 0, k = j; i < rows; i++, k += cols) {
      const h = s * data[k]! - v[i]!
      if (h <= usub) {
        if (h < umin || (h === umin && i1 >= 0 && row4col[i1]! >= 0 && row4col[i]! < 0)) {
          usub = umin
          i2 = i1
          umin = h
          i1 = i
        } else if (h < usub) {
          usub = h
          i2 = i
        }
      }
    }
    out.low[0] = umin
    out.low[1] = usub
    out.at[0] = i1
    out.at[1] = i2
    return true
  }
  const count = reduceRows(cols, v, col4row, row4col, free, cols, mins)
  if (count === 0) return col4row
  const ct = c ?? transposed(m, s)
  const solved = complete(cols, rows, ct, 1, v, col4row, row4col, free, count)
  return solved === -1 ? plainSearch(cols, rows, ct, 1) : solved
}

/**
 * The transpose of `m`, row-major, times `s` (±1). Eight columns at a
 * time: each cache line of `m` is read once and eight output rows are
 * written in order.
 */
const transposed = (m: CostMatrix, s: number): Float64Array => {
  const { rows, cols, data } = m
  const out = new Float64Array(data.length)
  let j = 0
  for (; j + 8 <= cols; j += 8) {
    const o = j * rows
    for (let i = 0, k = j; i < rows; i++, k += cols) {
      out[o + i] = s * data[k]!
      out[o + rows + i] = s * data[k + 1]!
      out[o + 2 * rows + i] = s * data[k + 2]!
      out[o + 3 * rows + i] = s * data[k + 3]!
      out[o + 4 * rows + i] = s * data[k + 4]!
      out[o + 5 * rows + i] = s * data[k + 5]!
      out[o + 6 * rows + i] = s * data[k + 6]!
      out[o + 7 * rows + i] = s * data[k + 7]!
    }
  }
  for (; j < cols; j++) for (let i = 0, k = j; i < rows; i++, k += cols) out[j * rows + i] = s * data[k]!
  return out
}

/** Inserts cost `h` of row `i` among the {@link KEEP} least at `low[o..]`, `at[o..]`, if it belongs there. */
const keep = (low: Float64Array, at: Int32Array, o: number, h: number, i: number): void => {
  let t = KEEP - 1
  if (!(h < low[o + t]!)) return
  for (; t > 0 && h < low[o + t - 1]!; t--) {
    low[o + t] = low[o + t - 1]!
    at[o + t] = at[o + t - 1]!
  }
  low[o + t] = h
  at[o + t] = i
}
