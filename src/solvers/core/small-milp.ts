/**
 * A small MILP of a run's own (a block, the fractional part of an LP point):
 * its columns are some of the model's, with their bounds and integrality, its
 * rows given with their bounds in CSR. Solved on a HiGHS model of its own
 * within a tenth of the time left, stopped with the run.
 *
 * @module
 */
import type { HighsModel } from './columns.js'
import type { CoreContext } from './context.js'

/** The rows and costs of a small MILP over the model's columns `cols`. @internal */
export interface SmallMilp {
  readonly cols: readonly number[]
  readonly cost: Float64Array
  readonly rowLower: ArrayLike<number>
  readonly rowUpper: ArrayLike<number>
  readonly starts: readonly number[]
  readonly index: readonly number[]
  readonly value: readonly number[]
}

/** How far a small MILP may go: a share of the time left, and the relative gap it closes to. @internal */
export interface SmallMilpLimits {
  /** @defaultValue 0.1 (a tenth of the time left) */
  readonly share?: number
  /** @defaultValue 0 (proven optimal) */
  readonly relGap?: number
}

/**
 * Solves `p` (maximised) and hands the solved HiGHS model and its status name
 * to `read`, whose answer is returned; the model is disposed of after.
 * @internal
 */
export function solveSmallMilp<T>(
  ctx: CoreContext,
  p: SmallMilp,
  read: (hm: HighsModel, status: string) => T,
  { share = 0.1, relGap = 0 }: SmallMilpLimits = {},
): T {
  const { m, highs, fin } = ctx
  const { colLower, colUpper, integer } = m
  const numRows = p.rowLower.length
  const hm = highs.createModel()
  try {
    hm.passModel({
      numCols: p.cols.length,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: p.cost,
      colLower: Float64Array.from(p.cols, (j) => fin(colLower[j]!)),
      colUpper: Float64Array.from(p.cols, (j) => fin(colUpper[j]!)),
      rowLower: Float64Array.from(p.rowLower, fin),
      rowUpper: Float64Array.from(p.rowUpper, fin),
      matrix: {
        format: 'csr',
        numRows,
        numCols: p.cols.length,
        starts: Int32Array.from(p.starts),
        indices: Int32Array.from(p.index),
        values: Float64Array.from(p.value),
      },
      integrality: Int32Array.from(p.cols, (j) => integer[j]!),
    })
    // A share of the time left at most (a tenth unless told): one hard part must not take the
    // whole solve's time.
    const limit = Math.min(ctx.left(), Math.max(0.05, ctx.left() * share))
    hm.options.set({ output_flag: false, mip_rel_gap: relGap, mip_abs_gap: 1e-9, time_limit: limit })
    const cb = highs.constants.callbackType
    const run = hm.run({ [cb.simplexInterrupt]: ctx.stop, [cb.mipInterrupt]: ctx.stop })
    return read(hm, ctx.statusOf(run.modelStatus))
  } finally {
    hm.dispose()
  }
}
