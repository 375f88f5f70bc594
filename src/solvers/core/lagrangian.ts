/**
 * The priced core's reduced costs and Lagrangian bound. Under row duals `y`
 * (those of the last finished LP; `y = 0` before any, every column at its best
 * bound) the reduced cost of column `j` is `d_j = c_j − Σ_i a_ij y_i`, and
 *
 *   B = Σ_i max(y_i·L_i, y_i·U_i) + Σ_{j in core} max(d_j·l_j, d_j·u_j)
 *
 * is kept current as columns join or leave the core, so that
 * `B + Σ_{j left out} max(0, d_j)·u_j` is a bound of the whole model whatever
 * the core holds between two LPs (weak duality holds for any `y`).
 *
 * @module
 */
import { assignmentBound, assignmentSides, type Sides } from './assignment-bound.js'
import type { CoreArrays } from './types.js'
import { Workspace } from './workspace.js'

/** What the columns left out of the core could still add under the current duals. @internal */
export interface Outside {
  /** The largest reduced cost of a column left out (−∞: none is left out). */
  readonly most: number
  /** `Σ max(0, d_j)·u_j` over the columns left out. */
  readonly positive: number
}

/**
 * Unit rows of `m` that {@link Lagrangian.packedBound} keeps whole: rows
 * `Σ x_j ≤ 1` (or `= 1`, a lower bound above 0) over columns of bounds
 * [0, 1] and coefficients 1, among the linking rows (a cadre's one post) or
 * among the others (a post's holder or vacancy), each column in one kept row
 * at most (the first that has it). `kept[r]`: 1 for a packing row, 2 for a
 * row that must take one column; `inRow[j]` for a column in one.
 */
function packingRows(
  m: CoreArrays,
  among: 'linking' | 'other',
): { inRow: Uint8Array; kept: Uint8Array; any: boolean } {
  const { rowLower, rowUpper, rowStarts, rowIndex, rowValue, colLower, colUpper, linkingRows } = m
  const nr = rowLower.length
  const inRow = new Uint8Array(colLower.length)
  const kept = new Uint8Array(nr)
  let any = false
  for (let r = 0; r < nr; r++) {
    const linking = linkingRows !== undefined && linkingRows[r] === 1
    if (linking !== (among === 'linking') || rowUpper[r] !== 1 || !(rowLower[r]! <= 1)) continue
    let ok = true
    for (let e = rowStarts[r]!; ok && e < rowStarts[r + 1]!; e++) {
      const j = rowIndex[e]!
      ok = rowValue[e] === 1 && colLower[j] === 0 && colUpper[j] === 1 && inRow[j] === 0
    }
    if (!ok) continue
    for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) inRow[rowIndex[e]!] = 1
    kept[r] = rowLower[r]! > 0 ? 2 : 1
    any = true
  }
  return { inRow, kept, any }
}

/** Reduced costs, duals and the Lagrangian bound of one core run. @internal */
export class Lagrangian {
  /** Reduced costs of every column under {@link y}. */
  readonly d: Float64Array
  /** Row duals of the last finished LP (0 before any, and for rows added since). */
  y: Float64Array
  /** `B` over the core's columns (see the module). */
  bound = -Infinity
  /**
   * The blocks' gaps under the current `y` (`core/blocks.ts`): each column's
   * block and each block's `g_t`, with their total `G`; `null` until
   * {@link useBlocks}, and again after every {@link price}.
   */
  private blocks: { readonly ofCol: Int32Array; readonly gap: Float64Array; readonly total: number } | null =
    null
  /**
   * What the left-out columns could add, kept until the duals, the core or
   * the blocks change (HiGHS reports several solutions per core MILP, each
   * asking for the whole-model bound): `version` counts those changes.
   */
  private version = 0
  /** {@link packedBound} while nothing changes, and the packing rows it keeps (found once). */
  private packed: { readonly pricing: number; readonly value: number | null } | null = null
  /** {@link assignmentBound} for the duals it was computed with. */
  private assigned: { readonly pricing: number; readonly value: number | null } | null = null
  /** Calls of {@link price} so far. */
  private pricings = 0
  /** The rows {@link packedBound} keeps whole, either way (found once). */
  private packing: readonly ReturnType<typeof packingRows>[] | null = null
  /** The two sides of {@link assignmentBound}'s assignment, read from {@link packing} (found once). */
  private sides: Sides | null = null
  private left: {
    readonly version: number
    readonly inCore: Uint8Array
    readonly outside: Outside
    /** The largest {@link reach} of a left-out column (−∞: none). */
    readonly reach: number
  } | null = null

