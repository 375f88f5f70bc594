/**
 * The warm start of `linearSumAssignment` (see `lap.ts`), after Jonker &
 * Volgenant (Computing 38, 1987): column reduction and reduction transfer
 * (square problems), then augmenting row reduction, with the {@link KEEP}
 * least entries kept of each row read, which answer most of its later
 * reads. It assigns most rows of a dense problem before any search.
 * Internal: not part of the public API.
 *
 * @module
 * @internal
 */

import { i32, Slot } from './lap-pool.js'
import type { WasmWarm } from './lap-wasm.js'

// Every function here minimises `s · c`: the sign `s` (1, or -1 to maximise)
// multiplies each entry of `c` as it is read (see `lap.ts`).

/**
 * Column reduction (Jonker & Volgenant 1987, square problems only): `v[j]`
 * becomes the least cost of column `j`, and each column is given, in
 * increasing order, to its cheapest row (lowest index on ties) unless that
 * row already has one. Reduction transfer then lowers `v` on the column of
 * each row that won exactly one column, down to the row's second-best
 * reduced cost. Returns false when a column has no finite entry (the problem
 * is then infeasible). `wasm`: the least entries of the columns are found
 * there (see `wasmWarm`); the same `v` either way.
 * @internal
 */
export const reduceColumns = (
  n: number,
  c: Float64Array,
  s: number,
  v: Float64Array,
  col4row: Int32Array,
  row4col: Int32Array,
  wasm: WasmWarm | null,
): boolean => {
  const argBest = i32(Slot.argBest, n)
  if (wasm !== null) wasm.columnMins(argBest)
  else {
    v.fill(Infinity)
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
  }
  const wins = i32(Slot.wins, n).fill(0)
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
 * @internal
 */
export interface RowMins {
  readonly low: Float64Array
  readonly at: Int32Array
}

/** {@link RowMins} of the row at offset `base` of a row-major matrix, read front to back. @internal */
export const rowMins = (
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
 * @internal
 */
export const reduceRows = (
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
 * How many least entries of a row (of a column, for {@link augmentTall}) the row reduction keeps.
 * @internal
 */
export const KEEP = 4
/**
 * The {@link RowMins} of row `r` of the problem whose entry `(r, k)` is
 * `s · data[r · rs + k · ks] − v[k]`, from the {@link KEEP} least of the row
 * as they were when it was last read (`low[o..]` at `at[o..]`, least first).
 * As `v` only goes down, every other entry is still at least the largest
 * kept one, so the kept entries, with their current `v`, decide when the
 * second least of them is below it. Returns false, writing nothing, when
 * they do not.
 * @internal
 */
export const keptMins = (
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
 * Reads the row at offset `base` whole, once: writes the {@link KEEP} least
 * of `c[base + j] − v[j]`, `j < n` (lowest index first on ties), to
 * `low[o..]`, their `j` to `at[o..]`, and its {@link RowMins} (as
 * {@link rowMins} would) to `out`. One pass, not a pass to keep and another
 * for the least two: with small integer ranges the kept entries tie with
 * the rest and cannot answer (see {@link keptMins}), and the second read
 * cost about a fifth of the solve (integers 0…100, n = 3,000).
 * @internal
 */
export const keepRowMins = (
  c: Float64Array,
  s: number,
  base: number,
  n: number,
  v: Float64Array,
  low: Float64Array,
  at: Int32Array,
  o: number,
  row4col: Int32Array,
  out: RowMins,
): void => {
  let umin = Infinity
  let usub = Infinity
  let j1 = -1
  let j2 = -1
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
    if (x <= usub) {
      if (x < umin || (x === umin && j1 >= 0 && row4col[j1]! >= 0 && row4col[j]! < 0)) {
        usub = umin
        j2 = j1
        umin = x
        j1 = j
      } else if (x < usub) {
        usub = x
        j2 = j
      }
    }
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
  out.low[0] = umin
  out.low[1] = usub
  out.at[0] = j1
  out.at[1] = j2
}
