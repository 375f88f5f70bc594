/**
 * The priced core's pricing loop: solve the LP relaxation of the core; with
 * its row duals, columns left out with a positive reduced cost could raise
 * the LP, so the best few per row join and the LP is re-solved (warm, from
 * its basis) until none is left — the core's LP optimum is then the whole
 * model's. An infeasible core LP is priced by its Farkas certificate (HiGHS's
 * dual ray); without a usable ray the core widens.
 *
 * @module
 */
import { Best } from './best.js'
import { failedRun, limitNextRun, reportProgress, statsOf, type CoreContext } from './context.js'
import type { CoreArrays, CoreRun, CoreWarm } from './types.js'

/** Columns of highest reduced cost per row added per pricing round. */
const PRICE_PER_ROW = 3
/** A reduced cost above this could raise the LP. */
const PRICE_TOL = 1e-7
/**
 * A round that added at most this many columns (or a thousandth of the core,
 * when more) re-solves by the primal simplex, else by the dual. Columns join
 * with a positive reduced cost; the dual simplex first flips each to its upper
 * bound and then repairs the rows that leaves infeasible, which at 10,000
 * cadres took 9,132 iterations (4 s) after one column joined, against 112 by
 * the primal. The primal's iterations cost ten times the dual's there, so many
 * columns (2,500 joining a core of 185,000: 13,000 dual iterations, 3.5 s,
 * against 4,900 primal ones, 7.6 s) still go to the dual (docs/benchmarks.md).
 */
const PRIMAL_FEW = 16
const PRIMAL_SHARE = 0.001
/**
 * Pricing starts no LP it cannot expect to finish: when the time left is under
 * this many times the last LP's, it stops at the last LP optimum, whose point
 * the run completes into a solution (`core/complete.ts`), and leaves the rest
 * to the core MILP. An LP the deadline stops is lost whole. The re-solves grow
 * as columns join (a 5,000-cadre general election: 5–7, 20–26, 37 s), hence the
 * margin; where they do not (the 10,000-cadre city: 2.4–6.8 s each), pricing
 * runs as before.
 */
export const NEXT_LP_MARGIN = 1.5
/**
 * And it leaves time to complete the last LP point: a share of the time its
 * pricing took so far. On the 5,000-cadre general election (60 s) the second
 * LP ended at 31 s after a re-solve of 20 s; 29 s were left, so a third LP
 * (37 s) started, the deadline stopped it, and the run ended without a
 * proposal — where stopping after the second and completing its point (a
 * small MILP of 8 s at that scale) gave 168,321.3.
 */
export const COMPLETION_RESERVE = 0.25
/**
 * Whether pricing, with `leftMs` of the run left, starts another LP after
 * one of `lastMs`, having priced for `pricedMs` so far: only with the time
 * to finish it ({@link NEXT_LP_MARGIN}) and to complete its point after
 * ({@link COMPLETION_RESERVE}).
 * @internal
 */
export const startsAnotherLp = (leftMs: number, lastMs: number, pricedMs: number): boolean =>
  leftMs >= NEXT_LP_MARGIN * lastMs + COMPLETION_RESERVE * pricedMs

/** HiGHS's `simplex_strategy` values. */
const DUAL_SIMPLEX = 1
const PRIMAL_SIMPLEX = 4

/** How pricing ended, when the run goes on to the MILP. @internal */
export interface Priced {
  /** The LP optimum of the whole model was reached (false: a stop came first). */
  readonly done: boolean
  /** The LP core's columns and basis, for the next solve's warm start (when done). */
  readonly basis: Omit<CoreWarm, 'gap'> | null
  /**
   * When pricing stopped before an LP it could not expect to finish: the last
   * LP optimum's column values, in the core's order (the columns that joined
   * after it are at 0); else `null`.
   */
  readonly point: Float64Array | null
  /** The longest optimal LP of this pricing, in milliseconds (0: none). */
  readonly longestLpMs: number
}