  /** `ws`: where a run's parts keep their arrays (see Workspace). */
  constructor(
    private m: CoreArrays,
    ws: Workspace = new Workspace(),
  ) {
    this.d = ws.f64('lagrangian.d', m.colCost.length)
    this.y = ws.f64('lagrangian.y', m.rowLower.length)
  }

  /**
   * The model gained rows at its end (a round of cuts, `core/cuts.ts`): `m`,
   * the same columns and rows with those appended. Their duals are 0 until
   * the next LP; what was found over the rows before still holds (a cut,
   * `Σ a·x ≥ l` with no upper bound, is no unit row), and the bound is kept
   * until the next {@link price}, as it holds for any duals.
   */
  extend(m: CoreArrays): void {
    const nr = m.rowLower.length
    const y = new Float64Array(nr)
    y.set(this.y)
    this.y = y
    this.m = m
    this.version++
    this.packing =
      this.packing?.map((p) => {
        const kept = new Uint8Array(nr)
        kept.set(p.kept)
        return { ...p, kept }
      }) ?? null
  }

  /**
   * Column `j`'s term of `B`, `max(d_j·l_j, d_j·u_j)`. Every term counts at a
   * finite column bound; only a reduced cost within 1e-9 of zero at an
   * infinite bound (a basic slack's solver noise) is left out, which would
   * otherwise make the bound useless.
   */
  term(j: number): number {
    const v = this.d[j]!
    if (v > 0) {
      const u = this.m.colUpper[j]!
      return u !== Infinity || v > 1e-9 ? v * u : 0
    }
    if (v < 0) {
      const l = this.m.colLower[j]!
      return l !== -Infinity || v < -1e-9 ? v * l : 0
    }
    return 0
  }

  /** Row `r`'s term of `B`, `max(y_r·L_r, y_r·U_r)` (0 at `y_r = 0`, whatever its bounds). @internal */
  rowTerm(r: number): number {
    const v = this.y[r]!
    return v > 0 ? v * this.m.rowUpper[r]! : v < 0 ? v * this.m.rowLower[r]! : 0
  }

  /** Column `j` joins the core (`sign` 1) or leaves it (−1): `B` takes or drops its term at once. */
  count(j: number, sign: 1 | -1): void {
    this.version++
    const b = this.bound + sign * this.term(j)
    this.bound = Number.isNaN(b) ? Infinity : b
  }

  /** `G`, the blocks' gaps in all (0 without them). */
  get blockTotal(): number {
    return this.blocks?.total ?? 0
  }

  /**
   * The blocks' gaps under the current `y` (`core/blocks.ts`), which sharpen
   * {@link reach} and {@link wholeModelBound} until the next {@link price}.
   */
  useBlocks(ofCol: Int32Array, gap: Float64Array, total: number): void {
    this.version++
    this.blocks = { ofCol, gap, total }
  }

