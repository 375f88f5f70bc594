/**
 * The priced core's MILP and its proof. Solve the MILP on the core: `z`. Any
 * solution that uses a left-out column `j` has objective at most `B + d_j`
 * (every other left-out column has `d ≤ 0`), or less with the blocks' gaps
 * (`Lagrangian.reach`, `core/blocks.ts`). So when that is at most `z` for every
 * left-out column, `z` is optimal for the whole model; otherwise the columns
 * that fail the test join the core (in steps of the threshold when they are
 * many: `stepGamma`) and the MILP is solved again, starting from the
 * incumbent. A core MILP that is infeasible widens the core (within
 * `maxCoreColumns`). A stop before the proof returns the incumbent with a
 * bound valid for the whole model (see `Lagrangian.wholeModelBound`).
 *
 * @module
 */
import { failedRun, limitNextRun, reportProgress, statsOf, type CoreContext } from './context.js'
import type { Priced } from './pricing.js'
import type { CoreRun } from './types.js'
import type { Point } from './complete.js'
import { repairRings } from './warm.js'
import { sendIncumbent } from '../highs-run.js'

/** A left-out column whose `B + d_j` is above the incumbent by more than this joins. @internal */
export const PROOF_TOL = 1e-7
/**
 * Rings of rows around the rows a start violates whose columns the repair
 * frees, and the most core columns a row of those rings may have to have all
 * of them freed (see `repairRings`).
 */
const REPAIR_DEPTH = 4
const REPAIR_WIDE = 32

/**
 * The first MILP core of a cold run holds the columns within this share of
 * the LP bound of it (`γ = share·|B|`), and never more than the LP core: a
 * guess at the LP–MILP gap, as a warm run's is the earlier gap. The general
 * elections of 1,200 cadres (bound ≈ 40,000, gaps 0–3.5 after the cuts):
 * the first core MILP 19.5 → 3.5 s on the seed (42,000 → 23,500
 * columns), 2.3–10.6 → 1.0–4.5 s on three others; a gap above the guess
 * costs one more MILP round (docs/benchmarks.md).
 */
const COLD_GAP_SHARE = 5e-5
/** The LP–MILP gap a cold run guesses: {@link COLD_GAP_SHARE} of the LP bound. @internal */
export function coldGap(ctx: CoreContext): number {
  return COLD_GAP_SHARE * Math.abs(ctx.lagrangian.bound)
}

/**
 * The first MILP core: every column that a solution within `guess` of the LP
 * bound may use (`B + reach_j ≥ B − γ`, `reach_j = d_j` without the blocks'
 * gaps: see `Lagrangian.reach`), or, with a feasible start of value `z₀`, that
 * a solution better than the start may use (`B + reach_j ≥ z₀`) when that is
 * fewer; at most `most` columns (see `CoreColumns.within`). The guess is the
 * earlier gap when warm (`warmGap`), {@link coldGap} when cold. Should the
 * optimum lie lower than the threshold, the proof brings back the columns it
 * needs. Returns the threshold `γ`, which the proof's steps start from
 * (see {@link stepGamma}).
 * @internal
 */
export function firstMilpCore(ctx: CoreContext, guess: number, startValue: number, most?: number): number {
  const { lagrangian } = ctx
  // With the blocks' gaps no solution reaches above B − G: the threshold is never above that.
  const gamma =
    Math.max(lagrangian.blockTotal, Math.min(guess, lagrangian.bound - startValue)) + 2 * PROOF_TOL
  ctx.columns.within(ctx.model, ctx.fin, gamma, most)
  return gamma
}

/**
 * When the proof wants more columns than this share of the core, they join in
 * steps of the threshold (see {@link stepGamma}).
 */
const STEP_SHARE = 0.5
/** Each step doubles the threshold… */
const STEP_FACTOR = 2
/**
 * …until this share of the core (at least one column) would join, so that
 * the core grows by half at least: smaller steps took more MILPs than they
 * saved on the exact rotation plan of a generated county (250 cadres, seed
 * 11: 20–32 s with a quarter, 17–19 s with a half, 19–22 s before).
 */