/**
 * Runs the pricing loop on the core as it stands. Returns how it ended, or
 * the run's answer when it ends the run (infeasible, unbounded, an error).
 * @internal
 */
export function priceCore(ctx: CoreContext): Priced | CoreRun {
  const { model, columns, lagrangian, m, highs } = ctx
  const { rowStarts, rowIndex, rowLower } = m
  const { inCore } = columns
  const nr = rowLower.length
  const nc = m.colCost.length
  const cb = highs.constants.callbackType
  const d = lagrangian.d
  const best = new Best(PRICE_PER_ROW)
  // Filled in every round (below): reused from the run's workspace rather than one per call.
  const positive = ctx.ws.u8('pricing.positive', nc, null)
  // With y = 0 the bound is the trivial one (every column at its best bound): valid before any LP.
  lagrangian.price(inCore)
  // An infeasible core LP, priced by its Farkas certificate (see farkasPricing).
  const farkas = (): number[] | null => {
    try {
      const ray = model.getDualRay()
      return ray === undefined ? null : farkasPricing(m, ray.values, inCore)
    } catch {
      return null
    }
  }
  // A run prices again after each round of cuts: its LP time adds up.
  const started = performance.now() - ctx.counts.lpMs
  // The longest optimal LP so far.
  let longest = 0
  const finish = (priced: Omit<Priced, 'longestLpMs'>): Priced => {
    ctx.counts.lpMs = performance.now() - started
    ctx.counts.lpBound = priced.done ? lagrangian.bound : null
    // The core MILP's LPs are HiGHS's own business: its default again.
    model.options.set({ simplex_strategy: DUAL_SIMPLEX })
    return { ...priced, longestLpMs: longest }
  }
  // Columns the last round added by reduced cost (0: none, or the core grew otherwise).
  let joined = 0
  // The last optimal LP's point and how long that LP took.
  let point: Float64Array | null = null
  let lastMs = 0
  for (;;) {
    // An abort between two LPs stops like one during an LP.
    if (ctx.halted()) return finish({ done: false, basis: null, point: null })
    const short = m.shortAfterPricingRounds
    if (
      point !== null &&
      (!startsAnotherLp(ctx.left() * 1000, lastMs, performance.now() - started) ||
        (short !== undefined && ctx.counts.pricingRounds >= short))
    )
      return finish({ done: false, basis: null, point })
    ctx.counts.pricingRounds++
    const few = joined > 0 && joined <= Math.max(PRIMAL_FEW, PRIMAL_SHARE * columns.order.length)
    limitNextRun(ctx, { simplex_strategy: few ? PRIMAL_SIMPLEX : DUAL_SIMPLEX })
    joined = 0
    const lpStarted = performance.now()
    const run = model.run({ [cb.simplexInterrupt]: ctx.stop })
    const status = ctx.statusOf(run.modelStatus)
    if (status === 'infeasible') {
      if (columns.order.length === nc) return failedRun('infeasible', 'the LP relaxation is infeasible')
      const helping = farkas()
      if (helping !== null && helping.length === 0) {
        // Proven on the core alone: no left-out column can close the certificate's deficit.
        ctx.counts.lpMs = performance.now() - started
        return { ...failedRun('infeasible', 'the LP relaxation is infeasible'), stats: statsOf(ctx, null) }
      }
      if (helping !== null) for (const j of helping) columns.join(j)
      else columns.grow()
      columns.pass(model, ctx.fin, false)
      continue
    }
    if (status !== 'optimal') {
      ctx.counts.lpMs = performance.now() - started
      if (status === 'timeLimit' || status === 'interrupted')
        return finish({ done: false, basis: null, point: null })
      return failedRun(status === 'unbounded' ? 'unbounded' : 'error', `LP relaxation ended with ${status}`)
    }
    lastMs = performance.now() - lpStarted
    longest = Math.max(longest, lastMs)
    const solution = model.getSolution()
    point = solution.colValue
    lagrangian.y.set(solution.rowDual)
    lagrangian.price(inCore)
    // The Lagrangian bound holds for the whole model at every round (before any column joins): report it.
    const bound = lagrangian.wholeModelBound(null, inCore)
    if (bound !== null) reportProgress(ctx, null, bound)
    let added = 0
    // The left-out columns that price positive, marked in one pass over the columns: the rows are
    // then read a byte per entry (d only where marked), and none at all when there is no such column.
    let left = 0
    for (let j = 0; j < nc; j++) {
      const p = inCore[j] === 0 && d[j]! > PRICE_TOL ? 1 : 0
      positive[j] = p
      left += p
    }
    for (let r = 0; left > 0 && r < nr; r++) {
      best.clear()
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
        const j = rowIndex[e]!
        if (positive[j] === 1) best.offer(j, d[j]!)
      }
      for (let i = 0; i < best.size; i++) {
        const j = best.column(i)
        // A column an earlier row took is in the core already.
        if (positive[j] === 1) {
          positive[j] = 0
          left--
          columns.join(j)
          added++
        }
      }
    }
    joined = added
    if (added === 0) {
      const priced = finish({ done: true, basis: null, point: null })
      return { ...priced, basis: { core: Int32Array.from(columns.order), ...model.getBasis() } }
    }
    columns.pass(model, ctx.fin, false)
  }
}

