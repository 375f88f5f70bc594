/**
 * A first solution from the LP point, before any core MILP. Once pricing has
 * reached the LP optimum (and the cuts have tightened it), the LP point of a
 * staffing model is integral but for a few hundred columns in short cycles.
 * The integer columns at an integral value keep it; a small MILP over the
 * others (the fractional ones and every continuous column), with each row's
 * bounds less what the kept columns take, decides the rest. Its solution is
 * one of the whole model: when it reaches the LP bound it is optimal without
 * any core MILP (the 10,000-cadre city: its LP point is integral but for a few
 * columns, and the MILP that proved it took 6 s), else it bounds the first
 * core MILP, whose core then holds only the columns that could beat it.
 *
 * @module
 */
import type { CoreContext } from './context.js'

/** An LP value this close to an integer is that integer. */
const INTEGRAL_TOL = 1e-9
/** A row missed by more than this (relative to its activity) is not met. */
const ROW_TOL = 1e-9

/** A solution of the whole model: its column values (the columns left out at 0) and objective. @internal */
export interface Point {
  readonly values: Float64Array
  readonly objective: number
}

/**
 * The LP point just solved (`x`, in the core's order), completed into a
 * solution of the whole model: `null` when the kept values already break a
 * row, or the small MILP finds no completion in the time given to it (a
 * tenth of what is left). An integral LP point needs no MILP.
 * @internal
 */
export function completeLpPoint(ctx: CoreContext, x: Float64Array): Point | null {
  const { m, columns, highs, fin } = ctx
  const { order } = columns
  const { integer, colCost, colLower, colUpper, rowLower, rowUpper, rowStarts, rowIndex, rowValue } = m
  const nc = colCost.length
  if (x.length !== order.length) return null
  const values = new Float64Array(nc)
  // Where each free column goes in the small MILP (−1: kept at its value or left out).
  const slot = new Int32Array(nc).fill(-1)
  const free: number[] = []
  for (let k = 0; k < order.length; k++) {
    const j = order[k]!
    const v = x[k]!
    const r = Math.round(v)
    if (integer[j] === 1 && Math.abs(v - r) <= INTEGRAL_TOL) values[j] = r
    else {
      slot[j] = free.length
      free.push(j)
    }
  }
  // Each row less what the kept columns take; the rows with a free column go to the MILP.
  const rows: number[] = []
  const lower: number[] = []
  const upper: number[] = []
  const starts: number[] = [0]
  const index: number[] = []
  const value: number[] = []
  for (let r = 0; r < rowLower.length; r++) {
    let act = 0
    const first = index.length
    for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
      const j = rowIndex[e]!
      if (slot[j]! >= 0) {
        index.push(slot[j]!)
        value.push(rowValue[e]!)
      } else act += rowValue[e]! * values[j]!
    }
    const tol = ROW_TOL * Math.max(1, Math.abs(act))
    if (index.length === first) {
      if (act < rowLower[r]! - tol || act > rowUpper[r]! + tol) return null
      continue
    }
    rows.push(r)
    lower.push(rowLower[r]! - act)
    upper.push(rowUpper[r]! - act)
    starts.push(index.length)
  }
  if (free.length > 0) {
    const solved = smallMilp(ctx, free, rows.length, lower, upper, starts, index, value)
    if (solved === null) return null
    free.forEach((j, k) => (values[j] = integer[j] === 1 ? Math.round(solved[k]!) : solved[k]!))
  }
  let objective = 0
  for (const j of order) objective += colCost[j]! * values[j]!
  for (const j of free) if (values[j]! < colLower[j]! - 1e-9 || values[j]! > colUpper[j]! + 1e-9) return null
  // The rows with a free column again, the MILP's values rounded: within HiGHS's tolerance.
  for (let i = 0; i < rows.length; i++) {
    let act = 0
    for (let e = starts[i]!; e < starts[i + 1]!; e++) act += value[e]! * values[free[index[e]!]!]!
    const tol = 1e-7 * Math.max(1, Math.abs(act))
    if (act < lower[i]! - tol || act > upper[i]! + tol) return null
  }
  return { values, objective }

  function smallMilp(
    c: CoreContext,
    cols: readonly number[],
    numRows: number,
    lo: readonly number[],
    up: readonly number[],
    st: readonly number[],
    ix: readonly number[],
    vs: readonly number[],
  ): Float64Array | null {
    const hm = highs.createModel()
    try {
      hm.passModel({
        numCols: cols.length,
        numRows,
        sense: highs.constants.objectiveSense.maximize,
        colCost: Float64Array.from(cols, (j) => colCost[j]!),
        colLower: Float64Array.from(cols, (j) => fin(colLower[j]!)),
        colUpper: Float64Array.from(cols, (j) => fin(colUpper[j]!)),
        rowLower: Float64Array.from(lo, fin),
        rowUpper: Float64Array.from(up, fin),
        matrix: {
          format: 'csr',
          numRows,
          numCols: cols.length,
          starts: Int32Array.from(st),
          indices: Int32Array.from(ix),
          values: Float64Array.from(vs),
        },
        integrality: Int32Array.from(cols, (j) => integer[j]!),
      })
      const limit = Math.min(c.left(), Math.max(0.05, c.left() / 10))
      hm.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9, time_limit: limit })
      const cb = highs.constants.callbackType
      hm.run({ [cb.simplexInterrupt]: c.stop, [cb.mipInterrupt]: c.stop })
      const feasible =
        Number(hm.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible
      return feasible ? Float64Array.from(hm.getSolution().colValue) : null
    } finally {
      hm.dispose()
    }
  }
}
