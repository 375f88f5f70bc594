/**
 * A tighter bound for the priced core's proof, by blocks. Relax only the
 * model's linking rows (`Milp.linkingRows`: a staffing's cadre rows, one post
 * per cadre across teams) with their duals `u` from the LP: the other rows
 * fall apart into blocks (the parts they connect — a team each), and
 *
 *   c·x ≤ K + Σ_t V_t,   V_t = max { (c − uᵀA_link)·x_t : x_t meets block t's rows, integer }
 *
 * for every solution `x` (`K`: the linking rows' terms). The LP bound `B`
 * splits the same way, `B = K + Σ_t B_t` with `B_t` block `t`'s share of the
 * Lagrangian bound (its rows' and columns' terms), and `V_t ≤ B_t`; the
 * difference `g_t = B_t − V_t` is what the block's integrality costs, which
 * the LP cannot see. Most blocks' LP values are integral already (`g_t = 0`);
 * the others are solved whole as small MILPs over their core columns, a
 * solution that uses a left-out column `j` of the block being bounded by
 * `B_t + d_j` instead. Then, with `G = Σ_t g_t`,
 *
 *   every solution:                  c·x ≤ B − G
 *   a solution using left-out j ∈ t: c·x ≤ B − G + min(0, g_t + d_j)
 *
 * against `B + d_j` for the LP alone: a column of a block whose integrality
 * costs little can be left out when its reduced cost is far smaller in size
 * than the whole LP–MILP gap. On the sample county, 13 of 103 blocks are
 * fractional, `G` is 5.0 of the gap of 5.8, and the columns the proof must
 * admit fall from 5,736 to 1,966.
 *
 * The gaps hold for the duals they were computed with: a new LP clears them
 * (`Lagrangian.price`).
 *
 * @module
 */
import { reportProgress, type CoreContext } from './context.js'
import { solveSmallMilp } from './small-milp.js'
import type { CoreArrays } from './types.js'
import { Workspace } from './workspace.js'

/** The blocks of a model: the parts its rows connect once the linking rows are set aside. @internal */
export interface BlockPartition {
  readonly count: number
  /** Block of each row (−1: a linking row). */
  readonly ofRow: Int32Array
  /** Block of each column (−1: none — the column is on linking rows only, or on none). */
  readonly ofCol: Int32Array
  /** The rows of block `b`, ascending: `rows[rowStart[b] … rowStart[b + 1] − 1]`. */
  readonly rowStart: Int32Array
  readonly rows: Int32Array
}

/** Blocks with more core columns than this are not solved (their gap stays 0: valid, only weaker). */
const MAX_BLOCK_COLUMNS = 20_000

/** The root of `r`'s set, halving the path on the way. */
function find(parent: Int32Array, r: number): number {
  while (parent[r] !== r) {
    parent[r] = parent[parent[r]!]!
    r = parent[r]!
  }
  return r
}

/**
 * The blocks of `m`: `null` when it marks no linking rows or they do not split
 * it (fewer than two blocks). Rows past the end of `m.linkingRows` are linking.
 * @internal
 */
export function partition(m: CoreArrays, ws: Workspace = new Workspace()): BlockPartition | null {
  const linking = m.linkingRows
  if (linking === undefined) return null
  const { rowStarts, rowIndex } = m
  const nr = m.rowLower.length
  const nc = m.colCost.length
  const parent = ws.i32('blocks.parent', nr)
  for (let r = 0; r < nr; r++) parent[r] = r
  // Each column's first non-linking row; its later ones join that row's set.
  const first = ws.i32('blocks.ofCol', nc, -1)
  for (let r = 0; r < nr; r++) {
    if (r >= linking.length || linking[r] === 1) continue
    for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
      const j = rowIndex[e]!
      const f = first[j]!
      if (f < 0) first[j] = r
      else {
        const a = find(parent, f)
        const b = find(parent, r)
        if (a !== b) parent[Math.max(a, b)] = Math.min(a, b)
      }
    }
  }
  const ofRow = ws.i32('blocks.ofRow', nr, -1)
  let count = 0
  for (let r = 0; r < nr; r++) {
    if (r >= linking.length || linking[r] === 1) continue
    const root = find(parent, r)
    // Roots are the least row of their set: met before the set's other rows.
    ofRow[r] = root === r ? count++ : ofRow[root]!
  }
  if (count < 2) return null
  for (let j = 0; j < nc; j++) if (first[j]! >= 0) first[j] = ofRow[first[j]!]!
  // The rows by block (a counting sort: ascending within each block).
  const rowStart = new Int32Array(count + 1)
  for (let r = 0; r < nr; r++) if (ofRow[r]! >= 0) rowStart[ofRow[r]! + 1]!++
  for (let b = 0; b < count; b++) rowStart[b + 1]! += rowStart[b]!
  const fill = rowStart.slice(0, count)
  const rows = new Int32Array(rowStart[count]!)
  for (let r = 0; r < nr; r++) if (ofRow[r]! >= 0) rows[fill[ofRow[r]!]!++] = r
  return { count, ofRow, ofCol: first, rowStart, rows }
}

