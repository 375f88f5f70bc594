/**
 * TOPSIS (Hwang and Yoon, 1981): alternatives ranked by their relative
 * closeness to the ideal solution, on a vector-normalised, weighted decision
 * matrix. See docs/assessment.md.
 *
 * @module
 */
import {
  SHAPES,
  checkOptions,
  invalidArgument,
  type InvalidArgument,
  type InvalidOptions,
  type OptionSpec,
} from '../io/door.js'
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { issue } from '../io/errors.js'
import { powerOfTwoNear } from './mean.js'

/** Why TOPSIS gives no ranking. @category Assessment */
export type TopsisError =
  | { readonly _tag: 'Empty' }
  | {
      readonly _tag: 'NotRectangular'
      readonly row: number
      readonly columns: number
      readonly expected: number
    }
  | { readonly _tag: 'BadWeights'; readonly reason: string }
  | { readonly _tag: 'NotFinite'; readonly row: number; readonly column: number; readonly value: number }
  /** `matrix` or `weights` is not an array (of arrays) of numbers. */
  | InvalidArgument
  /** An option of the wrong type, or `ids` not one per row. */
  | InvalidOptions

/** The checks of {@link TopsisOptions}' keys. @internal */
const TOPSIS_OPTION_SPEC: OptionSpec = {
  benefit: {
    expected: 'an array of true or false',
    test: (v) => Array.isArray(v) && v.every((x) => typeof x === 'boolean'),
  },
  ids: {
    expected: 'an array of strings',
    test: (v) => Array.isArray(v) && v.every((x) => typeof x === 'string'),
  },
}

/** Options of {@link topsis}. @category Assessment */
export interface TopsisOptions {
  /** Per criterion: `true` for a benefit (more is better), `false` for a cost. @defaultValue all benefit */
  readonly benefit?: readonly boolean[]
  /** Ids of the alternatives, one per row, used to break ties (ascending). @defaultValue row indices */
  readonly ids?: readonly string[]
}

/** TOPSIS of a decision matrix. @category Assessment */
export interface TopsisResult {
  /** Weights used, normalised to sum 1. */
  readonly weights: readonly number[]
  /** Positive ideal solution A⁺ in the weighted normalised space. */
  readonly ideal: readonly number[]
  /** Negative ideal solution A⁻. */
  readonly antiIdeal: readonly number[]
  /** Distance S⁺ of each alternative to A⁺. */
  readonly toIdeal: readonly number[]
  /** Distance S⁻ of each alternative to A⁻. */
  readonly toAntiIdeal: readonly number[]
  /** Relative closeness C = S⁻ / (S⁺ + S⁻) in [0, 1] (0.5 when both distances are 0). */
  readonly closeness: readonly number[]
  /** Row indices, best first; ties by id. */
  readonly order: readonly number[]
  /** Rank of each row (1 = best). */
  readonly rank: readonly number[]
}

/**
 * Ranks alternatives (rows) on criteria (columns): r_ij = x_ij / ‖x_·j‖₂,
 * v_ij = w_j r_ij, A⁺ (A⁻) the best (worst) v per column, and C_i = S⁻_i /
 * (S⁺_i + S⁻_i). A column of zeros is left at zero. Scaling a column by a
 * positive factor changes nothing, at any magnitude: ‖x_·j‖₂ is computed
 * scaled by a power of two near the column's largest |x|, as `Math.hypot`
 * does, so it neither overflows nor underflows.
 *
 * @param matrix - m ≥ 1 rows of n finite numbers
 * @param weights - n weights ≥ 0 with a positive sum (normalised here)
 * @param options - benefit/cost per criterion and ids for ties (one per row; otherwise `InvalidOptions`)
 * @returns the closeness and the ranking, or a {@link TopsisError}
 * @category Assessment
 * @example
 * topsis([[1, 2], [2, 1]], [0.7, 0.3]).right.order
 * //=> [1, 0]
 */