  /**
   * How far above `B` a solution that uses the left-out column `j` can reach:
   * `d_j`, or with the blocks' gaps `−G + min(0, g_t + d_j)` (see
   * `core/blocks.ts`) — `−G + d_j` for a column with `d_j > 0`, which left
   * the core after the gaps were computed and took its term off `B`. Every
   * other left-out column is taken at `d ≤ 0`, as pricing leaves them.
   */
  reach(j: number): number {
    const dj = this.d[j]!
    const blocks = this.blocks
    if (blocks === null) return dj
    // A column with d_j > 0 left the core after the gaps were computed (a warm MILP core drops
    // columns): B lost its term d_j, which the blocks' bound still counted.
    if (dj > 0) return -blocks.total + dj
    const b = blocks.ofCol[j]!
    return -blocks.total + Math.min(0, (b < 0 ? 0 : blocks.gap[b]!) + dj)
  }

  /** `d` and `B` under the current `y`, for the core `inCore`. */
  price(inCore: Uint8Array): void {
    const { colCost, rowLower, rowStarts, rowIndex, rowValue } = this.m
    const { d, y } = this
    // The blocks' gaps held for the duals before.
    this.blocks = null
    this.version++
    this.pricings++
    const nr = rowLower.length
    const nc = colCost.length
    // Duals within 1e-9 of zero are solver noise: taken as 0 (B holds for the y used).
    for (let r = 0; r < nr; r++) if (Math.abs(y[r]!) <= 1e-9) y[r] = 0
    // d = c − Aᵀy, row by row: each column's terms are subtracted in row order.
    d.set(colCost)
    for (let r = 0; r < nr; r++) {
      const v = y[r]!
      if (v === 0) continue
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) d[rowIndex[e]!]! -= rowValue[e]! * v
    }
    let b = 0
    for (let r = 0; r < nr; r++) b += this.rowTerm(r)
    for (let j = 0; j < nc; j++) if (inCore[j] === 1) b += this.term(j)
    this.bound = Number.isNaN(b) ? Infinity : b
  }

  /** What the columns left out of `inCore` could add (see {@link Outside}). */
  outside(inCore: Uint8Array): Outside {
    return this.leftOut(inCore).outside
  }

  /** {@link outside} and the largest reach of a left-out column, from one pass while nothing changes. */
  private leftOut(inCore: Uint8Array): NonNullable<Lagrangian['left']> {
    if (this.left !== null && this.left.version === this.version && this.left.inCore === inCore)
      return this.left
    const { d, blocks } = this
    const { colUpper } = this.m
    let most = -Infinity
    let positive = 0
    let reach = -Infinity
    for (let j = 0; j < d.length; j++)
      if (inCore[j] === 0) {
        most = Math.max(most, d[j]!)
        if (d[j]! > 0) positive += d[j]! * colUpper[j]!
        if (blocks !== null) reach = Math.max(reach, this.reach(j))
      }
    this.left = { version: this.version, inCore, outside: { most, positive }, reach }
    return this.left
  }

  /**
   * The Lagrangian bound with unit rows kept whole instead of priced (see
   * `packingRows`): under `y` on the other rows, a kept row adds the best of
   * its columns, `max_j (d_j + y_r)` (at least 0 for a packing row, which may
   * take none), where the plain bound adds its own term and every positive
   * `d_j` of the row. Two ways, the lesser taken: the linking rows kept (a
   * cadre's one post), or the unit rows among the others (a post's holder or
   * vacancy) — each column in one kept row at most, so not both at once.
   * Never above the plain bound, the same at an LP optimum of the whole
   * model, far below it while pricing is unfinished (many columns of one
   * cadre, or of one post, with `d_j > 0`). `null`: no such row.
   */
  packedBound(): number | null {
    // It depends on the duals alone, not on the core.
    if (this.packed !== null && this.packed.pricing === this.pricings) return this.packed.value
    const { d, y } = this
    const { rowLower, rowStarts, rowIndex } = this.m
    const nr = rowLower.length
    let value: number | null = null
    for (const { inRow, kept, any } of this.packingRows()) {
      if (!any) continue
      let b = 0
      for (let r = 0; r < nr; r++) {
        if (kept[r] !== 0) {
          let best = kept[r] === 1 ? 0 : -Infinity
          for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++)
            best = Math.max(best, d[rowIndex[e]!]! + y[r]!)
          b += best
        } else b += this.rowTerm(r)
      }
      for (let j = 0; j < d.length; j++) if (inRow[j] === 0 && d[j] !== 0) b += this.term(j)
      if (Number.isFinite(b) && (value === null || b < value)) value = b
    }
    this.packed = { pricing: this.pricings, value }
    return value
  }

  /** The unit rows {@link packedBound} keeps whole, either way (found once). */
  private packingRows(): readonly ReturnType<typeof packingRows>[] {
    return (this.packing ??= [packingRows(this.m, 'linking'), packingRows(this.m, 'other')])
  }

  /**
   * The posts × cadres of the assignment {@link assignmentBound} solves (0:
   * none), for a caller weighing its time.
   */
  assignmentSize(): number {
    const { posts, cadres } = this.assignmentSides()
    return posts.length * cadres.length
  }

  /** The posts and cadres of {@link assignmentBound}'s assignment (found once). */
  private assignmentSides(): Sides {
    const [linking, other] = this.packingRows()
    return (this.sides ??= assignmentSides(this.m.rowLower.length, linking!, other!))
  }

  /**
   * The Lagrangian bound with both ways of {@link packedBound} kept whole at
   * once, an assignment of posts to cadres (`core/assignment-bound.ts`), for
   * the current duals: solved once, then taken by {@link wholeModelBound}
   * until the duals change. `null`: no such assignment.
   */
  assignmentBound(): number | null {
    if (this.assigned === null || this.assigned.pricing !== this.pricings) {
      const other = this.packingRows()[1]!
      this.assigned = {
        pricing: this.pricings,
        value: assignmentBound(this.m, this, this.assignmentSides(), other),
      }
    }
    return this.assigned.value
  }

  /**
   * A bound valid for the whole model. The Lagrangian bound `B + Σ max(0, d_j)`
   * over the columns left out always holds, as does {@link packedBound}
   * (the lesser is taken); with a bound on the core's own
   * solutions (HiGHS's dual bound of the core MILP — never its incumbent,
   * which bounds nothing) it sharpens to `max(core bound, best a solution
   * using a left-out column can reach)`. `null`: no finite bound yet.
   */
  wholeModelBound(coreBound: number | null, inCore: Uint8Array): number | null {
    const { bound } = this
    if (!Number.isFinite(bound)) return null
    const left = this.leftOut(inCore)
    const o = left.outside
    // With the blocks' gaps, every solution is worth at most B − G (plus what left-out columns could add).
    // The packed bound costs a pass over every column: computed only while left-out columns loosen
    // the plain one by more than 0.1 % (pricing far from the LP optimum; at it, the two are equal).
    // Once computed it holds for these duals whatever joins the core since, and costs nothing: a
    // column joining moves its positive d_j into B and leaves the plain bound as loose as it was,
    // so the packed one is still taken (else a stopped pricing's columns, all joined for the
    // proof, left the run's last bound above the one it had reported: 2,738.8 against 2,597.8).
    const packed =
      o.positive > 1e-3 * Math.max(1, Math.abs(bound))
        ? this.packedBound()
        : this.packed?.pricing === this.pricings
          ? this.packed.value
          : null
    const assigned = this.assigned?.pricing === this.pricings ? this.assigned.value : null
    const lagrangian = Math.min(
      bound - this.blockTotal + o.positive,
      packed ?? Infinity,
      assigned ?? Infinity,
    )
    if (coreBound === null || !Number.isFinite(coreBound)) return lagrangian
    if (o.most === -Infinity) return Math.min(lagrangian, coreBound)
    let viaOutside = bound + (o.most > 0 ? o.positive : o.most)
    if (this.blocks !== null) viaOutside = Math.min(viaOutside, bound + left.reach + o.positive)
    return Math.min(lagrangian, Math.max(coreBound, viaOutside))
  }
}
