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
 * This module holds the public API and puts the parts together; the parts
 * live one concern per file: `lap-parse.ts` (input checks), `lap-warm.ts`
 * (the warm start), `lap-search.ts` (the shortest augmenting paths),
 * `lap-wasm.ts` (their row scan and the warm start's loops in WebAssembly,
 * built by `lap-wasm-scan.ts` and `lap-wasm-mins.ts` with
 * `lap-wasm-asm.ts`), `lap-tall.ts` (more rows
 * than columns, solved as the transpose) and `lap-pool.ts` (working arrays
 * kept between calls).
 *
 * @module
 */
import { booleanOption, checkOptions, type InvalidOptions, type OptionSpec } from '../io/door.js'
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { readCost, type ReadCost } from './lap-parse.js'
import { f64, i32, Slot } from './lap-pool.js'
import { columnsInWasm, complete, plainSearch } from './lap-search.js'
import { augmentTall } from './lap-tall.js'
import { KEEP, keepRowMins, keptMins, reduceColumns, reduceRows, type RowMins } from './lap-warm.js'
import { wasmForget, wasmWarm } from './lap-wasm.js'

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
  /** Sum of the costs of the assigned pairs, in the order of `rowInd` (±Infinity if that sum overflows). */
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
  /** `options` not an object, or `maximize` not a boolean. */
  | InvalidOptions
  | { readonly _tag: 'InvalidCost'; readonly message: string }
  | { readonly _tag: 'Infeasible'; readonly message: string }

// --- algorithm --------------------------------------------------------------
//
// Every function of the solver (`augment` below, and those of `lap-warm.ts`,
// `lap-search.ts` and `lap-tall.ts`) minimises `s · c`: the sign `s` (1, or
// -1 to maximise) multiplies each entry of `c` as it is read, so the caller's
// matrix is never copied to be negated (filling a fresh 3-million-entry array
// took ~20 ms on the benchmark machine). `s · x` is exactly `-x` or `x`.

/**
 * Solves the `nr × nc` problem `s · c` (row-major, `nr ≤ nc`, minimisation,
 * no NaN or -Infinity). Returns `col4row`, or the index of the first row that
 * has no augmenting path: rows `0..that` cannot all be assigned at once.
 *
 * A warm start of Jonker & Volgenant (column reduction and reduction
 * transfer when square, then augmenting row reduction) assigns most rows
 * cheaply; {@link shortestPaths} completes the assignment. Should it find
 * the problem infeasible, the plain search from every row in order
 * ({@link plainSearch}) says which rows are to blame, or, should it assign
 * them all after all, gives its assignment.
 */
const augment = (nr: number, nc: number, c: Float64Array, s: number): Int32Array | number => {
  try {
    return augmentSquareOrWide(nr, nc, c, s)
  } finally {
    wasmForget()
  }
}

/** {@link augment}; a square matrix may be copied into WebAssembly by its warm start, until it ends. */
const augmentSquareOrWide = (nr: number, nc: number, c: Float64Array, s: number): Int32Array | number => {
  // A square matrix of the right size is copied into WebAssembly at once, where the warm start reads it.
  const wasm = nr === nc && columnsInWasm(nr * nc) ? wasmWarm(nr, c, s) : null
  const v = wasm?.v ?? f64(Slot.v, nc)
  v.fill(0)
  const col4row = i32(Slot.col4row, nr).fill(-1)
  const row4col = (wasm?.row4col ?? i32(Slot.row4col, nc)).fill(-1)
  const free = i32(Slot.free, nr)
  if (nr === nc && !reduceColumns(nr, c, s, v, col4row, row4col, wasm)) return plainSearch(nr, nc, c, s)
  let count = 0
  for (let i = 0; i < nr; i++) if (col4row[i] === -1) free[count++] = i
  // A row read by the reduction keeps its least entries of c − v; as v only
  // goes down, those decide the row's next search while they can.
  const low = f64(Slot.low, KEEP * nr)
  const at = i32(Slot.at, KEEP * nr)
  const read = i32(Slot.read, nr).fill(0)
  const kept = new Int32Array(KEEP)
  const mins = (i: number, out: RowMins): boolean => {
    const o = KEEP * i
    if (read[i] === 1 && keptMins(c, s, nc, 1, v, row4col, low, at, o, kept, out)) return false
    if (wasm !== null) wasm.keepRowMins(i, low, at, o, out)
    else keepRowMins(c, s, i * nc, nc, v, low, at, o, row4col, out)
    read[i] = 1
    return true
  }
  count = reduceRows(nr, v, col4row, row4col, free, count, mins)
  const solved = complete(nr, nc, c, s, v, col4row, row4col, free, count)
  return solved === -1 ? plainSearch(nr, nc, c, s) : solved
}

