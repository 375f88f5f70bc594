/**
 * The linear sum assignment problem, solved exactly by the shortest augmenting
 * path method of Jonker & Volgenant (Computing 38, 1987) in the rectangular
 * form of D. F. Crouse, "On implementing 2D rectangular assignment
 * algorithms", IEEE Trans. Aerospace and Electronic Systems 52(4), 2016 —
 * the method behind `scipy.optimize.linear_sum_assignment`, whose semantics
 * this module follows — after Jonker & Volgenant's warm start (column
 * reduction, reduction transfer, augmenting row reduction), which assigns
 * most rows of a dense problem before any search. Rectangular problems are
 * solved as they are, from the smaller side, never padded to a square. It is
 * the fast path for pure one-to-one staffing, where no team-level rule
 * couples the pairs.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { readCost } from './lap-parse.js'

// --- model ------------------------------------------------------------------

/**
 * Options of {@link linearSumAssignment}.
 * @category Solvers
 */
export interface LapOptions {
  /**
   * Maximise the total instead of minimising it. Forbidden pairs are then
   * `-Infinity` instead of `Infinity`.
   * @defaultValue false
   */
  readonly maximize?: boolean
}

/**
 * A dense cost matrix in row-major order: entry `(i, j)` is `data[i * cols + j]`.
 * @category Solvers
 */
export interface CostMatrix {
  readonly rows: number
  readonly cols: number
  readonly data: Float64Array
}

/**
 * An optimal assignment: row `rowInd[k]` takes column `colInd[k]`, with
 * `rowInd` strictly increasing.
 * @category Solvers
 */
export interface LapResult {
  readonly rowInd: Int32Array
  readonly colInd: Int32Array
  /** Sum of the costs of the assigned pairs, in the order of `rowInd`. */
  readonly total: number
}

/**
 * Why no assignment was returned.
 * - `InvalidCost`: the input is not a rectangular matrix of numbers, or holds
 *   NaN, or the infinity that is meaningless for the sense (`-Infinity` when
 *   minimising, `Infinity` when maximising).
 * - `Infeasible`: forbidden entries (`Infinity` when minimising, `-Infinity`
 *   when maximising) leave no way to assign every row (or every column, when
 *   there are fewer columns than rows).
 * @category Solvers
 */
export type LapError =
  | { readonly _tag: 'InvalidCost'; readonly message: string }
  | { readonly _tag: 'Infeasible'; readonly message: string }

// --- algorithm --------------------------------------------------------------
//
// Every function below minimises `s · c`: the sign `s` (1, or -1 to maximise)
// multiplies each entry of `c` as it is read, so the caller's matrix is never
// copied to be negated (filling a fresh 3-million-entry array took ~20 ms on
// the benchmark machine). `s · x` is exactly `-x` or `x`.

/**
 * One step of the search in {@link shortestPaths}: relaxes the distances of the
 * `left` unscanned columns listed in `remaining` through row `i` (row offset
 * `base`, dual `ui`, distance `minVal` to the row) and returns the position
 * in `remaining` of the closest one (ties: see below), whose distance is then
 * `vd[2 * remaining[index] + 1]`, or -1 when `left` is 0. A function of its
 * own so that V8 optimises it early, on its own, while small problems run.
 */