/**
 * Which blocks the LP's values `x` (of the columns `order`, as HiGHS held
 * them when it solved the LP) leave fractional: the others' LP values are
 * their optimum, with no gap.
 * @internal
 */
export function fractionalBlocks(
  m: CoreArrays,
  part: BlockPartition,
  order: ArrayLike<number>,
  x: ArrayLike<number>,
): Uint8Array {
  const { integer } = m
  const out = new Uint8Array(part.count)
  for (let k = 0; k < order.length; k++) {
    const j = order[k]!
    const b = part.ofCol[j]!
    if (b >= 0 && integer[j] === 1 && Math.abs(x[k]! - Math.round(x[k]!)) > 1e-9) out[b] = 1
  }
  return out
}

/** What {@link blockGaps} found. @internal */
export interface BlockGaps {
  /** `g_t` of each block (0 when its LP values are integral, or it was not solved). */
  readonly gap: Float64Array
  /** `G = Σ_t g_t`. */
  readonly total: number
  /** Blocks solved as MILPs. */
  readonly solved: number
}

/**
 * The gaps of the `fractional` blocks under the LP duals and reduced costs
 * of `ctx.lagrangian` (pricing finished: no left-out column with a positive
 * reduced cost). `known`: a solution of the model (dense; it violates
 * `knownRows`) — a start, or the core MILP's first solution — whose value on
 * a block is a lower bound of the block's optimum: a block it meets at `B_t`
 * has no gap, and no other block's optimum can use a column whose
 * `B_t + d_j` lies below it, so the MILPs stay small.
 * @internal
 */
export function blockGaps(
  ctx: CoreContext,
  part: BlockPartition,
  fractional: Uint8Array,
  known: Float64Array | null,
  knownRows: readonly number[] = [],
): BlockGaps {
  const { m, lagrangian, columns } = ctx
  const { y, d } = lagrangian
  const { inCore, order } = columns
  const { rowLower, rowUpper, rowStarts, rowIndex, rowValue } = m
  const { ofRow, ofCol, count } = part
  const nc = m.colCost.length
  // B_t, the block's rows' and core columns' terms of B; and the known solution's value on each
  // block under the linking rows' duals alone: Σ_j (c_j − Σ_link a_ij y_i)·x_j, which is
  // Σ_j d_j·x_j + Σ_{i in the block} y_i·(a_i·x).
  const share = new Float64Array(count)
  const low = new Float64Array(count).fill(known === null ? -Infinity : 0)
  for (let r = 0; r < ofRow.length; r++) {
    const b = ofRow[r]!
    const v = y[r]!
    if (b < 0 || v === 0 || fractional[b] === 0) continue
    share[b]! += v > 0 ? v * rowUpper[r]! : v * rowLower[r]!
    if (known === null) continue
    let act = 0
    for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) act += rowValue[e]! * known[rowIndex[e]!]!
    low[b]! += v * act
  }
  const size = new Int32Array(count)
  for (const j of order) {
    const b = ofCol[j]!
    if (b < 0 || fractional[b] === 0) continue
    share[b]! += lagrangian.term(j)
    size[b]!++
  }
  // The best reduced cost of a left-out column of each block.
  const most = new Float64Array(count).fill(-Infinity)
  for (let j = 0; j < nc; j++) {
    const b = ofCol[j]!
    if (b < 0 || fractional[b] === 0) continue
    if (inCore[j] === 0 && d[j]! > most[b]!) most[b] = d[j]!
    if (known !== null && known[j] !== 0) low[b]! += d[j]! * known[j]!
  }
  for (const r of knownRows) if (ofRow[r]! >= 0) low[ofRow[r]!] = -Infinity
  const gap = new Float64Array(count)
  let total = 0
  let solved = 0
  for (let b = 0; b < count; b++) {
    // A left-out column at d = 0 leaves no gap, nor does a known solution worth B_t on the block.
    const room = share[b]! - low[b]!
    if (fractional[b] === 0 || most[b]! >= -1e-9 || size[b]! > MAX_BLOCK_COLUMNS) continue
    if (!Number.isFinite(share[b]!)) continue
    if (room <= 1e-9 * Math.max(1, Math.abs(share[b]!))) continue
    if (ctx.halted()) break
    const v = blockOptimum(ctx, part, b, room)
    solved++
    if (v === null) continue
    // v = −∞: no block solution within the core, only those with a left-out column.
    const scale = Math.max(1, Math.abs(Number.isFinite(v.value) ? v.value : share[b]!))
    const g = Math.min(share[b]! - v.value, -Math.max(most[b]!, v.most)) - 1e-9 * scale
    if (g > 0 && Number.isFinite(g)) {
      gap[b] = g
      total += g
    }
  }
  return { gap, total, solved }
}