/**
 * The matrix the search reads: `m`'s own data, or, when `m` holds costs so
 * large that the search's sums could overflow ({@link ReadCost.huge}), a
 * copy scaled by a power of two, or why it cannot be scaled exactly.
 *
 * The duals and path lengths of the search are sums and differences of
 * costs along alternating paths: a few times `side · largest` at most
 * (`side` the longer side, `largest` the largest finite |cost|). One that
 * overflowed to ±Infinity made a finite pair look forbidden (the audit:
 * `Infeasible`, "rows 0..-1", for `[[-1.5e308, -MAX], [1.5e308, MAX]]`, a
 * worse assignment for others). So `largest` is brought below
 * 2^(1011 − bits of `side`), which leaves a factor of 2^11 × side of room
 * (and is 2^960 or more for any side an array can have, so a matrix not
 * {@link ReadCost.huge} needs no scaling). A power of two changes no
 * comparison and rounds no sum the search makes (an exact entry stays
 * exact, and a sum or difference of multiples of 2^−1074 that lands among
 * the subnormals is exact), so the answer is the one the search would give
 * with an unbounded exponent. An entry the scaling would round (a cost below
 * about 2^−980 next to one near `MAX_VALUE`) is refused as `InvalidCost`.
 */
const searchMatrix = (m: ReadCost): Either<LapError, Float64Array> => {
  const { rows, cols, data } = m
  if (!m.huge) return right(data)
  let largest = 0
  for (let k = 0; k < data.length; k++) {
    const x = Math.abs(data[k]!)
    if (x > largest && x !== Infinity) largest = x
  }
  const bits = 32 - Math.clz32(Math.max(rows, cols))
  const limit = 2 ** (1011 - bits)
  let k = 0
  while (largest * 2 ** -k >= limit) k++
  if (k === 0) return right(data)
  const down = 2 ** -k
  const up = 2 ** k
  const scaled = new Float64Array(data.length)
  for (let q = 0; q < data.length; q++) {
    const x = data[q]!
    const y = x * down
    if (y * up !== x && x - x === 0)
      return left({
        _tag: 'InvalidCost',
        message:
          `linearSumAssignment: cost[${Math.floor(q / cols)}][${q % cols}] is ${x}, too small to keep exactly ` +
          `once the matrix is scaled by 2^-${k}, as its largest entry (${largest}) requires to keep the search's ` +
          `sums finite: costs this far apart cannot be solved exactly; round the smallest to 0 or scale the matrix`,
      })
    scaled[q] = y
  }
  return right(scaled)
}

// --- solver -----------------------------------------------------------------

/** The checks of {@link LapOptions}' keys. */
const LAP_OPTION_SPEC: OptionSpec = { maximize: booleanOption }

