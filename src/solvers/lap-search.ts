/**
 * The search of `linearSumAssignment` (see `lap.ts`): shortest augmenting
 * paths (Crouse 2016, Algorithm 1), which complete the warm start of
 * `lap-warm.ts` and, run plain from every row, say which rows make an
 * infeasible problem infeasible.
 * Internal: not part of the public API.
 *
 * @module
 * @internal
 */

import { f64, i32, Slot } from './lap-pool.js'
import { wasmReady, wasmSearch, type WasmSearch } from './lap-wasm.js'

// Every function here minimises `s · c`: the sign `s` (1, or -1 to maximise)
// multiplies each entry of `c` as it is read (see `lap.ts`).

/**
 * When {@link shortestPaths} moves its scans to WebAssembly (`lap-wasm.ts`),
 * which costs one copy of the matrix: once the scans have visited
 * `wasmAfter · nr · nc` columns, or once the searches left, at the mean
 * work of those done, promise `4 · wasmAfter · nr · nc` more (for a
 * matrix of four million entries or more, when no memory of the size is
 * left from an earlier call, only once they promise
 * `64 · wasmAfter · nr · nc`). A matrix of at most `wasmDoubles` entries
 * is copied as doubles, even when its entries are 32-bit integers (one
 * `set`, instead of checking every entry: that took 12 % of OR-Library
 * assign300's solve; its two megabytes stay in the cache), and so moves
 * sooner, with `wasmAfterSmall` for `wasmAfter` (assign100–400: 5–10 %
 * faster than at 0.25); one of fewer than `wasmSize` entries never
 * moves. In WebAssembly with SIMD, a search scans in place (every column
 * of the row, contiguously, those already taken masked: see `scanInPlace`
 * in `lap-wasm.ts`) while at least `inPlaceAbove · nc` columns are left
 * unscanned, then through the list of those left (Machol–Wien n = 2,000:
 * 3.76 s with the list only, 3.28 s at 0.4, 2.97–3.03 s at 0.5–0.7; 0:
 * in place to the end, 1.5 times the columns read). Writable for the tests
 * only (both thresholds 0: from the start, `Infinity`: never;
 * `wasmDoubles` -1: look for integers at every size; `inPlaceAbove` 0:
 * always in place, `Infinity`: never), which check that the answer is the
 * same.
 * @internal
 */
export const searchSettings = {
  wasmAfter: 0.25,
  wasmAfterSmall: 0.05,
  wasmSize: 4_096,
  wasmDoubles: 1 << 18,
  wasmColumns: true,
  inPlaceAbove: 0.5,
}

/**
 * Whether the warm start of a square matrix of `size` entries (its
 * columns' least entries, and the rows read whole by the row reduction)
 * runs in WebAssembly (`wasmWarm`), copying the matrix as doubles for the
 * search at once: from `wasmSize` to `wasmDoubles` entries, the matrices
 * whose search would copy them so (assign100: the two reductions took two
 * thirds of the solve in JavaScript). `wasmColumns` false (tests only):
 * never.
 * @internal
 */
export const columnsInWasm = (size: number): boolean =>
  searchSettings.wasmColumns && size >= searchSettings.wasmSize && size <= searchSettings.wasmDoubles

/**
 * One row scan of {@link shortestPaths} (the SCAN step of Jonker & Volgenant
 * 1987): relaxes the distances of the unscanned columns `rest[0..left)`
 * (in increasing order) through row `i` (row offset `base`, dual `ui`,
 * distance `minVal` to the row). A column brought down to `level` (the
 * current least distance, which none can fall below; -Infinity for the
 * first row, whose reduced costs may be negative) leaves `rest`, which
 * stays in order, for the level list `lvl[hi..]`; a free one ends the search
 * at once. Meanwhile the least distance left in `rest`, how many columns
 * have it and where the last of them is are written to `out` with the new
 * `hi` and `left` (so the next level needs no pass of its own when, as with
 * distinct costs, one column has it).
 * Returns the free column reached at the level, or -1.
 * A function of its own so that V8 optimises it early, on its own.
 */