/**
 * An upper bound on block `b`'s optimum over its core columns under the
 * linking rows' duals: HiGHS's proven optimum or dual bound (−∞: the core
 * holds no solution of the block), or `null` when it proved none. The
 * pricable columns with `d_j < −room` are left out of that MILP (no solution
 * worth more than the known one on the block uses them), the best of their
 * reduced costs returned as `most`.
 */
function blockOptimum(
  ctx: CoreContext,
  part: BlockPartition,
  b: number,
  room: number,
): { readonly value: number; readonly most: number } | null {
  const { m, lagrangian, columns } = ctx
  const { d, y } = lagrangian
  const { rowStarts, rowIndex, rowValue, rowLower, rowUpper, pricable } = m
  const { ofCol } = part
  const slot = new Map<number, number>()
  const cols: number[] = []
  let most = -Infinity
  for (const j of columns.order) {
    if (ofCol[j] !== b) continue
    if (pricable[j] === 1 && d[j]! < -room) most = Math.max(most, d[j]!)
    else {
      slot.set(j, cols.length)
      cols.push(j)
    }
  }
  // Costs under the linking rows' duals alone: d_j + Σ_{i in the block} a_ij y_i.
  const cost = Float64Array.from(cols, (j) => d[j]!)
  const rows: number[] = []
  const starts: number[] = [0]
  const index: number[] = []
  const value: number[] = []
  for (let i = part.rowStart[b]!; i < part.rowStart[b + 1]!; i++) {
    const r = part.rows[i]!
    rows.push(r)
    for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
      const k = slot.get(rowIndex[e]!)
      if (k === undefined) continue
      index.push(k)
      value.push(rowValue[e]!)
      cost[k]! += rowValue[e]! * y[r]!
    }
    starts.push(index.length)
  }
  // A stopped block still gives its dual bound.
  return solveSmallMilp(
    ctx,
    {
      cols,
      cost,
      rowLower: rows.map((r) => rowLower[r]!),
      rowUpper: rows.map((r) => rowUpper[r]!),
      starts,
      index,
      value,
    },
    (hm, status) => {
      const dual = Number(hm.info.get('mip_dual_bound'))
      if (status === 'optimal') {
        const objective = hm.getObjectiveValue()
        return { value: Number.isFinite(dual) ? Math.max(dual, objective) : objective, most }
      }
      // No solution of the block within the core: only those with a left-out column remain.
      if (status === 'infeasible') return { value: -Infinity, most }
      return Number.isFinite(dual) ? { value: dual, most } : null
    },
  )
}

/**
 * What sharpens the proof of a part by its blocks (`core/blocks.ts`), read
 * from the LP just solved: a function that, given a solution of the model,
 * solves the blocks that LP left fractional (once) and gives their gaps to
 * the Lagrangian, and says whether it did; `null` when the model marks no
 * linking rows (or `blocks: false`).
 * @internal
 */
export function blocksOf(ctx: CoreContext, ws: Workspace): ((known: Float64Array) => boolean) | null {
  const { m, columns, lagrangian } = ctx
  if (m.blocks === false || m.linkingRows === undefined) return null
  // The LP's values and the columns they belong to (the core changes before the blocks may be needed).
  const order = Int32Array.from(columns.order)
  const x = ctx.model.getSolution().colValue
  let done = false
  return (known) => {
    if (done) return false
    done = true
    const started = performance.now()
    try {
      const part = partition(m, ws)
      if (part === null) return false
      const fractional = fractionalBlocks(m, part, order, x)
      if (!fractional.includes(1)) return false
      const gaps = blockGaps(ctx, part, fractional, known)
      if (gaps.total <= 0) return false
      lagrangian.useBlocks(part.ofCol, gaps.gap, gaps.total)
      const bound = lagrangian.wholeModelBound(null, columns.inCore)
      if (bound !== null) reportProgress(ctx, null, bound)
      return true
    } finally {
      ctx.counts.blockMs += performance.now() - started
    }
  }
}