export function topsis(
  matrix: readonly (readonly number[])[],
  weights: readonly number[],
  options: TopsisOptions = {},
): Either<TopsisError, TopsisResult> {
  if (!SHAPES.matrix.test(matrix)) return left(invalidArgument('matrix', SHAPES.matrix.expected, matrix))
  if (!SHAPES.numbers.test(weights)) return left(invalidArgument('weights', SHAPES.numbers.expected, weights))
  const opts = checkOptions<TopsisOptions>(options, TOPSIS_OPTION_SPEC)
  if (opts._tag === 'Left') return opts
  const m = matrix.length
  if (m === 0) return left({ _tag: 'Empty' })
  const ids = options.ids
  if (ids !== undefined && ids.length !== m) {
    const i = issue(['options', 'ids'], `one id per row of matrix (${m})`, ids)
    return left({ _tag: 'InvalidOptions', issues: [i], message: i.message })
  }
  const n = weights.length
  let wsum = 0
  let wmax = 0
  for (const w of weights) {
    if (!(w >= 0) || !Number.isFinite(w)) return left({ _tag: 'BadWeights', reason: 'a weight is not ≥ 0' })
    wsum += w
    if (w > wmax) wmax = w
  }
  if (!(wsum > 0)) return left({ _tag: 'BadWeights', reason: 'the weights sum to 0' })
  const benefit = options.benefit ?? weights.map(() => true)
  if (benefit.length !== n) return left({ _tag: 'BadWeights', reason: 'benefit has not one flag per weight' })
  // finite weights whose sum overflows are summed scaled by a power of two (exact), as combineWeights
  // does: w / Infinity would be 0 for every weight, and every closeness 0.5
  const wscale = wsum === Infinity ? powerOfTwoNear(wmax) : 1
  if (wscale !== 1) wsum = weights.reduce((a, x) => a + x / wscale, 0)
  const w = weights.map((x) => x / wscale / wsum)
  const maxAbs = new Float64Array(n)
  for (let i = 0; i < m; i++) {
    const r = matrix[i]!
    if (r.length !== n) return left({ _tag: 'NotRectangular', row: i, columns: r.length, expected: n })
    for (let j = 0; j < n; j++) {
      const x = r[j]!
      if (!Number.isFinite(x)) return left({ _tag: 'NotFinite', row: i, column: j, value: x })
      if (Math.abs(x) > maxAbs[j]!) maxAbs[j] = Math.abs(x)
    }
  }
  // ‖x_·j‖₂ = scale_j · norm_j with scale_j a power of two near max |x_ij| (as Math.hypot scales): no
  // overflow or underflow at any magnitude, and r_ij = (x_ij / scale_j) / norm_j is the very number
  // x_ij / ‖x_·j‖₂ would be (dividing by a power of two is exact)
  const scale = Array.from(maxAbs, powerOfTwoNear)
  const norm = new Float64Array(n)
  for (let i = 0; i < m; i++)
    for (let j = 0; j < n; j++) {
      const x = matrix[i]![j]! / scale[j]!
      norm[j]! += x * x
    }
  for (let j = 0; j < n; j++) norm[j] = Math.sqrt(norm[j]!)
  const v = new Float64Array(m * n)
  const ideal = new Float64Array(n)
  const anti = new Float64Array(n)
  for (let j = 0; j < n; j++) {
    let hi = -Infinity
    let lo = Infinity
    for (let i = 0; i < m; i++) {
      const x = norm[j]! > 0 ? (w[j]! * (matrix[i]![j]! / scale[j]!)) / norm[j]! : 0
      v[i * n + j] = x
      if (x > hi) hi = x
      if (x < lo) lo = x
    }
    ideal[j] = benefit[j] ? hi : lo
    anti[j] = benefit[j] ? lo : hi
  }
  const toIdeal: number[] = []
  const toAnti: number[] = []
  const closeness: number[] = []
  for (let i = 0; i < m; i++) {
    let sp = 0
    let sm = 0
    for (let j = 0; j < n; j++) {
      const x = v[i * n + j]!
      sp += (x - ideal[j]!) ** 2
      sm += (x - anti[j]!) ** 2
    }
    sp = Math.sqrt(sp)
    sm = Math.sqrt(sm)
    toIdeal.push(sp)
    toAnti.push(sm)
    closeness.push(sp + sm > 0 ? sm / (sp + sm) : 0.5)
  }
  const order = closeness
    .map((_, i) => i)
    .sort((a, b) => {
      const d = closeness[b]! - closeness[a]!
      if (d !== 0) return d
      if (ids !== undefined) return ids[a]! < ids[b]! ? -1 : ids[a]! > ids[b]! ? 1 : a - b
      return a - b
    })
  const rank = new Array<number>(m)
  order.forEach((row, k) => (rank[row] = k + 1))
  return right({
    weights: w,
    ideal: Array.from(ideal),
    antiIdeal: Array.from(anti),
    toIdeal,
    toAntiIdeal: toAnti,
    closeness,
    order,
    rank,
  })
}