const scan = (
  c: Float64Array,
  s: number,
  base: number,
  minVal: number,
  ui: number,
  i: number,
  remaining: Int32Array,
  left: number,
  vd: Float64Array,
  path: Int32Array,
  row4col: Int32Array,
  nc: number,
): number => {
  let index = -1
  let lowest = Infinity
  let lowestCol = nc
  let lowestFree = 0
  // Eight columns at a time: V8 compiles the straight run far tighter
  // than the loop. A block where some distance reaches `lowest` is looked
  // at again column by column, in order, by the same rule as the tail.
  let k = 0
  for (; k + 8 <= left; k += 8) {
    const j0 = remaining[k]!
    const j1 = remaining[k + 1]!
    const j2 = remaining[k + 2]!
    const j3 = remaining[k + 3]!
    const j4 = remaining[k + 4]!
    const j5 = remaining[k + 5]!
    const j6 = remaining[k + 6]!
    const j7 = remaining[k + 7]!
    const r0 = minVal + s * c[base + j0]! - ui - vd[2 * j0]!
    let d0 = vd[2 * j0 + 1]!
    if (r0 < d0) {
      path[j0] = i
      vd[2 * j0 + 1] = r0
      d0 = r0
    }
    const r1 = minVal + s * c[base + j1]! - ui - vd[2 * j1]!
    let d1 = vd[2 * j1 + 1]!
    if (r1 < d1) {
      path[j1] = i
      vd[2 * j1 + 1] = r1
      d1 = r1
    }
    const r2 = minVal + s * c[base + j2]! - ui - vd[2 * j2]!
    let d2 = vd[2 * j2 + 1]!
    if (r2 < d2) {
      path[j2] = i
      vd[2 * j2 + 1] = r2
      d2 = r2
    }
    const r3 = minVal + s * c[base + j3]! - ui - vd[2 * j3]!
    let d3 = vd[2 * j3 + 1]!
    if (r3 < d3) {
      path[j3] = i
      vd[2 * j3 + 1] = r3
      d3 = r3
    }
    const r4 = minVal + s * c[base + j4]! - ui - vd[2 * j4]!
    let d4 = vd[2 * j4 + 1]!
    if (r4 < d4) {
      path[j4] = i
      vd[2 * j4 + 1] = r4
      d4 = r4
    }
    const r5 = minVal + s * c[base + j5]! - ui - vd[2 * j5]!
    let d5 = vd[2 * j5 + 1]!
    if (r5 < d5) {
      path[j5] = i
      vd[2 * j5 + 1] = r5
      d5 = r5
    }
    const r6 = minVal + s * c[base + j6]! - ui - vd[2 * j6]!
    let d6 = vd[2 * j6 + 1]!
    if (r6 < d6) {
      path[j6] = i
      vd[2 * j6 + 1] = r6
      d6 = r6
    }
    const r7 = minVal + s * c[base + j7]! - ui - vd[2 * j7]!
    let d7 = vd[2 * j7 + 1]!
    if (r7 < d7) {
      path[j7] = i
      vd[2 * j7 + 1] = r7
      d7 = r7
    }
    if (
      d0 > lowest &&
      d1 > lowest &&
      d2 > lowest &&
      d3 > lowest &&
      d4 > lowest &&
      d5 > lowest &&
      d6 > lowest &&
      d7 > lowest
    )
      continue
    for (let q = k; q < k + 8; q++) {
      const j = remaining[q]!
      const d = vd[2 * j + 1]!
      if (d > lowest) continue
      const free = row4col[j] === -1 ? 1 : 0
      if (d < lowest || free > lowestFree || (free === lowestFree && j < lowestCol)) {
        lowest = d
        index = q
        lowestCol = j
        lowestFree = free
      }
    }
  }
  for (; k < left; k++) {
    const j = remaining[k]!
    const j2 = 2 * j
    const r = minVal + s * c[base + j]! - ui - vd[j2]!
    let d = vd[j2 + 1]!
    if (r < d) {
      path[j] = i
      vd[j2 + 1] = r
      d = r
    }
    if (d > lowest) continue
    // Ties go to a free column (the search can stop there), then to the
    // lowest column index, so the answer never depends on scan order.
    const free = row4col[j] === -1 ? 1 : 0
    if (d < lowest || free > lowestFree || (free === lowestFree && j < lowestCol)) {
      lowest = d
      index = k
      lowestCol = j
      lowestFree = free
    }
  }
  return index
}

