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

// Every function here minimises `s · c`: the sign `s` (1, or -1 to maximise)
// multiplies each entry of `c` as it is read (see `lap.ts`).

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
 * @internal
 */
export const firstUnassignable = (nr: number, nc: number, c: Float64Array, s: number): number => {
  const rows = new Int32Array(nr)
  for (let i = 0; i < nr; i++) rows[i] = i
  const col4row = new Int32Array(nr).fill(-1)
  const row4col = new Int32Array(nc).fill(-1)
  return shortestPaths(nr, nc, c, s, new Float64Array(nr), new Float64Array(nc), col4row, row4col, rows, nr)
}