const scan = (
  c: Float64Array,
  s: number,
  base: number,
  minVal: number,
  level: number,
  ui: number,
  i: number,
  rest: Int32Array,
  left: number,
  lvl: Int32Array,
  hi: number,
  vd: Float64Array,
  path: Int32Array,
  row4col: Int32Array,
  out: Float64Array,
): number => {
  let low = Infinity
  let lowCount = 0
  let lowPos = -1
  let k = 0
  // Until a column joins the level, nothing moves. A column of `rest` is at
  // the level exactly when it has just been brought down to it (the others
  // are above it). One plain loop: unrolled by eight, with a second look at
  // a block where some distance reached `low`, it was slower (Machol–Wien,
  // n = 800: 1,090 → 820 ms; uniform and 0 … 1,000 costs, n = 1,500,
  // 59 → 45 and 94 → 80 ms).
  for (; k < left; k++) {
    const j = rest[k]!
    const j2 = 2 * j
    const r = minVal + s * c[base + j]! - ui - vd[j2]!
    let d = vd[j2 + 1]!
    if (r < d) {
      path[j] = i
      vd[j2 + 1] = r
      d = r
      if (r === level) break
    }
    if (d <= low) {
      if (d < low) {
        low = d
        lowCount = 1
      } else lowCount++
      lowPos = k
    }
  }
  let w = k
  if (k < left) {
    // rest[k] has joined the level; the columns after it move down.
    const j = rest[k++]!
    if (row4col[j] === -1) return j
    lvl[hi++] = j
    for (; k < left; k++) {
      const j = rest[k]!
      const j2 = 2 * j
      const r = minVal + s * c[base + j]! - ui - vd[j2]!
      let d = vd[j2 + 1]!
      if (r < d) {
        path[j] = i
        vd[j2 + 1] = r
        d = r
      }
      if (d === level) {
        if (row4col[j] === -1) return j
        lvl[hi++] = j
        continue
      }
      if (d <= low) {
        if (d < low) {
          low = d
          lowCount = 1
        } else lowCount++
        lowPos = w
      }
      rest[w++] = j
    }
  }
  out[0] = hi
  out[1] = w
  out[2] = low
  out[3] = lowCount
  out[4] = lowPos
  return -1
}