/**
 * Shortest augmenting paths (Crouse 2016, Algorithm 1) from the free rows
 * `rows[0..count)`, in that order, on top of the partial assignment and the
 * duals `u`, `v` given, which must be dual feasible (reduced costs
 * `c − u − v` non-negative, zero on assigned pairs; when `nr < nc` also
 * `v ≤ 0`, and `v = 0` on free columns). Returns -1 when every listed row
 * was assigned, else the first row with no augmenting path.
 *
 * One Dijkstra search per row over the reduced costs, stopped at the first
 * free column reached; only the rows and columns it reached get new duals.
 * Every buffer is allocated once, so the hot loop creates no objects.
 *
 * Performance notes (the inner loop of {@link scan} runs up to ~10⁷ times at
 * n = 2,000 after the warm start):
 * - `remaining` lists the unscanned columns in increasing order (a removal
 *   shifts the tail down), so the scan reads the cost row, `v` and the
 *   distances front to back instead of at random.
 * - `v[j]` and the distance of column `j` share one array (`vd[2j]`,
 *   `vd[2j + 1]`): one typed array less to check per step in V8.
 * - The reduced cost is always evaluated as `minVal + c[i][j] − u[i] − v[j]`,
 *   left to right (one rounding everywhere), and the unrolled and the plain
 *   loop apply one tie rule in column order, so the result does not depend
 *   on how the scan is split.
 */
const shortestPaths = (
  nr: number,
  nc: number,
  c: Float64Array,
  s: number,
  u: Float64Array,
  v: Float64Array,
  col4row: Int32Array,
  row4col: Int32Array,
  rows: Int32Array,
  count: number,
): number => {
  /** `vd[2j]` is the dual `v[j]`, `vd[2j + 1]` the shortest-path distance of column `j`. */
  const vd = new Float64Array(2 * nc)
  for (let j = 0; j < nc; j++) vd[2 * j] = v[j]!
  const path = new Int32Array(nc)
  const remaining = new Int32Array(nc)
  /** The columns taken by the current search, in order (the last one is free). */
  const taken = new Int32Array(nr + 1)
  let failed = -1

  for (let f = 0; f < count && failed === -1; f++) {
    const cur = rows[f]!
    for (let k = 0; k < nc; k++) {
      remaining[k] = k
      vd[2 * k + 1] = Infinity
    }
    let left = nc
    let ntaken = 0
    let minVal = 0
    let i = cur
    let sink = -1
    while (sink === -1) {
      const index = scan(c, s, i * nc, minVal, u[i]!, i, remaining, left, vd, path, row4col, nc)
      const lowest = index === -1 ? Infinity : vd[2 * remaining[index]! + 1]!
      // Only forbidden (infinite) columns are left: no augmenting path.
      if (index === -1 || lowest === Infinity) break
      minVal = lowest
      const j = remaining[index]!
      if (row4col[j] === -1) sink = j
      else i = row4col[j]!
      taken[ntaken++] = j
      remaining.copyWithin(index, index + 1, left)
      left--
    }
    if (sink === -1) {
      failed = cur
      break
    }

    // Update the duals so reduced costs stay non-negative, then flip the path.
    // The rows reached are `cur` and the owners of the taken columns but the last.
    u[cur]! += minVal
    for (let t = 0; t < ntaken; t++) {
      const j = taken[t]!
      const dj = vd[2 * j + 1]!
      if (t < ntaken - 1) u[row4col[j]!]! += minVal - dj
      vd[2 * j]! -= minVal - dj
    }
    let j = sink
    for (;;) {
      const r = path[j]!
      row4col[j] = r
      const next = col4row[r]!
      col4row[r] = j
      j = next
      if (r === cur) break
    }
  }
  for (let j = 0; j < nc; j++) v[j] = vd[2 * j]!
  return failed
}

/**
 * Column reduction (Jonker & Volgenant 1987, square problems only): `v[j]`
 * becomes the least cost of column `j`, and each column is given, in
 * increasing order, to its cheapest row (lowest index on ties) unless that
 * row already has one. Reduction transfer then lowers `v` on the column of
 * each row that won exactly one column, down to the row's second-best
 * reduced cost. Returns false when a column has no finite entry (the problem
 * is then infeasible).
 */
