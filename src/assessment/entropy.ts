/**
 * Objective weights from the data (entropy weight method) and their
 * combination with subjective (AHP) weights. See docs/assessment.md.
 *
 * @module
 */
import { SHAPES, invalidArgument, requireArgument, requireShape, type InvalidArgument } from '../io/door.js'
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { powerOfTwoNear } from './mean.js'

/** Why the entropy method gives no weights. @category Assessment */
export type EntropyError =
  | { readonly _tag: 'TooFewRows'; readonly rows: number }
  | {
      readonly _tag: 'NotRectangular'
      readonly row: number
      readonly columns: number
      readonly expected: number
    }
  /** A value below 0. */
  | { readonly _tag: 'Negative'; readonly row: number; readonly column: number; readonly value: number }
  /** A value that is not a finite number (`NaN`, `Infinity`). */
  | { readonly _tag: 'NotFinite'; readonly row: number; readonly column: number; readonly value: number }
  /** Every column is constant (or all zero): the data say nothing about weights. */
  | { readonly _tag: 'NoVariation' }
  /** `rows` is not an array of arrays of numbers. */
  | InvalidArgument

/** Entropy weights and the per-criterion entropies behind them. @category Assessment */
export interface EntropyResult {
  /** Weights d_j / Σ d, summing to 1. */
  readonly weights: readonly number[]
  /** Entropy e_j in [0, 1] of each criterion. */
  readonly entropy: readonly number[]
  /** Diversification d_j = 1 − e_j. */
  readonly diversity: readonly number[]
}

/**
 * Entropy weights of a data matrix (rows: alternatives, columns: criteria,
 * values ≥ 0): p_ij = x_ij / Σ_i x_ij, e_j = −Σ_i p_ij ln p_ij / ln m (0 ln 0
 * = 0), d_j = 1 − e_j, w_j = d_j / Σ d. A criterion that varies more gets
 * more weight; a constant one gets none. Scaling a column by a positive
 * factor changes nothing, at any magnitude (each column is summed scaled by
 * a power of two near its largest value, so the sum cannot overflow).
 *
 * @param rows - m ≥ 2 rows of n finite non-negative numbers
 * @returns the weights, or an {@link EntropyError}
 * @category Assessment
 * @example
 * entropyWeights([[1, 5], [1, 1]])   // the first column is constant
 * //=> right({ weights: [0, 1], ... })
 */
export function entropyWeights(rows: readonly (readonly number[])[]): Either<EntropyError, EntropyResult> {
  if (!SHAPES.matrix.test(rows)) return left(invalidArgument('rows', SHAPES.matrix.expected, rows))
  const m = rows.length
  if (m < 2) return left({ _tag: 'TooFewRows', rows: m })
  const n = rows[0]!.length
  const colMax = new Float64Array(n)
  for (let i = 0; i < m; i++) {
    const r = rows[i]!
    if (r.length !== n) return left({ _tag: 'NotRectangular', row: i, columns: r.length, expected: n })
    for (let j = 0; j < n; j++) {
      const v = r[j]!
      if (!Number.isFinite(v)) return left({ _tag: 'NotFinite', row: i, column: j, value: v })
      if (!(v >= 0)) return left({ _tag: 'Negative', row: i, column: j, value: v })
      if (v > colMax[j]!) colMax[j] = v
    }
  }
  // p_ij = (x_ij / s_j) / Σ_i (x_ij / s_j) with s_j a power of two: the same numbers as x_ij / Σ_i x_ij
  // (dividing by a power of two is exact), without the sum overflowing near the largest double
  const scale = Array.from(colMax, powerOfTwoNear)
  const colSum = new Float64Array(n)
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) colSum[j]! += rows[i]![j]! / scale[j]!
  const lnM = Math.log(m)
  const entropy = new Float64Array(n)
  for (let j = 0; j < n; j++) {
    if (!(colSum[j]! > 0)) {
      entropy[j] = 1
      continue
    }
    let h = 0
    for (let i = 0; i < m; i++) {
      const p = rows[i]![j]! / scale[j]! / colSum[j]!
      if (p > 0) h -= p * Math.log(p)
    }
    entropy[j] = Math.min(1, h / lnM)
  }
  const diversity = Array.from(entropy, (e) => 1 - e)
  // a column constant to rounding counts as constant
  for (let j = 0; j < n; j++) if (diversity[j]! < 1e-12) diversity[j] = 0
  const total = diversity.reduce((a, b) => a + b, 0)
  if (!(total > 0)) return left({ _tag: 'NoVariation' })
  return right({ weights: diversity.map((d) => d / total), entropy: Array.from(entropy), diversity })
}