/**
 * Shortest augmenting paths (Jonker & Volgenant 1987, in the rectangular
 * form of Crouse 2016) from the free rows `rows[0..count)`, in that order,
 * on top of the partial assignment and the duals `u`, `v` given, which must
 * be dual feasible (reduced costs `c − u − v` non-negative, zero on assigned
 * pairs; when `nr < nc` also `v ≤ 0`, and `v = 0` on free columns). Returns
 * -1 when every listed row was assigned, else the first row with no
 * augmenting path.
 *
 * One Dijkstra search per row over the reduced costs, stopped at the first
 * free column reached; only the rows and columns it reached get new duals.
 * Every buffer is allocated once, so the hot loop creates no objects.
 *
 * As in Jonker & Volgenant's LAPJV, all the columns at the least distance
 * (the level) are taken at once, a free one among them ending the search;
 * the rows of the others are scanned in turn, and a column they bring down
 * to the level joins it (a free one ends the search there and then). Ties,
 * which integer costs with a small range make common, thus cost no pass of
 * their own, and the scan's inner loop has no tie rule. `lvl[0..lo)` lists
 * the columns scanned, `lvl[lo..hi)` the level; `rest[0..left)` the others,
 * in increasing order, so the scan reads the cost row, `v` and the
 * distances front to back. Everything is done in a fixed order, so the
 * answer is deterministic.
 *
 * The reduced cost is always evaluated as `minVal + c[i][j] − u[i] − v[j]`,
 * left to right (one rounding everywhere). `v[j]` and the distance of
 * column `j` share one array (`vd[2j]`, `vd[2j + 1]`).
 *
 * Once the scans have visited `switchAt` columns, or the searches left
 * promise four times that (for a large matrix when no memory of the size
 * is at hand yet, only once they promise 64 times that), the searches that follow run their scans in
 * WebAssembly (see {@link searchSettings}); the arrays of
 * the search then live in its memory, and the answer is the same.
 *
 * There, while many columns are left (`inPlaceAbove`), a search scans in
 * place: every column of the row in order, its distance in an array of its
 * own, a NaN distance masking the columns of the level list (the scan
 * compares nothing with NaN), so that the loads are contiguous and four
 * columns go through each pass of the loop, without `rest`. The same
 * columns are relaxed in the same order with the same sums, so the answer
 * is that of the list. A column taken so has for distance the level at
 * which it joined (`levels`). When the columns left fall under the
 * threshold, the list of them is built again, in increasing order, with
 * their distances, and the search goes on as before.
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
  switchAt: number,
): number => {
  /** `vd[2j]` is the dual `v[j]`, `vd[2j + 1]` the shortest-path distance of column `j`. */
  let vd: Float64Array = f64(Slot.vd, 2 * nc)
  for (let j = 0; j < nc; j++) vd[2 * j] = v[j]!
  let path: Int32Array = i32(Slot.path, nc)
  let rest: Int32Array = i32(Slot.rest, nc)
  let lvl: Int32Array = i32(Slot.lvl, nc)
  let out: Float64Array = new Float64Array(5)
  /** The caller's `row4col`, or its copy in the WebAssembly memory. */
  let r4c = row4col
  let wasm: WasmSearch | null = null
  /** Columns visited by the scans so far, counted until the search moves to WebAssembly. */
  let work = 0
  let failed = -1
  // When the memory must be made first, only for searches that promise a
  // long run: fresh pages cost far more than the copy (uniform 3,000², 30
  // searches, one cold solve: 400–440 ms in JavaScript, 525–535 ms moving
  // at the warm threshold, 600–775 ms at four times that).
  // Matrices under four million entries take the memory at the warm threshold.
  const cold = nr * nc >= 4_000_000 && !wasmReady(nr, nc)
  /** The scan in place while at least this many columns are left unscanned. */
  const inPlaceLeft = Math.max(1, searchSettings.inPlaceAbove * nc)
  /** Scanning in place, the levels of the search and where each starts in `lvl` (`nLevels` of them). */
  let levels: { readonly at: Int32Array; readonly d: Float64Array } | null = null
  let nLevels = 0
  /** The copy of `v` that the scan in place reads, kept equal to `vd[2j]`. */
  let vIn: Float64Array | null = null

  for (let f = 0; f < count && failed === -1; f++) {
    const promised = f > 0 ? (work / f) * (count - f) : 0
    if (wasm === null && (cold ? promised >= 64 * switchAt : work >= switchAt || promised >= 4 * switchAt)) {
      wasm = wasmSearch(nr, nc, c, s, r4c, nr * nc <= searchSettings.wasmDoubles)
      if (wasm === null) work = -Infinity
      else {
        wasm.vd.set(vd)
        ;({ vd, path, rest, lvl, out } = wasm)
        r4c = wasm.row4col
        if (wasm.scanInPlace !== null) {
          vIn = wasm.v
          for (let j = 0; j < nc; j++) vIn[j] = vd[2 * j]!
        }
      }
    }
    const cur = rows[f]!
    for (let k = 0; k < nc; k++) {
      rest[k] = k
      vd[2 * k + 1] = Infinity
    }
    let lo = 0
    let minVal = 0
    let i = cur
    let level = -Infinity
    let hi = 0
    let left = nc
    /**
     * Scanning in place (`scanInPlace` of {@link WasmSearch}): every column
     * read, the distances in `wasm.dist`, those of `lvl[0..hi)` masked there
     * by NaN; `lvl[0..masked)` were taken so.
     */
    let inPlace = wasm !== null && wasm.scanInPlace !== null && left >= inPlaceLeft
    let masked = 0
    if (inPlace) {
      wasm!.dist.fill(Infinity)
      levels ??= { at: new Int32Array(nc + 1), d: new Float64Array(nc + 1) }
      levels.at[0] = 0
      levels.d[0] = level
      nLevels = 1
    }
    /** A position of `rest` that the next WebAssembly scan removes first (one call less than `copyWithin`), or -1. */
    let cut = -1
    let sink: number
    for (;;) {
      if (wasm === null) {
        work += left
        sink = scan(c, s, i * nc, minVal, level, u[i]!, i, rest, left, lvl, hi, vd, path, r4c, out)
      } else if (inPlace) {
        const at = wasm.at
        sink = wasm.scanInPlace!(
          at.c + at.row * i,
          i,
          minVal,
          level,
          u[i]!,
          nc,
          hi,
          at.v,
          at.path,
          at.dist,
          at.lvl,
          at.row4col,
          -1,
        )
      } else {
        const at = wasm.at
        sink = wasm.scan(
          at.c + at.row * i,
          i,
          minVal,
          level,
          u[i]!,
          left,
          hi,
          at.vd,
          at.path,
          at.rest,
          at.lvl,
          at.row4col,
          cut,
        )
        cut = -1
      }
      if (sink !== -1) break
      hi = out[0]!
      left = out[1]!
      if (lo === hi) {
        // A new level: the least distance among the other columns.
        const low = out[2]!
        // Only forbidden (infinite) columns are left: no augmenting path.
        if (left === 0 || low === Infinity) break
        minVal = low
        level = low
        if (inPlace) {
          // The columns at the new level, in increasing order, masked.
          levels!.at[nLevels] = hi
          levels!.d[nLevels++] = low
          const dist = wasm!.dist
          if (out[3] === 1) {
            const j = out[4]!
            lvl[hi++] = j
            dist[j] = NaN
          } else {
            for (let j = 0; j < nc; j++) {
              if (dist[j] === low) {
                lvl[hi++] = j
                dist[j] = NaN
              }
            }
          }
          left = nc - hi
        } else if (out[3] === 1) {
          const k = out[4]!
          lvl[hi++] = rest[k]!
          if (wasm === null) rest.copyWithin(k, k + 1, left)
          else cut = k
          left--
        } else {
          let w = 0
          for (let k = 0; k < left; k++) {
            const j = rest[k]!
            if (vd[2 * j + 1] === low) lvl[hi++] = j
            else rest[w++] = j
          }
          left = w
        }
        for (let k = lo; k < hi; k++) {
          const j = lvl[k]!
          if (r4c[j] === -1) {
            sink = j
            break
          }
        }
        if (sink !== -1) break
      }
      const j = lvl[lo++]!
      i = r4c[j]!
      if (inPlace && left < inPlaceLeft) {
        // Few columns left: back to the list of them, in increasing order, with their distances.
        inPlace = false
        masked = hi
        const dist = wasm!.dist
        let w = 0
        for (let k = 0; k < nc; k++) {
          const d = dist[k]!
          if (!Number.isNaN(d)) {
            rest[w++] = k
            vd[2 * k + 1] = d
          }
        }
        left = w
      }
    }
    if (sink === -1) {
      failed = cur
      break
    }
    if (inPlace) masked = hi

    // Update the duals so reduced costs stay non-negative, then flip the path.
    // The rows reached are `cur` and the owners of the scanned columns.
    u[cur]! += minVal
    // A column taken by the scan in place has for distance the level at which it joined.
    let g = 0
    for (let t = 0; t < lo; t++) {
      const j = lvl[t]!
      let dj: number
      if (t < masked) {
        while (g + 1 < nLevels && levels!.at[g + 1]! <= t) g++
        dj = levels!.d[g]!
      } else dj = vd[2 * j + 1]!
      u[r4c[j]!]! += minVal - dj
      vd[2 * j]! -= minVal - dj
      if (vIn !== null) vIn[j] = vd[2 * j]!
    }
    let j = sink
    for (;;) {
      const r = path[j]!
      r4c[j] = r
      const next = col4row[r]!
      col4row[r] = j
      j = next
      if (r === cur) break
    }
  }
  for (let j = 0; j < nc; j++) v[j] = vd[2 * j]!
  if (r4c !== row4col) row4col.set(r4c)
  return failed
}

