/**
 * The analytic hierarchy process (AHP, Saaty): weights from a reciprocal
 * pairwise comparison matrix as its principal eigenvector, and the
 * consistency ratio CR = CI / RI with CI = (λmax − n) / (n − 1) and RI from
 * Saaty's random index table. A matrix with CR > 0.1 is an error value.
 *
 * @module
 */
import {
  SHAPES,
  checkOptions,
  invalidArgument,
  numberOption,
  type InvalidArgument,
  type InvalidOptions,
  type OptionSpec,
} from '../io/door.js'
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { EigenvalueDecomposition, Matrix } from 'ml-matrix'

/**
 * Saaty's random index RI(n) for n = 1…15: the mean consistency index of
 * random reciprocal matrices (Saaty, *The Analytic Hierarchy Process*, 1980,
 * for n ≤ 10; Saaty, *Fundamentals of Decision Making and Priority Theory*,
 * 2000, for n = 11…15). Index 0 is n = 1.
 * @category Assessment
 */
export const RANDOM_INDEX: readonly number[] = [
  0, 0, 0.58, 0.9, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49, 1.51, 1.48, 1.56, 1.57, 1.59,
]

/** The usual limit of the consistency ratio. @category Assessment */
export const MAX_CONSISTENCY_RATIO = 0.1

/**
 * The largest judgement `ahpWeights` reads, and its reciprocal the smallest:
 * 10⁴. Saaty's scale ends at 9; what people write beyond it — extended
 * scales (1–99), geometric means of several judges, ratios of measured
 * quantities, consistent matrices built from weights a hundredfold apart —
 * stays well within four orders of magnitude, and a judgement past them says
 * nothing a judgement of 10⁴ does not. It is also where the eigen solver is
 * sound: within it, over tens of thousands of random reciprocal matrices
 * (n ≤ 15, cells at the bounds), every weight is positive and A·w = λ·w holds
 * to 1e-8 in every component, where from about 10⁸ it gives negative weights
 * and near 10¹⁹⁵ never returns. A cell outside is refused (`OutOfRange`) and
 * never reaches the solver.
 */
const JUDGEMENT_LIMIT = 1e4

/** Weights of an AHP comparison matrix and its consistency. @category Assessment */
export interface AhpResult {
  /** Principal eigenvector normalised to sum 1; every weight positive. */
  readonly weights: readonly number[]
  /** Principal eigenvalue λmax (≥ n for a reciprocal matrix). */
  readonly lambdaMax: number
  /** Consistency index (λmax − n) / (n − 1); 0 for n ≤ 2. */
  readonly ci: number
  /** Random index RI(n). */
  readonly ri: number
  /** Consistency ratio CI / RI; 0 for n ≤ 2. */
  readonly cr: number
}

/**
 * Why an AHP matrix gives no weights: not a square positive reciprocal matrix
 * of judgements within 10⁻⁴–10⁴ (the cell is named), too large for the random index table, or too
 * inconsistent (the weights and CR are reported, not used).
 * @category Assessment
 */
export type AhpError =
  | { readonly _tag: 'NotSquare'; readonly rows: number; readonly row: number; readonly columns: number }
  | { readonly _tag: 'Empty' }
  | { readonly _tag: 'NotPositive'; readonly row: number; readonly column: number; readonly value: number }
  /** A judgement outside `min`–`max` (10⁻⁴–10⁴): far past Saaty's 1–9 scale, meaningless as a judgement. */
  | {
      readonly _tag: 'OutOfRange'
      readonly row: number
      readonly column: number
      readonly value: number
      readonly min: number
      readonly max: number
    }
  | {
      readonly _tag: 'NotReciprocal'
      readonly row: number
      readonly column: number
      readonly value: number
      readonly transposed: number
    }
  | { readonly _tag: 'TooLarge'; readonly n: number; readonly max: number }
  | ({ readonly _tag: 'Inconsistent'; readonly maxCr: number } & AhpResult)
  /** `matrix` is not an array of arrays of numbers. */
  | InvalidArgument
  /** An option out of its range. */
  | InvalidOptions

/** The checks of {@link AhpOptions}' keys. @internal */
const AHP_OPTION_SPEC: OptionSpec = {
  maxCr: { expected: 'a number ≥ 0 (Infinity: no limit)', test: (v) => typeof v === 'number' && v >= 0 },
  tolerance: numberOption({ min: 0 }),
}