const reduceColumns = (
  n: number,
  c: Float64Array,
  s: number,
  v: Float64Array,
  col4row: Int32Array,
  row4col: Int32Array,
): boolean => {
  v.fill(Infinity)
  const argBest = new Int32Array(n)
  // Row by row, so the matrix is read in memory order.
  for (let i = 0; i < n; i++) {
    const base = i * n
    for (let j = 0; j < n; j++) {
      const x = s * c[base + j]!
      if (x < v[j]!) {
        v[j] = x
        argBest[j] = i
      }
    }
  }
  const wins = new Int32Array(n)
  for (let j = 0; j < n; j++) {
    if (v[j] === Infinity) return false
    const i = argBest[j]!
    const won = wins[i]!
    wins[i] = won + 1
    if (won === 0) {
      col4row[i] = j
      row4col[j] = i
    }
  }
  for (let i = 0; i < n; i++) {
    if (wins[i] !== 1) continue
    const j1 = col4row[i]!
    const base = i * n
    let second = Infinity
    for (let j = 0; j < n; j++) {
      const h = s * c[base + j]! - v[j]!
      if (h < second && j !== j1) second = h
    }
    if (second !== Infinity) v[j1]! -= second
  }
  return true
}

/**
 * The two least reduced costs `c − v` of a row, for {@link reduceRows}:
 * `low[0] ≤ low[1]` at columns `at[0] ≠ at[1]` (`Infinity` and -1 when the
 * row has fewer finite entries). Ties go to a free column, then to the lower
 * index, for the least; to the lower index for the second.
 */
interface RowMins {
  readonly low: Float64Array
  readonly at: Int32Array
}

/** {@link RowMins} of the row at offset `base` of a row-major matrix, read front to back. */
const rowMins = (
  c: Float64Array,
  s: number,
  base: number,
  nc: number,
  v: Float64Array,
  row4col: Int32Array,
  out: RowMins,
): void => {
  let umin = Infinity
  let usub = Infinity
  let j1 = -1
  let j2 = -1
  for (let j = 0; j < nc; j++) {
    const h = s * c[base + j]! - v[j]!
    if (h <= usub) {
      if (h < umin || (h === umin && j1 >= 0 && row4col[j1]! >= 0 && row4col[j]! < 0)) {
        usub = umin
        j2 = j1
        umin = h
        j1 = j
      } else if (h < usub) {
        usub = h
        j2 = j
      }
    }
  }
  out.low[0] = umin
  out.low[1] = usub
  out.at[0] = j1
  out.at[1] = j2
}

/** The most passes of {@link reduceRows}. */
const PASSES = 32
/** Passes of {@link reduceRows} past the second stop once it has read whole rows this many times over. */
const READS = 2

/**
 * Augmenting row reduction (Jonker & Volgenant 1987): each free row takes
 * the column of least `c − v` (found by `mins`, see {@link RowMins}),
 * lowering that column's `v` until the row is indifferent between it and
 * its second best; the row it displaces is served next. Passes over the
 * free rows `free[0..count)` go on while each leaves fewer rows free
 * ({@link PASSES} at most): once most reads are answered by the kept least
 * entries a pass is cheap, and each row it assigns is a search saved.
 * Returns how many rows are still free (listed first in `free`, in the order
 * met).
 *
 * Keeps every assigned row on a column of least `c − v` (so `u` follows),
 * only lowers `v`, and only on columns that stay assigned. With the tie
 * rule of {@link RowMins}, a constant matrix gives the identity. The work of
 * the immediate re-tries is capped so that near-ties cannot make it loop
 * for long; rows left over go to {@link shortestPaths}.
 */