/** The `switchAt` of {@link shortestPaths} (see {@link searchSettings}). */
const wasmSwitch = (nr: number, nc: number): number => {
  const size = nr * nc
  const { wasmAfter, wasmAfterSmall, wasmSize, wasmDoubles } = searchSettings
  return size < wasmSize ? Infinity : (size <= wasmDoubles ? wasmAfterSmall : wasmAfter) * size
}

/**
 * Completes the warm start of {@link reduceRows} on the row-major `nr × nc`
 * matrix `c` (`nr ≤ nc`): sets `u` on the assigned rows and runs
 * {@link shortestPaths} from the free rows `free[0..count)`, in increasing
 * order. Returns `col4row`, or -1 when some row has no augmenting path.
 * @internal
 */
export const complete = (
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
  const u = f64(Slot.u, nr).fill(0)
  free.subarray(0, count).sort()
  for (let i = 0; i < nr; i++) {
    const j = col4row[i]!
    if (j >= 0) u[i] = s * c[i * nc + j]! - v[j]!
  }
  const switchAt = wasmSwitch(nr, nc)
  return shortestPaths(nr, nc, c, s, u, v, col4row, row4col, free, count, switchAt) === -1 ? col4row : -1
}

/**
 * The plain search (Crouse 2016, Algorithm 1: every row in order, from zero
 * duals), run when the warm start and its completion found no augmenting
 * path for some row: the index of the first row with none (rows `0..that`
 * cannot all be assigned at once), to explain an infeasible problem. Should
 * it assign every row after all (the two agree in exact arithmetic; a
 * rounding could part them), its assignment, `col4row`, which is as optimal:
 * so a caller never takes a success for a row to blame.
 * @internal
 */
export const plainSearch = (nr: number, nc: number, c: Float64Array, s: number): Int32Array | number => {
  const rows = new Int32Array(nr)
  for (let i = 0; i < nr; i++) rows[i] = i
  const col4row = new Int32Array(nr).fill(-1)
  const row4col = new Int32Array(nc).fill(-1)
  const u = new Float64Array(nr)
  const v = new Float64Array(nc)
  const failed = shortestPaths(nr, nc, c, s, u, v, col4row, row4col, rows, nr, wasmSwitch(nr, nc))
  return failed === -1 ? col4row : failed
}