const STEP_LEAST = 0.5

/**
 * The next threshold of the core, `γ' = min(2^k·γ, B − z)` for the least
 * `k ≥ 1` that brings in at least {@link STEP_LEAST} of the core's `size`
 * (or every wanted column), and `wanted` cut to the columns within it
 * (`reach_j ≥ −γ'`). When `γ` already reaches `B − z` (or `B − z` is not a
 * finite number), `γ` is returned and `wanted` left whole; when no wanted
 * column lies within any threshold (a NaN reach), `wanted` is left whole
 * too: every column the proof wants joins, as without steps. `size` counts
 * the whole core, its kept columns too.
 *
 * The proof needs every column that could lift a solution above the
 * incumbent `z`, and with a poor incumbent that is most of the LP's near
 * columns (the sample county's first rotation round: 38,700 wanted against a
 * core of 7,500; the core MILP of 46,000 columns took 17 s). The optimum
 * lies nearer the bound than such an incumbent: a core that doubles its
 * threshold finds it with smaller MILPs, each proving at once when its
 * solution is within the threshold of the bound. The proof itself is
 * unchanged: the columns left out stay tested against each new incumbent.
 * @internal
 */
export function stepGamma(
  gamma: number,
  most: number,
  size: number,
  wanted: number[],
  reach: (j: number) => number,
): number {
  let g = Math.max(gamma, PROOF_TOL)
  if (!(g < most) || !Number.isFinite(most)) return g
  const least = Math.max(1, Math.ceil(STEP_LEAST * size))
  let within = 0
  while (within < least && g < most) {
    g = Math.min(most, STEP_FACTOR * g)
    within = 0
    for (const j of wanted) if (reach(j) >= -g) within++
  }
  if (within > 0 && within < wanted.length) {
    let at = 0
    for (const j of wanted) if (reach(j) >= -g) wanted[at++] = j
    wanted.length = at
  }
  return g
}

/**
 * Solves the core MILP until the proof holds or the run stops. `startRows`:
 * the rows the start (`ctx.incumbent.values`, when given) violates; the
 * columns around them are left free for HiGHS to complete. `sharpen`: when
 * the proof fails, called (once) with the core MILP's solution to tighten the
 * bound by the blocks (`core/blocks.ts`); true when it did. `lpPoint`: a
 * solution at the LP bound, settled before any MILP; `fallback`: a solution
 * known before the MILPs but not given to HiGHS as their start. The answer
 * is never worse than it: a core MILP may end below it (its columns may have
 * left the core), or stop before it finds as good. `firstGamma`: the
 * threshold of the first MILP core (`firstMilpCore`), from which the columns
 * the proof wants join in steps; `Infinity` joins them all at once.
 * @internal
 */
