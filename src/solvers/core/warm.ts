/**
 * What a priced-core run takes from the solve before it (`CoreArrays.warm`,
 * same columns; bounds, costs or rows edited): the earlier LP core first and
 * in its order, with its simplex basis extended to the new columns and rows;
 * a MILP core cut to the columns a solution within the earlier LP–MILP gap
 * may use; the earlier solution as the first incumbent, fitted to the edited
 * model, with the rows it breaks left free around for HiGHS to repair.
 *
 * @module
 */
import type { CoreContext } from './context.js'
import type { MilpArrays } from '../highs-run.js'
import type { CoreArrays, CoreWarm } from './types.js'

/**
 * A warm MILP core holds the columns within this many times the earlier LP–MILP
 * gap of the LP bound: a small edit moves the gap little (a larger move costs
 * one more MILP round).
 */
const GAP_MARGIN = 1.1

/**
 * The earlier LP core joins first, in its order. Returns whether its basis
 * still fits (every column in range, no fewer rows than before).
 * @internal
 */
export function joinWarmCore(ctx: CoreContext, warm: CoreWarm): boolean {
  const nc = ctx.m.colCost.length
  let fits = warm.rowStatus.length <= ctx.m.rowLower.length && warm.colStatus.length === warm.core.length
  for (const j of warm.core)
    if (j >= 0 && j < nc && ctx.columns.inCore[j] === 0) ctx.columns.join(j)
    else fits = false
  return fits
}

/**
 * The earlier basis, extended to the core as passed: new columns at a finite
 * bound, appended rows basic. A basis HiGHS will not take is only a lost hint.
 * @internal
 */
export function setWarmBasis(ctx: CoreContext, warm: CoreWarm): void {
  const { colLower, colUpper, rowLower } = ctx.m
  const { order } = ctx.columns
  const bs = ctx.highs.constants.basisStatus
  const colStatus = new Int32Array(order.length)
  colStatus.set(warm.colStatus)
  for (let k = warm.core.length; k < order.length; k++) {
    const j = order[k]!
    colStatus[k] = Number.isFinite(colLower[j]!)
      ? bs.lower
      : Number.isFinite(colUpper[j]!)
        ? bs.upper
        : bs.zero
  }
  const rowStatus = new Int32Array(rowLower.length).fill(bs.basic)
  rowStatus.set(warm.rowStatus)
  try {
    ctx.model.setBasis({ colStatus, rowStatus })
  } catch {
    // A lost hint.
  }
}

/**
 * The LP–MILP gap a warm run expects (its first MILP core holds the columns
 * within it of the bound, see `firstMilpCore`): the earlier gap, with a margin.
 * @internal
 */
export function warmGap(warm: CoreWarm): number {
  return warm.gap * GAP_MARGIN
}

/**
 * A start fitted to a model: values of integer columns rounded (a start found
 * by HiGHS is integral within its tolerance) and every value clamped to its
 * column's bounds; the rows it still violates (beyond 1e-6), and its objective
 * value when it violates none (−∞ otherwise). @internal
 */
export function fitStart(
  m: MilpArrays,
  start: { readonly indices: Int32Array; readonly values: Float64Array },
): { x: Float64Array; violated: number[]; value: number } {
  // Local names for the arrays: one property load per run, not one per entry.
  const { colCost, colLower, colUpper, integer, rowLower, rowUpper, rowStarts, rowIndex, rowValue } = m
  const nc = colCost.length
  const x = new Float64Array(nc)
  for (let k = 0; k < start.indices.length; k++) {
    const j = start.indices[k]!
    if (j >= 0 && j < nc) x[j] = start.values[k]!
  }
  for (let j = 0; j < nc; j++) {
    const v = integer[j] === 1 ? Math.round(x[j]!) : x[j]!
    x[j] = Math.min(colUpper[j]!, Math.max(colLower[j]!, v))
  }
  const violated: number[] = []
  for (let r = 0; r < rowLower.length; r++) {
    let act = 0
    for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) act += rowValue[e]! * x[rowIndex[e]!]!
    // Written to fail on NaN too: a start holding NaN violates the rows it is in.
    if (!(act >= rowLower[r]! - 1e-6 && act <= rowUpper[r]! + 1e-6)) violated.push(r)
  }
  let value = -Infinity
  if (violated.length === 0) {
    value = 0
    for (let j = 0; j < nc; j++) if (x[j] !== 0) value += colCost[j]! * x[j]!
  }
  return { x, violated, value }
}

/**
 * The core columns a repair leaves free around the rows a start violates:
 * the columns of those rows, then ring after ring of the rows that share a
 * freed column (`depth` rings in all; a lock moves a cadre, whose post needs a
 * holder, whose post needs one…). Past the violated rows, a row with more
 * than `wide` core columns (a team's or the county's count) and every row of
 * the last ring free only their slacks (columns of a single row). `order`
 * lists the core's columns; `colCount` is the number of rows of every column.
 * @internal
 */
export function repairRings(
  m: CoreArrays,
  violated: readonly number[],
  inCore: Uint8Array,
  order: readonly number[],
  colCount: Int32Array,
  depth: number,
  wide: number,
): Uint8Array {
  // Local names for the arrays: one property load per run, not one per entry.
  const { colCost, rowLower, rowStarts, rowIndex } = m
  const nc = colCost.length
  const nr = rowLower.length
  // The rows of each core column, gathered in one pass over the rows.
  const place = new Int32Array(nc).fill(-1)
  const at = new Int32Array(order.length + 1)
  order.forEach((j, k) => {
    place[j] = k
    at[k + 1] = at[k]! + colCount[j]!
  })
  const rowsOf = new Int32Array(at[order.length]!)
  const fill = at.slice(0, order.length)
  for (let r = 0; r < nr; r++)
    for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
      const k = place[rowIndex[e]!]!
      if (k >= 0) rowsOf[fill[k]!++] = r
    }
  const single = (j: number) => colCount[j]! <= 1
  const free = new Uint8Array(nc)
  const seen = new Uint8Array(nr)
  let rows = [...violated]
  for (const r of rows) seen[r] = 1
  for (let ring = 0; ring < depth; ring++) {
    const freed: number[] = []
    for (const r of rows) {
      let width = 0
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) width += inCore[rowIndex[e]!]!
      const all = ring === 0 || (ring < depth - 1 && width <= wide)
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
        const j = rowIndex[e]!
        if (inCore[j] === 1 && free[j] === 0 && (all || single(j))) {
          free[j] = 1
          freed.push(j)
        }
      }
    }
    // The next ring: the rows, not yet reached, of the columns just freed.
    const next: number[] = []
    for (const j of freed)
      for (let p = at[place[j]!]!; p < at[place[j]! + 1]!; p++) {
        const q = rowsOf[p]!
        if (seen[q] === 0) {
          seen[q] = 1
          next.push(q)
        }
      }
    rows = next
  }
  return free
}