/** Whether a {@link priceCore} outcome ends the run. @internal */
export function endsRun(p: Priced | CoreRun): p is CoreRun {
  return 'status' in p
}

/**
 * Prices an infeasible core LP by its Farkas certificate. `ray` is a dual ray
 * of the core (either sign): a certificate when, with `r` the ray,
 * `max_x∈box Σ_j (rᵀa_j)·x_j < Σ_i min_{L_i ≤ a ≤ U_i} r_i·a` over the core's
 * columns — no `x` within their bounds meets every row. It holds for the whole
 * model unless the left-out columns with `rᵀa_j > 0` can close that deficit:
 * then exactly those are returned; `[]` when even all of them cannot (the whole
 * model is infeasible, proven); `null` when `ray` is no certificate.
 * @internal
 */
export function farkasPricing(m: CoreArrays, ray: Float64Array, inCore: Uint8Array): number[] | null {
  // Local names for the arrays: one property load per run, not one per entry.
  const { colCost, colLower, colUpper, rowLower, rowUpper, rowStarts, rowIndex, rowValue } = m
  const nc = colCost.length
  const nr = rowLower.length
  if (ray.length !== nr) return null
  const g = new Float64Array(nc)
  for (const sign of [1, -1]) {
    let low = 0
    for (let r = 0; r < nr; r++) {
      const v = sign * ray[r]!
      if (v > 1e-12) low += v * rowLower[r]!
      else if (v < -1e-12) low += v * rowUpper[r]!
    }
    if (!Number.isFinite(low)) continue
    g.fill(0)
    let scale = 1
    for (let r = 0; r < nr; r++) {
      const v = sign * ray[r]!
      if (Math.abs(v) <= 1e-12) continue
      scale = Math.max(scale, Math.abs(v))
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) g[rowIndex[e]!]! += rowValue[e]! * v
    }
    let high = 0
    let extra = 0
    for (let j = 0; j < nc; j++) {
      const v = g[j]!
      if (Math.abs(v) <= 1e-12) continue
      const most = v > 0 ? v * colUpper[j]! : v * colLower[j]!
      if (inCore[j] === 1) high += most
      else if (most > 0) extra += most
    }
    const tol = 1e-7 * scale * Math.max(1, Math.abs(low))
    if (!(high < low - tol)) continue
    if (high + extra < low - tol) return []
    const helping: number[] = []
    for (let j = 0; j < nc; j++) if (inCore[j] === 0 && g[j]! > 1e-12) helping.push(j)
    return helping
  }
  return null
}
