/**
 * The priced core's columns: which of the model's columns HiGHS holds, in
 * the order it holds them, how the first core is chosen and widened, and how
 * new columns are handed to HiGHS. The matrix is read row-wise only (pricing,
 * and the columns handed to HiGHS are gathered by one pass over the rows): no
 * column-wise copy, which at city scale would cost more memory than the rest
 * of the run.
 *
 * @module
 */
import type { Highs } from 'highs'
import { Best } from './best.js'
import type { Lagrangian } from './lagrangian.js'
import type { CoreArrays } from './types.js'
import { Workspace } from './workspace.js'

/** A HiGHS model instance. @internal */
export type HighsModel = ReturnType<Highs['createModel']>

/** Columns of highest cost per row in the first core. */
const PER_ROW = 3

/**
 * The most columns one row takes into the first core for its lower bound
 * (see {@link neededBy}); a row that needs more is left to the pricing's
 * Farkas rounds.
 */
const MOST_NEEDED = 1024

/**
 * How many of row `r`'s columns at their upper bound it takes at least to
 * reach its lower bound `L > 0`: `⌈L / (a·u)⌉` with `a·u` the largest entry
 * times column bound among its pricable columns; 0 when `L ≤ 0` or infinite.
 * A team's least number of unchanged posts (6 of its 7 holders, say) needs
 * six; three columns by cost make the first core infeasible, and the pricing
 * then finds the missing ones a Farkas round at a time (ten rounds, 16 s, at
 * a general election of 5,000 cadres).
 */
function neededBy(m: CoreArrays, r: number): number {
  const low = m.rowLower[r]!
  if (!(low > 0) || low === Infinity) return 0
  let most = 0
  for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++) {
    const j = m.rowIndex[e]!
    if (m.pricable[j] === 1) most = Math.max(most, m.rowValue[e]! * m.colUpper[j]!)
  }
  return most > 0 ? Math.ceil(low / most - 1e-9) : 0
}

/** Entries per column (a small function of its own, which V8 optimises apart from its callers). */
function countEntries(index: Int32Array, count: Int32Array): Int32Array {
  for (let e = 0; e < index.length; e++) count[index[e]!]!++
  return count
}

/**
 * Gives `model` the rows of `m` (maximised) and no column yet: the core's
 * columns are added by {@link CoreColumns.pass}. `fin` maps ±∞ to HiGHS's.
 * @internal
 */
export function passRows(highs: Highs, model: HighsModel, m: CoreArrays, fin: (v: number) => number): void {
  const nr = m.rowLower.length
  model.passModel({
    numCols: 0,
    numRows: nr,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(0),
    colLower: new Float64Array(0),
    colUpper: new Float64Array(0),
    rowLower: m.rowLower.map(fin),
    rowUpper: m.rowUpper.map(fin),
    matrix: {
      format: 'csc',
      numRows: nr,
      numCols: 0,
      starts: new Int32Array(1),
      indices: new Int32Array(0),
      values: new Float64Array(0),
    },
  })
}

/** The core's columns of one run. @internal */
export class CoreColumns {
  /** 1 for a column in the core. */
  readonly inCore: Uint8Array
  /** The core's columns, in HiGHS's order. */
  readonly order: number[] = []
  /** How many of {@link order} HiGHS holds (the rest are passed by {@link pass}). */
  passed = 0
  /** Rows of every column. */
  readonly colCount: Int32Array
  /** Columns of highest cost per row taken by {@link widen}. */
  private perRow = PER_ROW
  /** 1 for a column of the start (kept in every core, so that HiGHS can take the start). */
  private readonly started: Uint8Array
  /** Where each column being passed goes (−1: not passed now), reused across passes. */
  private readonly slot: Int32Array

  constructor(
    private m: CoreArrays,
    private readonly lagrangian: Lagrangian,
    start: { readonly indices: Int32Array; readonly values: Float64Array } | undefined,
    ws: Workspace = new Workspace(),
  ) {
    const nc = m.colCost.length
    this.inCore = ws.u8('columns.inCore', nc)
    this.colCount = countEntries(m.rowIndex, ws.i32('columns.colCount', nc))
    this.slot = ws.i32('columns.slot', nc, -1)
    this.started = ws.u8('columns.started', start === undefined ? 0 : nc)
    if (start !== undefined)
      for (let k = 0; k < start.indices.length; k++) {
        const j = start.indices[k]!
        if (j >= 0 && j < nc && start.values[k] !== 0) this.started[j] = 1
      }
  }