/** Options of {@link ahpWeights}. @category Assessment */
export interface AhpOptions {
  /** Largest acceptable CR. @defaultValue 0.1 */
  readonly maxCr?: number
  /** Relative tolerance of the reciprocity check a_ji · a_ij = 1. @defaultValue 1e-6 */
  readonly tolerance?: number
}

/**
 * AHP weights of a pairwise comparison matrix: `matrix[i][j]` says how much
 * more important criterion i is than j (Saaty's 1–9 scale), and
 * `matrix[j][i] = 1 / matrix[i][j]`. A judgement outside 10⁻⁴–10⁴ is
 * refused (`OutOfRange`, naming the cell): no scale of judgements reaches
 * it, and the eigen solver is not trusted there.
 *
 * @param matrix - a square positive reciprocal matrix, rows of equal length (n ≤ 15), judgements within 10⁻⁴–10⁴
 * @param options - the CR limit and the reciprocity tolerance
 * @returns the weights with λmax, CI, RI and CR; or an {@link AhpError}
 * @category Assessment
 * @example
 * ahpWeights([[1, 2], [0.5, 1]])
 * //=> right({ weights: [0.6667, 0.3333], lambdaMax: 2, ci: 0, ri: 0, cr: 0 })
 */
export function ahpWeights(
  matrix: readonly (readonly number[])[],
  options: AhpOptions = {},
): Either<AhpError, AhpResult> {
  if (!SHAPES.matrix.test(matrix)) return left(invalidArgument('matrix', SHAPES.matrix.expected, matrix))
  const opts = checkOptions<AhpOptions>(options, AHP_OPTION_SPEC)
  if (opts._tag === 'Left') return opts
  const { maxCr = MAX_CONSISTENCY_RATIO, tolerance = 1e-6 } = options
  const n = matrix.length
  if (n === 0) return left({ _tag: 'Empty' })
  for (let i = 0; i < n; i++) {
    const row = matrix[i]!
    if (row.length !== n) return left({ _tag: 'NotSquare', rows: n, row: i, columns: row.length })
    for (let j = 0; j < n; j++) {
      const v = row[j]!
      if (!(v > 0) || !Number.isFinite(v)) return left({ _tag: 'NotPositive', row: i, column: j, value: v })
      if (v > JUDGEMENT_LIMIT || v < 1 / JUDGEMENT_LIMIT)
        return left({
          _tag: 'OutOfRange',
          row: i,
          column: j,
          value: v,
          min: 1 / JUDGEMENT_LIMIT,
          max: JUDGEMENT_LIMIT,
        })
    }
  }
  for (let i = 0; i < n; i++)
    for (let j = i; j < n; j++) {
      const a = matrix[i]![j]!
      const b = matrix[j]![i]!
      if (Math.abs(a * b - 1) > tolerance)
        return left({ _tag: 'NotReciprocal', row: i, column: j, value: a, transposed: b })
    }
  if (n > RANDOM_INDEX.length) return left({ _tag: 'TooLarge', n, max: RANDOM_INDEX.length })
  const result = principal(matrix)
  return result.cr > maxCr ? left({ _tag: 'Inconsistent', maxCr, ...result }) : right(result)
}

/** Principal eigenpair by ml-matrix's EigenvalueDecomposition, then CI, RI and CR. */
function principal(matrix: readonly (readonly number[])[]): AhpResult {
  const n = matrix.length
  if (n === 1) return { weights: [1], lambdaMax: 1, ci: 0, ri: 0, cr: 0 }
  const eig = new EigenvalueDecomposition(new Matrix(matrix.map((r) => [...r])))
  const re = eig.realEigenvalues
  const im = eig.imaginaryEigenvalues
  // the Perron root of a positive matrix is real and largest; ties impossible, first index wins
  let k = 0
  for (let i = 1; i < n; i++) if (Math.abs(im[i]!) < 1e-12 && re[i]! > re[k]!) k = i
  const vectors = eig.eigenvectorMatrix
  let sum = 0
  const v = new Float64Array(n)
  for (let i = 0; i < n; i++) {
    v[i] = vectors.get(i, k)
    sum += v[i]!
  }
  const weights = Array.from(v, (x) => x / sum)
  const lambdaMax = re[k]!
  if (n <= 2) return { weights, lambdaMax, ci: 0, ri: 0, cr: 0 }
  // λmax ≥ n in exact arithmetic; a rounding excess below n is not inconsistency
  const ci = Math.max(0, (lambdaMax - n) / (n - 1))
  const ri = RANDOM_INDEX[n - 1]!
  return { weights, lambdaMax, ci, ri, cr: ci / ri }
}
