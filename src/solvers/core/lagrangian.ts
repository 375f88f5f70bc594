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
import type { CoreArrays } from './types.js'
import { Workspace } from './workspace.js'

/** What the columns left out of the core could still add under the current duals. @internal */
export interface Outside {
  /** The largest reduced cost of a column left out (−∞: none is left out). */
  readonly most: number
  /** `Σ max(0, d_j)·u_j` over the columns left out. */
  readonly positive: number
}

/** Reduced costs, duals and the Lagrangian bound of one core run. @internal */
export class Lagrangian {
  /** Reduced costs of every column under {@link y}. */
  readonly d: Float64Array
  /** Row duals of the last finished LP (0 before any). */
  readonly y: Float64Array
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
  private left: {
    readonly version: number
    readonly inCore: Uint8Array
    readonly outside: Outside
    /** The largest {@link reach} of a left-out column (−∞: none). */
    readonly reach: number
  } | null = null

  /** `ws`: where a run's parts keep their arrays (see Workspace). */
  constructor(
    private readonly m: CoreArrays,
    ws: Workspace = new Workspace(),
  ) {
    this.d = ws.f64('lagrangian.d', m.colCost.length)
    this.y = ws.f64('lagrangian.y', m.rowLower.length)
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
    const { colCost, rowLower, rowUpper, rowStarts, rowIndex, rowValue } = this.m
    const { d, y } = this
    // The blocks' gaps held for the duals before.
    this.blocks = null
    this.version++
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
    for (let r = 0; r < nr; r++) {
      const v = y[r]!
      if (v > 0) b += v * rowUpper[r]!
      else if (v < 0) b += v * rowLower[r]!
    }
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
   * A bound valid for the whole model. The Lagrangian bound `B + Σ max(0, d_j)`
   * over the columns left out always holds; with a bound on the core's own
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
    const lagrangian = bound - this.blockTotal + o.positive
    if (coreBound === null || !Number.isFinite(coreBound)) return lagrangian
    if (o.most === -Infinity) return Math.min(lagrangian, coreBound)
    let viaOutside = bound + (o.most > 0 ? o.positive : o.most)
    if (this.blocks !== null) viaOutside = Math.min(viaOutside, bound + left.reach + o.positive)
    return Math.min(lagrangian, Math.max(coreBound, viaOutside))
  }
}
