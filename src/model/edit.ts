/**
 * Variations of a built model without rebuilding it: changed bounds, costs
 * and row bounds, and extra rows (cuts). Ranking, explanation and diagnosis
 * re-solve one formulation many times through these; unchanged arrays are
 * shared, changed ones copied once.
 *
 * @module
 */
import { isMilpEdit, requireArgument, requireShape } from '../io/door.js'
import type { Milp } from './milp.js'

/** A row to append. @category Model */
export interface ExtraRow {
  readonly name: string
  readonly cols: readonly number[]
  readonly coefs: readonly number[]
  readonly lower: number
  readonly upper: number
}

/** What to change. @category Model */
export interface MilpEdit {
  readonly colBounds?: readonly (readonly [col: number, lower: number, upper: number])[]
  readonly colCosts?: readonly (readonly [col: number, cost: number])[]
  readonly rowBounds?: readonly (readonly [row: number, lower: number, upper: number])[]
  readonly rows?: readonly ExtraRow[]
}

/**
 * A copy of `m` with the edit applied; `m` is unchanged.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Model
 * @example
 * editMilp(m, { colBounds: [[3, 1, 1]] }).colLower[3] //=> 1
 */
export function editMilp(m: Milp, e: MilpEdit): Milp {
  requireShape('editMilp', 'm', 'milp', m)
  requireArgument(
    'editMilp',
    'e',
    'a MilpEdit (colBounds, colCosts, rowBounds, rows: arrays)',
    e,
    isMilpEdit(e),
  )
  let { colLower, colUpper, colCost, rowLower, rowUpper, rowStarts, rowIndex, rowValue, rowNames } = m
  if (e.colBounds !== undefined && e.colBounds.length > 0) {
    colLower = colLower.slice()
    colUpper = colUpper.slice()
    for (const [c, lo, hi] of e.colBounds) {
      colLower[c] = lo
      colUpper[c] = hi
    }
  }
  if (e.colCosts !== undefined && e.colCosts.length > 0) {
    colCost = colCost.slice()
    for (const [c, v] of e.colCosts) colCost[c] = v
  }
  const extra = e.rows ?? []
  if ((e.rowBounds !== undefined && e.rowBounds.length > 0) || extra.length > 0) {
    const n = rowLower.length
    const lower = new Float64Array(n + extra.length)
    const upper = new Float64Array(n + extra.length)
    lower.set(rowLower)
    upper.set(rowUpper)
    for (const [r, lo, hi] of e.rowBounds ?? []) {
      lower[r] = lo
      upper[r] = hi
    }
    extra.forEach((r, i) => {
      lower[n + i] = r.lower
      upper[n + i] = r.upper
    })
    rowLower = lower
    rowUpper = upper
  }
  if (extra.length > 0) {
    // CSR wants each row's columns ascending and unique: sum duplicates, drop zeros.
    const merged = extra.map((r) => {
      const m = new Map<number, number>()
      r.cols.forEach((c, k) => m.set(c, (m.get(c) ?? 0) + r.coefs[k]!))
      return [...m].filter(([, v]) => v !== 0).sort((x, y) => x[0] - y[0])
    })
    const added = merged.reduce((s, r) => s + r.length, 0)
    const starts = new Int32Array(rowStarts.length + extra.length)
    starts.set(rowStarts)
    const index = new Int32Array(rowIndex.length + added)
    index.set(rowIndex)
    const value = new Float64Array(rowValue.length + added)
    value.set(rowValue)
    let at = rowIndex.length
    merged.forEach((entries, i) => {
      for (const [c, v] of entries) {
        index[at] = c
        value[at] = v
        at++
      }
      starts[rowStarts.length + i] = at
    })
    rowStarts = starts
    rowIndex = index
    rowValue = value
    rowNames = [...rowNames, ...extra.map((r) => r.name)]
  }
  return { ...m, colLower, colUpper, colCost, rowLower, rowUpper, rowStarts, rowIndex, rowValue, rowNames }
}

/** Where the violation of a row is measured in an elastic model. @category Model */
export interface ElasticRow {
  readonly row: number
  /** Columns measuring how far the row is violated (one per finite bound). */
  readonly cols: readonly number[]
}

/**
 * The elastic form of `m` (Chinneck's elastic filter): every listed row gets
 * a non-negative violation column per finite bound, entering the row so that
 * any activity becomes feasible. Objective costs are all zero: the caller
 * prices violations. Other rows and columns are unchanged.
 * @category Model
 */
export function elasticize(
  m: Milp,
  rows: readonly number[],
): { readonly milp: Milp; readonly elastic: readonly ElasticRow[] } {
  const n = m.colNames.length
  const extraByRow = new Map<number, [number, number][]>()
  const elastic: ElasticRow[] = []
  const names: string[] = []
  for (const r of rows) {
    const cols: number[] = []
    const entries: [number, number][] = []
    if (m.rowLower[r]! > -Infinity) {
      cols.push(n + names.length)
      entries.push([n + names.length, 1])
      names.push(`elastic:${m.rowNames[r]}:below`)
    }
    if (m.rowUpper[r]! < Infinity) {
      cols.push(n + names.length)
      entries.push([n + names.length, -1])
      names.push(`elastic:${m.rowNames[r]}:above`)
    }
    extraByRow.set(r, entries)
    elastic.push({ row: r, cols })
  }
  const added = names.length
  const starts = new Int32Array(m.rowStarts.length)
  const index = new Int32Array(m.rowIndex.length + added)
  const value = new Float64Array(m.rowValue.length + added)
  let at = 0
  for (let r = 0; r < m.rowNames.length; r++) {
    for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++) {
      index[at] = m.rowIndex[e]!
      value[at] = m.rowValue[e]!
      at++
    }
    // New columns have the highest indices, so appending keeps each row ascending.
    for (const [c, v] of extraByRow.get(r) ?? []) {
      index[at] = c
      value[at] = v
      at++
    }
    starts[r + 1] = at
  }
  const grow = (a: Float64Array, v: number) => {
    const out = new Float64Array(n + added)
    out.set(a)
    out.fill(v, n)
    return out
  }
  const integer = new Uint8Array(n + added)
  integer.set(m.integer)
  return {
    milp: {
      ...m,
      colNames: [...m.colNames, ...names],
      colCost: new Float64Array(n + added),
      colLower: grow(m.colLower, 0),
      colUpper: grow(m.colUpper, Infinity),
      integer,
      rowStarts: starts,
      rowIndex: index,
      rowValue: value,
    },
    elastic,
  }
}