export function proveCore(
  ctx: CoreContext,
  priced: Priced,
  startRows: readonly number[],
  milpStarted: number,
  sharpen?: (known: Float64Array) => boolean,
  lpPoint: Point | null = null,
  fallback: Point | null = null,
  firstGamma = Infinity,
): CoreRun {
  let gamma = firstGamma
  const { model, columns, lagrangian, m, highs, incumbent: best } = ctx
  const { inCore, order } = columns
  const nc = m.colCost.length
  const cb = highs.constants.callbackType
  const stats = () => statsOf(ctx, milpStarted)
  const fullBound = (coreBound: number | null) => lagrangian.wholeModelBound(coreBound, inCore)
  // A solution at the LP bound (the LP point, completed) is settled as a core MILP's would be.
  let settled = lpPoint === null ? null : { ...lpPoint, coreBound: lpPoint.objective }
  // The best solution known: the incumbent or the fallback, then each core MILP's when better.
  let known: Point | null = fallback
  const atLeastKnown = (p: Point): Point => (known !== null && known.objective > p.objective ? known : p)
  if (best.values !== null && best.objective !== null)
    known = atLeastKnown({ values: best.values, objective: best.objective })
  for (;;) {
    const outcome = settled ?? runMilp()
    settled = null
    if ('status' in outcome) return outcome
    const { coreBound } = outcome
    // The core MILP's solution starts the next one; the proof and the answer take the best known
    // (a better incumbent only proves more).
    best.values = outcome.values
    best.objective = outcome.objective
    known = atLeastKnown(outcome)
    const { values, objective } = known
    // The proof: a left-out column can be in a better solution only if B + reach_j > z.
    const wanted: number[] = []
    const prove = () => {
      wanted.length = 0
      const bound = lagrangian.bound
      for (let j = 0; j < nc; j++)
        // Not `>`: a NaN bound proves nothing.
        if (inCore[j] === 0 && !(bound + lagrangian.reach(j) <= objective + PROOF_TOL)) wanted.push(j)
    }
    if (!priced.done) {
      // Pricing did not finish (time): no proof; every column might matter.
      for (let j = 0; j < nc; j++) if (inCore[j] === 0) wanted.push(j)
    } else {
      prove()
      // Columns the proof cannot leave out yet: the blocks' gaps (bounded by this solution) may.
      if (wanted.length > 0 && sharpen?.(values) === true) prove()
    }
    best.bound = fullBound(coreBound)
    const lpBound = ctx.counts.lpBound
    if (wanted.length === 0)
      return {
        status: 'optimal',
        values,
        objective,
        dualBound: objective,
        message: null,
        fatal: false,
        stats: stats(),
        ...(lpBound === null || priced.basis === null
          ? {}
          : { warm: { ...priced.basis, gap: Math.max(0, lpBound - objective) } }),
      }
    const stopped = (why: string): CoreRun => ({
      status: why,
      values,
      objective,
      dualBound: best.bound,
      message: null,
      fatal: false,
      stats: stats(),
    })
    if (ctx.left() <= 0.001) return stopped('timeLimit')
    const room = m.maxCoreColumns - order.length
    // After a pricing that stopped short for time, the columns wanted are every one left out:
    // running out of room for them is the time's doing, not the budget's.
    if (room <= 0) return stopped(priced.done ? 'memoryLimit' : 'timeLimit')
    // The most promising first, when not all of them fit.
    if (wanted.length > room) {
      wanted.sort((a, b) => lagrangian.reach(b) - lagrangian.reach(a) || a - b)
      wanted.length = room
    }
    if (priced.done && wanted.length > order.length * STEP_SHARE) {
      // From the first core's γ, though the blocks' gaps G may since keep every reach below −G (the
      // first doublings then find nothing): starting at G coarsened the steps (the sample county's
      // first rotation round: a core of 22,600 columns instead of 15,000).
      const before = wanted.length
      gamma = stepGamma(gamma, lagrangian.bound - objective, order.length, wanted, (j) => lagrangian.reach(j))
      if (wanted.length < before) ctx.counts.proofSteps++
    }
    for (const j of wanted) columns.join(j)
    columns.pass(model, ctx.fin, true)
  }

  /**
   * One core MILP from the incumbent: its solution (optimal on the core, with the core's bound),
   * or the run's answer when it ends the run. An infeasible core widens and solves again.
   */
  function runMilp(): { values: Float64Array; objective: number; coreBound: number | null } | CoreRun {
    for (;;) {
      ctx.counts.milpRounds++
      if (best.values !== null) {
        const inc = best.values
        // Where the start violates rows, the columns around them are left free for HiGHS to
        // complete (a sub-MIP over a few hundred columns) rather than a start it rejects whole.
        const free =
          best.objective === null && startRows.length > 0
            ? repairRings(m, startRows, inCore, order, columns.colCount, REPAIR_DEPTH, REPAIR_WIDE)
            : null
        const at: number[] = []
        order.forEach((j, k) => {
          if (free === null || free[j] === 0) at.push(k)
        })
        // A repair that frees a quarter of the core is a second MILP, not a start: none then.
        if (at.length > order.length - order.length / 4)
          try {
            model.setSolution({
              indices: Int32Array.from(at),
              values: Float64Array.from(at, (k) => inc[order[k]!]!),
            })
          } catch {
            // A start HiGHS will not take is only a lost hint.
          }
      }
      limitNextRun(ctx)
      const run = model.run({
        [cb.simplexInterrupt]: ctx.stop,
        [cb.mipInterrupt]: ctx.stop,
        [cb.mipImprovingSolution]: (e): undefined => {
          const dd = e.data
          const inc = dd.mip_primal_bound ?? dd.objective_function_value ?? null
          // The event's dual bound is not taken: HiGHS reports the solutions of its sub-MIPs (its
          // heuristics') here too, each with the sub-MIP's own bound, which may lie below the
          // optimum (seen: 82.9 against 96.2). The whole-model bound without it always holds.
          const b = fullBound(null)
          // Only a better one is kept: HiGHS reports worse ones after better ones too (above).
          if (
            inc !== null &&
            dd.mip_solution !== undefined &&
            !(inc <= (best.found?.objective ?? -Infinity))
          ) {
            best.found = { values: dd.mip_solution, objective: inc, bound: b }
            sendIncumbent(ctx.hooks, dd.mip_solution, order.length, order, inc)
          }
          reportProgress(ctx, inc, b)
          return undefined
        },
      })
      const status = ctx.statusOf(run.modelStatus)
      const hasPrimal =
        Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible
      if (status === 'infeasible') {
        if (order.length === nc)
          return { ...failedRun('infeasible', 'no staffing meets every hard rule'), stats: stats() }
        // The core lacks columns some hard row needs: widen it, within the column budget.
        columns.grow()
        if (order.length > m.maxCoreColumns)
          return {
            ...failedRun(
              'memoryLimit',
              `the core MILP is infeasible, and deciding on the whole model would take more than ${m.maxCoreColumns} columns (maxCoreColumns)`,
            ),
            ...(known === null
              ? {}
              : { values: known.values, objective: known.objective, dualBound: fullBound(null) }),
            stats: stats(),
          }
        columns.pass(model, ctx.fin, true)
        continue
      }
      if (!hasPrimal) {
        const b = Number(model.info.get('mip_dual_bound'))
        // A stop before HiGHS took any solution: the best one known before the MILP, if any.
        return {
          status,
          values: known?.values ?? null,
          objective: known?.objective ?? null,
          dualBound: fullBound(Number.isFinite(b) ? b : null),
          message: null,
          fatal: false,
          stats: stats(),
        }
      }
      const colValue = model.getSolution().colValue
      const values = new Float64Array(nc)
      order.forEach((j, k) => (values[j] = colValue[k]!))
      const objective = model.getObjectiveValue()
      // The core's own dual bound: finite only when HiGHS proved one (a stop before its root LP
      // leaves none). An optimal core MILP closed its gap to within mip_abs_gap.
      const dual = Number(model.info.get('mip_dual_bound'))
      // After a stop, one not above the incumbent is no proof (see the callback above).
      const coreBound =
        status === 'optimal'
          ? Number.isFinite(dual)
            ? Math.max(dual, objective)
            : objective + 1e-7
          : Number.isFinite(dual) && dual > objective + 1e-9
            ? dual
            : null
      if (status !== 'optimal') {
        best.values = values
        best.objective = objective
        const answer = atLeastKnown({ values, objective })
        return {
          status,
          values: answer.values,
          objective: answer.objective,
          dualBound: fullBound(coreBound),
          message: null,
          fatal: false,
          stats: stats(),
        }
      }
      return { values, objective, coreBound }
    }
  }
}
