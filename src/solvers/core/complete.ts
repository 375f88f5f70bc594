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
import { sendIncumbent } from '../highs-run.js'
import { reportProgress, type CoreContext } from './context.js'
import { solveSmallMilp, type SmallMilpLimits } from './small-milp.js'

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
 * Hands a completed point to the caller as a new incumbent, with the
 * whole-model bound it stands against.
 * @internal
 */
export function announcePoint(ctx: CoreContext, point: Point): void {
  sendIncumbent(ctx.hooks, point.values, ctx.m.colCost.length, null, point.objective)
  reportProgress(ctx, point.objective, ctx.lagrangian.wholeModelBound(null, ctx.columns.inCore))
}

/**
 * An LP point (`x`, in the core's order; the core's columns past its end at
 * 0), completed into a solution of the whole model: `null` when the kept
 * values already break a row, or the small MILP finds no completion in the
 * time given to it (`limits`: a tenth of what is left unless told). An integral LP point needs no
 * MILP. `keep`: `'integral'` keeps every integer column at an integral value;
 * `'nonzero'` frees those at 0 too, unless at 1 one would overfill a row the
 * kept columns leave short of room — a larger MILP, for a point whose
 * fractional columns alone have no completion (the point of an LP optimum
 * on a core that pricing has not finished).
 * @internal
 */
export function completeLpPoint(
  ctx: CoreContext,
  x: Float64Array,
  keep: 'integral' | 'nonzero' = 'integral',
  limits: SmallMilpLimits = {},
): Point | null {
  const { m, columns, highs } = ctx
  const { order } = columns
  const { integer, colCost, colLower, colUpper, rowLower, rowUpper, rowStarts, rowIndex, rowValue } = m
  const nc = colCost.length
  if (x.length > order.length) return null
  const values = new Float64Array(nc)
  // Where each free column goes in the small MILP (−1: kept at its value or left out).
  const slot = new Int32Array(nc).fill(-1)
  const free: number[] = []
  // Integer columns at 0 that 'nonzero' frees where the kept columns leave them room.
  const zeros: number[] = []
  for (let k = 0; k < order.length; k++) {
    const j = order[k]!
    const v = k < x.length ? x[k]! : 0
    const r = Math.round(v)
    if (integer[j] === 1 && Math.abs(v - r) <= INTEGRAL_TOL) {
      values[j] = r
      if (keep === 'nonzero' && r === 0 && colUpper[j]! > 0) zeros.push(j)
    } else {
      slot[j] = free.length
      free.push(j)
    }
  }
  if (zeros.length > 0) {
    // A column at 0 stays there when at 1 it alone would overfill a row the kept columns left
    // short of room (a post already filled, a cadre already placed); the rest are free.
    const blocked = new Uint8Array(nc)
    for (let r = 0; r < rowLower.length; r++) {
      if (!Number.isFinite(rowUpper[r]!)) continue
      let act = 0
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
        const j = rowIndex[e]!
        if (slot[j] === -1) act += rowValue[e]! * values[j]!
      }
      const room = rowUpper[r]! - act + ROW_TOL * Math.max(1, Math.abs(act))
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++)
        if (rowValue[e]! > room) blocked[rowIndex[e]!] = 1
    }
    for (const j of zeros)
      if (blocked[j] === 0) {
        slot[j] = free.length
        free.push(j)
      }
  }
  // Each row less what the kept columns take; the rows with a free column go to the MILP.
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
    lower.push(rowLower[r]! - act)
    upper.push(rowUpper[r]! - act)
    starts.push(index.length)
  }
  if (free.length > 0) {
    const solved = solveSmallMilp(
      ctx,
      {
        cols: free,
        cost: Float64Array.from(free, (j) => colCost[j]!),
        rowLower: lower,
        rowUpper: upper,
        starts,
        index,
        value,
      },
      (hm) =>
        Number(hm.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible
          ? Float64Array.from(hm.getSolution().colValue)
          : null,
      limits,
    )
    if (solved === null) return null
    free.forEach((j, k) => (values[j] = integer[j] === 1 ? Math.round(solved[k]!) : solved[k]!))
  }
  let objective = 0
  for (const j of order) objective += colCost[j]! * values[j]!
  for (const j of free) if (values[j]! < colLower[j]! - 1e-9 || values[j]! > colUpper[j]! + 1e-9) return null
  // The rows with a free column again, the MILP's values rounded: within HiGHS's tolerance.
  for (let i = 0; i < lower.length; i++) {
    let act = 0
    for (let e = starts[i]!; e < starts[i + 1]!; e++) act += value[e]! * values[free[index[e]!]!]!
    const tol = 1e-7 * Math.max(1, Math.abs(act))
    if (act < lower[i]! - tol || act > upper[i]! + tol) return null
  }
  return { values, objective }
}