/**
 * Solves the linear sum assignment problem exactly: pairs rows with columns,
 * each used at most once, so that every row is assigned when `rows ≤ cols`
 * (every column otherwise) and the total cost is minimal (or maximal).
 *
 * Semantics follow `scipy.optimize.linear_sum_assignment`: rectangular
 * matrices are allowed, the result is sorted by row, an empty matrix gives
 * empty arrays and total 0, and `Infinity` (`-Infinity` when maximising)
 * marks a forbidden pair. Ties are broken by a fixed rule (a free column
 * first, then the lowest index in the warm start and the first column met,
 * in a fixed order, in the search), so the same input always gives the same
 * answer (the identity on a constant matrix). Bad input never throws: it
 * comes back as `InvalidCost`. Finite costs of any magnitude are solved, up
 * to `Number.MAX_VALUE`: a matrix holding one of 2^960 (about 1e289) or
 * more, whose reduced costs could overflow to infinity (scipy's do, and it
 * may then answer a worse assignment), is searched scaled down by a power of
 * two, which changes no comparison the search makes. Only a matrix that also
 * holds a nonzero cost so small (about 1e-290 or less) that the scaling
 * would round it is refused, as `InvalidCost`. `total` is the sum of the
 * chosen costs in floating point: it may overflow to ±Infinity though every
 * cost is finite.
 *
 * Runs in `O(min(n, m)² · max(n, m))` time in the worst case and
 * `O(n + m)` memory beyond the input, which is read in place in either
 * sense, except for a matrix with more rows than columns that needs the
 * search after the warm start: it is then transposed into one
 * `Float64Array` copy. A long search copies the matrix once more, into a
 * WebAssembly memory where the scans run about twice as fast: as doubles
 * up to 262,144 entries; above, as 32-bit integers when every entry is
 * one, otherwise as doubles. A square matrix of 4,096 to 262,144 entries
 * is copied there at the start, as its warm start reads it there. That memory is
 * reused by the next call (which then, for a matrix of four million
 * entries or more, moves sooner: after a quarter of the matrix's size in
 * columns visited, instead of when the searches left promise 16 times
 * that) and freed by the garbage collector, as are the working arrays
 * of sides up to 4,096, also kept for the next call.
 *
 * @param cost - The cost matrix: an array of equally long rows, each an
 *   array of numbers or a typed array of numbers (`Float64Array`,
 *   `Float32Array`, `Int32Array`, …; rows of different kinds may be mixed),
 *   checked alike (numbers only, no NaN, equal lengths) and copied into one
 *   `Float64Array`; or a row-major {@link CostMatrix} (read in place, never
 *   written).
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
 *
 * // rows as typed arrays, e.g. from another numeric library
 * linearSumAssignment([Float64Array.of(4, 1, 3), Float64Array.of(2, 0, 5), Float64Array.of(3, 2, 2)])
 * //=> right({ rowInd: Int32Array [0, 1, 2], colInd: Int32Array [1, 0, 2], total: 5 })
 * ```
 */
export function linearSumAssignment(
  cost:
    | readonly (
        | readonly number[]
        | Float64Array
        | Float32Array
        | Int32Array
        | Int16Array
        | Int8Array
        | Uint32Array
        | Uint16Array
        | Uint8Array
        | Uint8ClampedArray
      )[]
    | CostMatrix,
  options?: LapOptions,
): Either<LapError, LapResult> {
  const checked = checkOptions<LapOptions>(options, LAP_OPTION_SPEC)
  if (checked._tag === 'Left') return checked
  const maximize = options?.maximize === true
  const read = readCost(cost, maximize)
  if (read._tag === 'Left') return read
  const m = read.right
  const { rows, cols, data } = m
  const n = Math.min(rows, cols)
  if (n === 0) return right({ rowInd: new Int32Array(0), colInd: new Int32Array(0), total: 0 })

  const search = searchMatrix(m)
  if (search._tag === 'Left') return search
  const c = search.right
  const transpose = cols < rows
  const solved = transpose
    ? augmentTall({ rows, cols, data: c }, maximize ? -1 : 1)
    : augment(rows, cols, c, maximize ? -1 : 1)
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