  /**
   * The model gained rows at its end (`m`: the same columns, those rows
   * appended): HiGHS takes them over the core's columns, keeping its basis
   * (the new rows join it basic), and the columns passed from now on carry
   * their entries in them.
   */
  extend(model: HighsModel, m: CoreArrays, fin: (v: number) => number): void {
    const { rowStarts, rowIndex, rowValue, rowLower, rowUpper } = m
    const { slot, order, colCount } = this
    const from = this.m.rowLower.length
    const nr = rowLower.length
    this.m = m
    if (nr <= from) return
    for (let e = rowStarts[from]!; e < rowStarts[nr]!; e++) colCount[rowIndex[e]!]!++
    order.forEach((j, k) => (slot[j] = k))
    const starts = new Int32Array(nr - from + 1)
    const index: number[] = []
    const value: number[] = []
    for (let r = from; r < nr; r++) {
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
        const k = slot[rowIndex[e]!]!
        if (k < 0) continue
        index.push(k)
        value.push(rowValue[e]!)
      }
      starts[r - from + 1] = index.length
    }
    for (const j of order) slot[j] = -1
    model.addRows({
      lower: rowLower.slice(from).map(fin),
      upper: rowUpper.slice(from).map(fin),
      matrix: {
        format: 'csr',
        numRows: nr - from,
        numCols: order.length,
        starts,
        indices: Int32Array.from(index),
        values: Float64Array.from(value),
      },
    })
  }

  /** Column `j` joins the core (at the end of {@link order}); the bound takes its term at once. */
  join(j: number): void {
    if (this.inCore[j] === 0) {
      this.inCore[j] = 1
      this.order.push(j)
      this.lagrangian.count(j, 1)
    }
  }

  /**
   * A column the core never leaves out: one that is not pricable, a column of
   * a single row (a vacancy, say: the row's own slack), or one of the start's.
   */
  kept(j: number): boolean {
    return (
      this.m.pricable[j] === 0 || this.colCount[j]! <= 1 || (this.started.length > 0 && this.started[j] === 1)
    )
  }

  /** Every column the core never leaves out joins. */
  joinKept(): void {
    for (let j = 0; j < this.inCore.length; j++) if (this.kept(j)) this.join(j)
  }

  /**
   * The top pricable columns by cost of every row, among those that help it,
   * join: {@link perRow} of them, or one more than the row needs at its
   * lower bound when that is more (see {@link neededBy}).
   */
  widen(): void {
    const { colCost, pricable, rowStarts, rowIndex, rowValue, rowLower } = this.m
    const { inCore, perRow } = this
    const best = new Best(perRow)
    for (let r = 0; r < rowLower.length; r++) {
      const need = neededBy(this.m, r)
      const b = need < perRow ? best : new Best(Math.min(need + 1, MOST_NEEDED))
      b.clear()
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
        const j = rowIndex[e]!
        if (pricable[j] === 1 && inCore[j] === 0 && rowValue[e]! > 0) b.offer(j, colCost[j]!)
      }
      for (let i = 0; i < b.size; i++) this.join(b.column(i))
    }
  }

  /** An infeasible core: four times as many columns per row (12, 48, 192), then all of them. */
  grow(): void {
    this.perRow *= 4
    if (this.perRow > 256) for (let j = 0; j < this.inCore.length; j++) this.join(j)
    else this.widen()
  }

  /**
   * Hands the columns joined since the last pass to HiGHS, in {@link order}
   * (continuous, or with their integrality when `asInteger`).
   */
  pass(model: HighsModel, fin: (v: number) => number, asInteger: boolean): void {
    const { colCost, colLower, colUpper, integer, rowStarts, rowIndex, rowValue, rowLower } = this.m
    const { slot, colCount } = this
    const nr = rowLower.length
    const cols = this.order.slice(this.passed)
    if (cols.length === 0) return
    const starts = new Int32Array(cols.length + 1)
    let nnz = 0
    cols.forEach((j, k) => {
      slot[j] = k
      nnz += colCount[j]!
      starts[k + 1] = nnz
    })
    // One pass over the rows gathers the new columns' entries, in row order within each column.
    const index = new Int32Array(nnz)
    const value = new Float64Array(nnz)
    const at = starts.slice(0, cols.length)
    for (let r = 0; r < nr; r++)
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
        const k = slot[rowIndex[e]!]!
        if (k < 0) continue
        const p = at[k]!++
        index[p] = r
        value[p] = rowValue[e]!
      }
    for (const j of cols) slot[j] = -1
    const first = this.passed
    model.addCols({
      cost: Float64Array.from(cols, (j) => colCost[j]!),
      lower: Float64Array.from(cols, (j) => fin(colLower[j]!)),
      upper: Float64Array.from(cols, (j) => fin(colUpper[j]!)),
      matrix: { format: 'csc', numRows: nr, numCols: cols.length, starts, indices: index, values: value },
    })
    if (asInteger)
      model.changeColsIntegrality(
        { kind: 'range', from: first, to: first + cols.length - 1 },
        Int32Array.from(cols, (j) => integer[j]!),
      )
    this.passed = this.order.length
  }

  /**
   * The core's columns for which `leaves` holds leave it (HiGHS's copies too);
   * `B` drops their terms. Returns how many left.
   */
  drop(model: HighsModel, leaves: (j: number) => boolean): number {
    const { order, inCore } = this
    const mask = new Uint8Array(order.length)
    let dropped = 0
    order.forEach((j, k) => {
      if (leaves(j)) {
        mask[k] = 1
        inCore[j] = 0
        this.lagrangian.count(j, -1)
        dropped++
      }
    })
    if (dropped > 0) {
      model.deleteCols({ kind: 'mask', mask })
      let at = 0
      for (let k = 0; k < mask.length; k++) if (mask[k] === 0) order[at++] = order[k]!
      order.length = at
      this.passed = at
    }
    return dropped
  }

  /**
   * The MILP core within `gamma` of the bound: every column the core keeps,
   * and every column a solution worth at least `B − γ` may use
   * (`reach_j ≥ −γ`, see `Lagrangian.reach`); the core's other columns leave
   * and the model's that qualify join. At most `most` columns in all: the
   * core's columns first, then those left out, the nearest first; columns
   * join within the column budget, which never makes one of the core's leave.
   * Should the optimum lie further below the bound, the proof brings back
   * the columns it needs.
   */
  within(model: HighsModel, fin: (v: number) => number, gamma: number, most = this.m.maxCoreColumns): void {
    const { inCore, lagrangian } = this
    const { pricable } = this.m
    const nc = inCore.length
    let keptCount = 0
    const inside: number[] = []
    const outside: number[] = []
    for (let j = 0; j < nc; j++)
      if (this.kept(j)) keptCount += inCore[j]!
      else if (pricable[j] === 1 && lagrangian.reach(j) >= -gamma)
        (inCore[j] === 1 ? inside : outside).push(j)
    const nearest = (cols: number[], room: number) => {
      if (cols.length <= room) return
      const reach = Float64Array.from(cols, (j) => lagrangian.reach(j))
      const rank = Int32Array.from(cols.keys()).sort((a, b) => reach[b]! - reach[a]! || cols[a]! - cols[b]!)
      const taken = new Uint8Array(cols.length)
      for (let k = 0; k < room; k++) taken[rank[k]!] = 1
      let at = 0
      for (let k = 0; k < cols.length; k++) if (taken[k] === 1) cols[at++] = cols[k]!
      cols.length = at
    }
    nearest(inside, Math.max(0, most - keptCount))
    nearest(outside, Math.max(0, Math.min(most, this.m.maxCoreColumns) - keptCount - inside.length))
    const stays = this.slot
    for (const j of inside) stays[j] = -2
    this.drop(model, (j) => !this.kept(j) && stays[j] !== -2)
    for (const j of inside) stays[j] = -1
    for (const j of outside) this.join(j)
    this.pass(model, fin, false)
  }

  /** Every column of the core takes its integrality (the LP core becomes the MILP core). */
  makeInteger(model: HighsModel): void {
    const { order } = this
    const { integer } = this.m
    if (order.length > 0)
      model.changeColsIntegrality(
        { kind: 'range', from: 0, to: order.length - 1 },
        Int32Array.from(order, (j) => integer[j]!),
      )
  }
}