const reduceRows = (
  nr: number,
  v: Float64Array,
  col4row: Int32Array,
  row4col: Int32Array,
  free: Int32Array,
  count: number,
  mins: (i: number, out: RowMins) => boolean,
): number => {
  const found: RowMins = { low: new Float64Array(2), at: new Int32Array(2) }
  let nfree = count
  let progress = true
  /** Rows read whole so far (the others were answered by their kept least entries). */
  let reads = 0
  for (let pass = 0; nfree > 0 && (pass < 2 || (pass < PASSES && progress && reads <= READS * nr)); pass++) {
    let budget = 2 * nr + 16
    const prev = nfree
    nfree = 0
    let k = 0
    while (k < prev) {
      const i = free[k++]!
      if (mins(i, found)) reads++
      const umin = found.low[0]!
      const usub = found.low[1]!
      // No finite entry: left to the shortest path search, which reports it.
      if (umin === Infinity) {
        free[nfree++] = i
        continue
      }
      let j1 = found.at[0]!
      let i0 = row4col[j1]!
      const lower = umin < usub && usub !== Infinity
      if (lower) v[j1]! -= usub - umin
      else if (i0 >= 0 && umin === usub) {
        j1 = found.at[1]!
        i0 = row4col[j1]!
      }
      if (i0 >= 0) col4row[i0] = -1
      col4row[i] = j1
      row4col[j1] = i
      if (i0 < 0) continue
      if (lower && budget-- > 0) free[--k] = i0
      else free[nfree++] = i0
    }
    progress = nfree < prev
  }
  return nfree
}

/**
 * Completes the warm start of {@link reduceRows} on the row-major `nr × nc`
 * matrix `c` (`nr ≤ nc`): sets `u` on the assigned rows and runs
 * {@link shortestPaths} from the free rows `free[0..count)`, in increasing
 * order. Returns `col4row`, or -1 when some row has no augmenting path.
 */
const complete = (
  nr: number,
  nc: number,
  c: Float64Array,
  s: number,
  v: Float64Array,
  col4row: Int32Array,
  row4col: Int32Array,
  free: Int32Array,
  count: number,
): Int32Array | -1 => {
  const u = new Float64Array(nr)
  free.subarray(0, count).sort()
  for (let i = 0; i < nr; i++) {
    const j = col4row[i]!
    if (j >= 0) u[i] = s * c[i * nc + j]! - v[j]!
  }
  return shortestPaths(nr, nc, c, s, u, v, col4row, row4col, free, count) === -1 ? col4row : -1
}

/**
 * The plain search, from every row in order and zero duals: the index of
 * the first row with no augmenting path (rows `0..that` cannot all be
 * assigned at once), or -1. Used only to explain an infeasible problem.
 */
const firstUnassignable = (nr: number, nc: number, c: Float64Array, s: number): number => {
  const rows = new Int32Array(nr)
  for (let i = 0; i < nr; i++) rows[i] = i
  const col4row = new Int32Array(nr).fill(-1)
  const row4col = new Int32Array(nc).fill(-1)
  return shortestPaths(nr, nc, c, s, new Float64Array(nr), new Float64Array(nc), col4row, row4col, rows, nr)
}

/**
 * Solves the `nr × nc` problem `s · c` (row-major, `nr ≤ nc`, minimisation,
 * no NaN or -Infinity). Returns `col4row`, or the index of the first row that
 * has no augmenting path: rows `0..that` cannot all be assigned at once.
 *
 * A warm start of Jonker & Volgenant (column reduction and reduction
 * transfer when square, then augmenting row reduction) assigns most rows
 * cheaply; {@link shortestPaths} completes the assignment. Should it find
 * the problem infeasible, the plain search from every row in order says
 * which rows are to blame.
 */
const augment = (nr: number, nc: number, c: Float64Array, s: number): Int32Array | number => {
  const v = new Float64Array(nc)
  const col4row = new Int32Array(nr).fill(-1)
  const row4col = new Int32Array(nc).fill(-1)
  const free = new Int32Array(nr)
  if (nr === nc && !reduceColumns(nr, c, s, v, col4row, row4col)) return firstUnassignable(nr, nc, c, s)
  let count = 0
  for (let i = 0; i < nr; i++) if (col4row[i] === -1) free[count++] = i
  // A row read by the reduction keeps its least entries of c − v; as v only
  // goes down, those decide the row's next search while they can.
  const low = new Float64Array(KEEP * nr)
  const at = new Int32Array(KEEP * nr)
  const read = new Uint8Array(nr)
  const kept = new Int32Array(KEEP)
  const mins = (i: number, out: RowMins): boolean => {
    const o = KEEP * i
    if (read[i] === 1 && keptMins(c, s, nc, 1, v, row4col, low, at, o, kept, out)) return false
    keepRow(c, s, i * nc, nc, v, low, at, o)
    read[i] = 1
    if (!keptMins(c, s, nc, 1, v, row4col, low, at, o, kept, out)) rowMins(c, s, i * nc, nc, v, row4col, out)
    return true
  }
  count = reduceRows(nr, v, col4row, row4col, free, count, mins)
  const solved = complete(nr, nc, c, s, v, col4row, row4col, free, count)
  return solved === -1 ? firstUnassignable(nr, nc, c, s) : solved
}