/**
 * How subjective and objective weights are combined: `linear`
 * w = α·a + (1 − α)·b; `multiplicative` w = a·b / Σ a·b (a criterion either
 * method gives no weight keeps none).
 * @category Assessment
 */
export type WeightCombination =
  { readonly method: 'linear'; readonly alpha: number } | { readonly method: 'multiplicative' }

/** The default combination: linear, half and half. @category Assessment */
export const DEFAULT_COMBINATION: WeightCombination = { method: 'linear', alpha: 0.5 }

/**
 * Combines subjective weights (e.g. AHP) with objective ones (e.g. entropy).
 * Both are first normalised to sum 1; the result sums to 1.
 *
 * @param subjective - finite weights ≥ 0 with a positive sum
 * @param objective - finite weights ≥ 0 with a positive sum, same length
 * @param how - {@link DEFAULT_COMBINATION} unless given
 * @throws RangeError when lengths differ, a weight is negative or not finite (`NaN`, `Infinity`),
 *   a sum is not positive, α is outside [0, 1], or a multiplicative product is zero everywhere
 *   (programmer errors)
 * @category Assessment
 * @example
 * combineWeights([0.5, 0.5], [0.8, 0.2])
 * //=> [0.65, 0.35]
 */
export function combineWeights(
  subjective: readonly number[],
  objective: readonly number[],
  how: WeightCombination = DEFAULT_COMBINATION,
): number[] {
  requireShape('combineWeights', 'subjective', 'numbers', subjective)
  requireShape('combineWeights', 'objective', 'numbers', objective)
  requireArgument(
    'combineWeights',
    'how',
    "{ method: 'linear', alpha } or { method: 'multiplicative' }",
    how,
    typeof how === 'object' && how !== null && (how.method === 'linear' || how.method === 'multiplicative'),
  )
  if (subjective.length !== objective.length)
    throw new RangeError(
      `combineWeights: objective: expected ${subjective.length} weights (as many as subjective), got ${objective.length}`,
    )
  const a = normalised(subjective, 'subjective')
  const b = normalised(objective, 'objective')
  if (how.method === 'linear') {
    if (!(how.alpha >= 0 && how.alpha <= 1))
      throw new RangeError(`combineWeights: how.alpha: expected a number in 0–1, got ${how.alpha}`)
    return a.map((x, j) => how.alpha * x + (1 - how.alpha) * b[j]!)
  }
  return normalised(
    a.map((x, j) => x * b[j]!),
    'subjective × objective',
  )
}

function normalised(w: readonly number[], what: string): number[] {
  let s = 0
  let max = 0
  for (let j = 0; j < w.length; j++) {
    const x = w[j]!
    if (!(x >= 0) || !Number.isFinite(x))
      throw new RangeError(`combineWeights: ${what}[${j}]: expected a finite weight ≥ 0, got ${x}`)
    s += x
    if (x > max) max = x
  }
  if (!(s > 0)) throw new RangeError(`combineWeights: ${what}: expected weights with a positive sum`)
  if (s === Infinity) {
    // finite weights whose sum overflows: sum them scaled by a power of two (exact), as entropyWeights does
    const k = powerOfTwoNear(max)
    const scaled = w.map((x) => x / k)
    const t = scaled.reduce((a, b) => a + b, 0)
    return scaled.map((x) => x / t)
  }
  return w.map((x) => x / s)
}
