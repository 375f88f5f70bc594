/**
 * The linear sum assignment problem, solved exactly by the shortest augmenting
 * path method of Jonker & Volgenant (Computing 38, 1987) in the rectangular
 * form of D. F. Crouse, "On implementing 2D rectangular assignment
 * algorithms", IEEE Trans. Aerospace and Electronic Systems 52(4), 2016 —
 * the method behind `scipy.optimize.linear_sum_assignment`, whose semantics
 * this module follows. It is the fast path for pure one-to-one staffing,
 * where no team-level rule couples the pairs.
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

/**
 * Solves the `nr × nc` problem `c` (row-major, `nr ≤ nc`, minimisation, no
 * NaN or -Infinity). Returns `col4row`, or the index of the first row that
 * has no augmenting path: rows `0..that` cannot all be assigned at once.
 *
 * One Dijkstra search per row over reduced costs `c − u − v`, which stay
 * non-negative on the duals `u`, `v` (Crouse 2016, Algorithm 1). Every
 * buffer is allocated once, so the hot loop creates no objects.
 */
const augment = (nr: number, nc: number, c: Float64Array): Int32Array | number => {
  const u = new Float64Array(nr)
  const v = new Float64Array(nc)
  const dist = new Float64Array(nc)
  const path = new Int32Array(nc)
  const col4row = new Int32Array(nr).fill(-1)
  const row4col = new Int32Array(nc).fill(-1)
  const seenRow = new Uint8Array(nr)
  const seenCol = new Uint8Array(nc)
  const remaining = new Int32Array(nc)

  for (let cur = 0; cur < nr; cur++) {
    for (let k = 0; k < nc; k++) remaining[k] = k
    let left = nc
    seenRow.fill(0)
    seenCol.fill(0)
    dist.fill(Infinity)
    let minVal = 0
    let i = cur
    let sink = -1
    while (sink === -1) {
      seenRow[i] = 1
      const base = i * nc
      const ui = u[i]!
      let index = -1
      let lowest = Infinity
      let lowestCol = nc
      let lowestFree = 0
      for (let k = 0; k < left; k++) {
        const j = remaining[k]!
        const r = minVal + c[base + j]! - ui - v[j]!
        if (r < dist[j]!) {
          path[j] = i
          dist[j] = r
        }
        const d = dist[j]!
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
      // Only forbidden (infinite) columns are left: no augmenting path.
      if (index === -1 || lowest === Infinity) return cur
      minVal = lowest
      const j = remaining[index]!
      if (row4col[j] === -1) sink = j
      else i = row4col[j]!
      seenCol[j] = 1
      remaining[index] = remaining[--left]!
    }

    // Update the duals so reduced costs stay non-negative, then flip the path.
    u[cur]! += minVal
    for (let r = 0; r < nr; r++) if (seenRow[r] === 1 && r !== cur) u[r]! += minVal - dist[col4row[r]!]!
    for (let j = 0; j < nc; j++) if (seenCol[j] === 1) v[j]! -= minVal - dist[j]!
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
  return col4row
}

/** Row-major copy of `m`, transposed and/or negated, so the core always minimises with `rows ≤ cols`. */
const workMatrix = (m: CostMatrix, transpose: boolean, negate: boolean): Float64Array => {
  const { rows, cols, data } = m
  if (!transpose && !negate) return data
  const s = negate ? -1 : 1
  const out = new Float64Array(data.length)
  if (!transpose) for (let k = 0; k < data.length; k++) out[k] = s * data[k]!
  else
    for (let i = 0; i < rows; i++) for (let j = 0; j < cols; j++) out[j * rows + i] = s * data[i * cols + j]!
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
 * marks a forbidden pair. Ties met during the search are broken by lowest
 * index (free columns first), so the same input always gives the same
 * answer (the identity on a constant matrix). Bad input never throws: it
 * comes back as `InvalidCost`. Costs so large that reduced costs overflow to
 * infinity are outside the method's range (as in scipy).
 *
 * Runs in `O(min(n, m)² · max(n, m))` time in the worst case and
 * `O(n · m)` memory (one `Float64Array` copy when transposing or maximising).
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
  const solved = augment(n, Math.max(rows, cols), workMatrix(m, transpose, maximize))
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