/** How many least entries of a row (of a column, for {@link augmentTall}) the row reduction keeps. */
const KEEP = 4

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
 */
const augmentTall = (m: CostMatrix, s: number): Int32Array | number => {
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
  return solved === -1 ? firstUnassignable(cols, rows, ct, 1) : solved
}

/**
 * The {@link RowMins} of row `r` of the problem whose entry `(r, k)` is
 * `s · data[r · rs + k · ks] − v[k]`, from the {@link KEEP} least of the row
 * as they were when it was last read (`low[o..]` at `at[o..]`, least first).
 * As `v` only goes down, every other entry is still at least the largest
 * kept one, so the kept entries, with their current `v`, decide when the
 * second least of them is below it. Returns false, writing nothing, when
 * they do not.
 */
const keptMins = (
  data: Float64Array,
  s: number,
  rs: number,
  ks: number,
  v: Float64Array,
  row4col: Int32Array,
  low: Float64Array,
  at: Int32Array,
  o: number,
  kept: Int32Array,
  out: RowMins,
): boolean => {
  // The kept entries in increasing order, so the tie rule is that of rowMins.
  let nk = 0
  for (let t = 0; t < KEEP; t++) {
    const k = at[o + t]!
    if (k === -1) break
    let p = nk++
    for (; p > 0 && kept[p - 1]! > k; p--) kept[p] = kept[p - 1]!
    kept[p] = k
  }
  const base = (o / KEEP) * rs
  let umin = Infinity
  let usub = Infinity
  let k1 = -1
  let k2 = -1
  for (let t = 0; t < nk; t++) {
    const k = kept[t]!
    const h = s * data[base + k * ks]! - v[k]!
    if (h <= usub) {
      if (h < umin || (h === umin && k1 >= 0 && row4col[k1]! >= 0 && row4col[k]! < 0)) {
        usub = umin
        k2 = k1
        umin = h
        k1 = k
      } else if (h < usub) {
        usub = h
        k2 = k
      }
    }
  }
  if (!(usub < low[o + KEEP - 1]!)) return false
  out.low[0] = umin
  out.low[1] = usub
  out.at[0] = k1
  out.at[1] = k2
  return true
}

/**
 * Writes the {@link KEEP} least of `c[base + j] − v[j]`, `j < n` (lowest index
 * first on ties), to `low[o..]`, their `j` to `at[o..]`.
 */
const keepRow = (
  c: Float64Array,
  s: number,
  base: number,
  n: number,
  v: Float64Array,
  low: Float64Array,
  at: Int32Array,
  o: number,
): void => {
  let l0 = Infinity
  let l1 = Infinity
  let l2 = Infinity
  let l3 = Infinity
  let a0 = -1
  let a1 = -1
  let a2 = -1
  let a3 = -1
  for (let j = 0; j < n; j++) {
    const x = s * c[base + j]! - v[j]!
    if (x < l3) {
      if (x < l2) {
        l3 = l2
        a3 = a2
        if (x < l1) {
          l2 = l1
          a2 = a1
          if (x < l0) {
            l1 = l0
            a1 = a0
            l0 = x
            a0 = j
          } else {
            l1 = x
            a1 = j
          }
        } else {
          l2 = x
          a2 = j
        }
      } else {
        l3 = x
        a3 = j
      }
    }
  }
  low[o] = l0
  low[o + 1] = l1
  low[o + 2] = l2
  low[o + 3] = l3
  at[o] = a0
  at[o + 1] = a1
  at[o + 2] = a2
  at[o + 3] = a3
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

// --- solver -----------------------------------------------------------------

/**
 * Solves the linear sum assignment problem exactly: pairs rows with columns,
 * each used at most once, so that every row is assigned when `rows ≤ cols`
 * (every column otherwise) and the total cost is minimal (or maximal).
 *
 * Semantics follow `scipy.optimize.linear_sum_assignment`: rectangular
 * matrices are allowed, the result is sorted by row, an empty matrix gives
 * empty arrays and total 0, and `Infinity` (`-Infinity` when maximising)
 * marks a forbidden pair. Ties are broken by a fixed rule (a free column
 * first, then the lowest index), so the same input always gives the same
 * answer (the identity on a constant matrix). Bad input never throws: it
 * comes back as `InvalidCost`. Costs so large that reduced costs overflow to
 * infinity are outside the method's range (as in scipy).
 *
 * Runs in `O(min(n, m)² · max(n, m))` time in the worst case and
 * `O(n + m)` memory beyond the input, which is read in place in either
 * sense, except for a matrix with more rows than columns that needs the
 * search after the warm start: it is then transposed into one
 * `Float64Array` copy.
 *
 * @param cost - The cost matrix: an array of equally long rows of numbers, or
 *   a row-major {@link CostMatrix} (read, never written).
 * @param options - See {@link LapOptions}.
 * @returns `right` with the optimal assignment, or `left` with
 *   `InvalidCost` or `Infeasible`.
 * @category Solvers
 * @example
 * ```ts
 * import { linearSumAssignment } from 'banzi'
 *
 * // scipy's documentation example
 * linearSumAssignment([[4, 1, 3], [2, 0, 5], [3, 2, 2]])
 * //=> right({ rowInd: Int32Array [0, 1, 2], colInd: Int32Array [1, 0, 2], total: 5 })
 *
 * linearSumAssignment([[4, 1, 3], [2, 0, 5]], { maximize: true })
 * //=> right({ rowInd: Int32Array [0, 1], colInd: Int32Array [0, 2], total: 9 })
 *
 * linearSumAssignment([[1, Infinity], [2, Infinity]])
 * //=> left({ _tag: 'Infeasible', message: '…' })
 * ```
 */
export function linearSumAssignment(
  cost: readonly (readonly number[])[] | CostMatrix,
  options?: LapOptions,
): Either<LapError, LapResult> {
  const maximize = (options as { maximize?: unknown } | null | undefined)?.maximize === true
  const read = readCost(cost, maximize)
  if (read._tag === 'Left') return read
  const m = read.right
  const { rows, cols, data } = m
  const n = Math.min(rows, cols)
  if (n === 0) return right({ rowInd: new Int32Array(0), colInd: new Int32Array(0), total: 0 })

  const transpose = cols < rows
  const solved = transpose ? augmentTall(m, maximize ? -1 : 1) : augment(rows, cols, data, maximize ? -1 : 1)
  if (typeof solved === 'number') {
    const side = transpose ? 'column' : 'row'
    const forbidden = maximize ? '-Infinity' : 'Infinity'
    return left({
      _tag: 'Infeasible',
      message:
        `linearSumAssignment: forbidden entries (${forbidden}) leave no way to assign every ${side}: ` +
        `${side}s 0..${solved} cannot all be assigned at once`,
    })
  }

  const rowInd = new Int32Array(n)
  const colInd = new Int32Array(n)
  if (!transpose) {
    for (let i = 0; i < n; i++) {
      rowInd[i] = i
      colInd[i] = solved[i]!
    }
  } else {
    // solved[column] = row; list the pairs by row without sorting.
    const colOf = new Int32Array(rows).fill(-1)
    for (let j = 0; j < n; j++) colOf[solved[j]!] = j
    for (let i = 0, k = 0; i < rows; i++) {
      if (colOf[i] === -1) continue
      rowInd[k] = i
      colInd[k++] = colOf[i]!
    }
  }
  let total = 0
  for (let k = 0; k < n; k++) total += data[rowInd[k]! * cols + colInd[k]!]!
  return right({ rowInd, colInd, total })
}
