/**
 * The priced-core method: an exact MILP solve that hands HiGHS only a core of
 * the pair columns and proves that the columns left out cannot improve on the
 * result.
 *
 * 1. **Core.** Every column that may not be left out (slacks, vacancies,
 *    locked pairs, the start's pairs) and, for every row, the few pricable
 *    columns of highest cost that help it (one more than the row needs at its
 *    lower bound, when that is more).
 * 2. **Pricing.** Solve the LP relaxation of the core; with its row duals `y`
 *    the reduced cost of a column is `d_j = c_j − Σ_i a_ij y_i`. Columns left
 *    out with `d_j > 0` could raise the LP: the best few per row join the core
 *    and the LP is re-solved (warm, from its basis) until none is left. The
 *    LP optimum of the core is then that of the whole model, and `y` gives the
 *    Lagrangian bound `B = Σ_i max(y_i·L_i, y_i·U_i) + Σ_j max(d_j·l_j, d_j·u_j)`
 *    over the core columns.
 * 3. **Core MILP, then the proof.** Solve the MILP on the core: `z`. Any
 *    solution that uses a left-out column `j` has objective at most `B + d_j`
 *    (every other left-out column has `d ≤ 0`). So when `B + d_j ≤ z` for
 *    every left-out column, `z` is optimal for the whole model; otherwise the
 *    columns that fail the test join the core (in steps when they are many:
 *    `stepGamma`) and the MILP is solved again, starting from the
 *    incumbent. The test holds for the core's own columns too, so the first
 *    MILP core is only the columns within a gap `γ` of the bound
 *    (`d_j ≥ −γ`). Cold, the LP point completed by a small MILP over
 *    its fractional columns (`core/complete.ts`) comes first: at the LP bound
 *    it is optimal without a core MILP; else `γ` is a guess (see
 *    `firstMilpCore`).
 *
 * An infeasible core LP is priced by its Farkas certificate (HiGHS's dual
 * ray): the left-out columns that could close the certificate's deficit join,
 * or none can and the whole model is proven infeasible. Without a usable ray,
 * or when the core MILP is infeasible, the core widens: four times as many
 * columns per row (12, 48, 192), then every column (the MILP's widening within
 * `maxCoreColumns`). Pricing starts no LP it cannot expect to finish: it
 * stops at the last LP optimum, whose point, completed, is the core MILP's
 * start (`core/pricing.ts`). A stop before
 * the proof (time limit, abort, the `maxCoreColumns` budget, a wasm abort
 * after an incumbent) returns the incumbent with a bound valid for the whole
 * model: the Lagrangian `B + Σ max(0, d_j)` over the left-out columns (`B`
 * kept current as columns join), or, with a dual bound HiGHS proved on the
 * core's own solutions, `max(core bound, B + max_j d_j)` when that is lower —
 * never the core's incumbent as its bound, and never above a bound the run
 * reported in progress (the least one it proved is its answer's). The
 * Lagrangian bound is reported after every pricing round.
 *
 * **Warm** (`CoreArrays.warm`, from an earlier run of the same columns): the
 * pricing starts from the earlier LP core and basis; the first MILP core is
 * the columns within 1.1 × the earlier LP–MILP gap of the new bound (or above
 * a feasible start's value); the earlier solution is the first incumbent,
 * repaired around the rows the edit broke. The proof is unchanged.
 *
 * One module per stage: `core/columns.ts` (the core's columns: the first
 * core, widening, passing columns to HiGHS), `core/lagrangian.ts` (reduced
 * costs and the bound; `core/assignment-bound.ts`, its tightest form),
 * `core/pricing.ts`, `core/warm.ts`, `core/complete.ts`, `core/stopped.ts`
 * (a pricing stopped short), `core/blocks.ts` (the proof's sharper bound)
 * and `core/proof.ts`; this one runs them in turn on one HiGHS instance.
 *
 * @module
 */
import type { Highs } from 'highs'
import { monotoneHooks, stopsAt, type RunHooks } from './highs-run.js'
import { CoreColumns, passRows } from './core/columns.js'
import { failedRun, type CoreContext } from './core/context.js'
import { Lagrangian } from './core/lagrangian.js'
import { endsRun, NEXT_LP_MARGIN, priceCore } from './core/pricing.js'
import { blocksOf } from './core/blocks.js'
import { claimRoom, gomoryCuts, withCuts } from './core/cuts.js'
import { Workspace } from './core/workspace.js'
import { announcePoint, completeLpPoint, type Point } from './core/complete.js'
import { coldGap, firstMilpCore, PROOF_TOL, proveCore } from './core/proof.js'
import { settleStopped } from './core/stopped.js'
import type { CoreArrays, CoreRun, CoreWarm } from './core/types.js'
import { fitStart, joinWarmCore, setWarmBasis, warmGap } from './core/warm.js'

export type { CoreArrays, CoreRun, CoreWarm } from './core/types.js'

/**
 * Rounds of Gomory cuts at most, each from the basis of the LP the round
 * before tightened (rounds stop sooner when one finds no usable cut; on the
 * general elections, six rounds rather than three: 24.6 → 14.4 s and 28.9 →
 * 17.8 s on the two slowest).
 */
const CUT_ROUNDS = 6
/**
 * Pricable columns from which the cuts are on by default. Measured
 * (docs/benchmarks.md, one process per case): general elections of 1,200
 * cadres (≈ 620,000 columns, gaps 13–24) 2.3–3.3× faster, the 5,000-cadre
 * city (1.9 M columns, gap 4.0) 19.9 → 11–12 s, the 10,000-cadre city proven
 * optimal (it stopped at the column budget before); below, the sample county
 * (108,406 columns, gap 5.8) and its warm re-solves are a little slower with
 * them (the cut rounds' LPs cost more than the smaller proof saves).
 */
const CUT_MIN_COLUMNS = 300_000

/** A part's answer, and whether rounds of cuts tightened its model. */
interface Part {
  readonly run: CoreRun
  readonly cut: boolean
}

/**
 * Runs the priced-core method once. Never throws: a failure is `status: 'error'`.
 *
 * When cuts tighten the LP (`core/cuts.ts`), each round joins the model's
 * rows and HiGHS's in place and the pricing goes on from the basis it had
 * (the cut rows joining it basic); the answer carries, for the next solve of
 * `m`, the LP core and basis of the first round (of `m`'s own rows) with the
 * gap of `m`'s own LP. Each round's model replaces the one before, so only
 * `m` and the current one are held. A model the cuts make infeasible is
 * checked again without them, in the time left: valid cuts keep every
 * integer solution, so this only costs time on a model that has none, and
 * guards against a cut that rounding made invalid.
 * @internal
 */
export function runCore(highs: Highs, m: CoreArrays, timeLimitSeconds: number, caller: RunHooks): CoreRun {
  // Progress as the caller sees it never goes back, across a second part too.
  const hooks = monotoneHooks(caller)
  // Whether cuts run is decided once, on `m` (each round's model carries the decision on).
  const decided: CoreArrays = m.cuts === undefined ? { ...m, cuts: cutsWanted(m) } : m
  // With cuts, the room past the model's entries when no other run holds it (two sessions may
  // solve the same model at once): the rounds are appended there, not to a copy of every entry.
  const lease = decided.cuts === true ? m.entryLease : undefined
  const token = m.leaseToken ?? 1
  const leased = lease !== undefined && Atomics.compareExchange(lease, 0, 0, token) === 0
  const giveBack = leased ? claimRoom(m) : () => {}
  try {
    return runRounds(highs, decided, timeLimitSeconds, hooks)
  } finally {
    giveBack()
    if (leased) Atomics.compareExchange(lease, 0, token, 0)
  }
}

/**
 * {@link runCore} with `m.cuts` decided: one part, and when its cuts made the
 * model infeasible, a second part without them.
 */
function runRounds(highs: Highs, m: CoreArrays, timeLimitSeconds: number, hooks: RunHooks): CoreRun {
  const deadline = performance.now() + timeLimitSeconds * 1000
  const ws = new Workspace()
  const part = runPart(highs, m, deadline, hooks, ws)
  if (part.cut && part.run.status === 'infeasible') {
    const plain = runPart(highs, { ...m, cuts: false }, deadline, hooks, ws)
    return plain.run
  }
  return part.run
}

/**
 * One part of a run (see {@link runCore}), answered with the least bound it
 * proved: every bound the part reports in progress holds for the whole model
 * (each from its own duals, core or blocks), and the one its last stage
 * computes may be looser than an earlier one (Lagrangian bounds do not fall
 * monotonically from one pricing round to the next), so a stopped answer's
 * bound is never above a bound the part reported. A second part (without
 * cuts, see {@link runRounds}) takes only its own: it runs when the first
 * found the model with its cuts infeasible, where that part's bounds are
 * what is in doubt.
 */
function runPart(highs: Highs, given: CoreArrays, deadline: number, hooks: RunHooks, ws: Workspace): Part {
  let least = Infinity
  const keeping: RunHooks = {
    ...hooks,
    onImproved: (incumbent, bound, gap) => {
      // `<` is false on NaN: a bound that is no number proves nothing.
      if (bound !== null && bound < least) least = bound
      hooks.onImproved(incumbent, bound, gap)
    },
  }
  const part = solvePart(highs, given, deadline, keeping, ws)
  return { ...part, run: atMostBound(part.run, least) }
}

/** Statuses whose answer has no bound to tighten: proven optimal, or no solution to bound. */
const NO_BOUND = new Set(['optimal', 'infeasible', 'unbounded', 'error'])

/**
 * A stopped run's answer with its bound taken down to `least`, a bound the
 * run proved for the whole model, when that is lower (or the answer has
 * none); never below the answer's objective, which a valid bound cannot be
 * (only rounding could put it there). Other answers are returned as they are.
 * @internal
 */
export function atMostBound(run: CoreRun, least: number): CoreRun {
  if (NO_BOUND.has(run.status) || !(least < Infinity)) return run
  if (run.dualBound !== null && run.dualBound <= least) return run
  return { ...run, dualBound: Math.max(least, run.objective ?? -Infinity) }
}

/**
 * One part of a run on one HiGHS instance: the first core, pricing, the
 * rounds of cuts (each appended to the model and to HiGHS's rows in place,
 * the basis kept, then priced again), the core MILP and its proof.
 */
function solvePart(highs: Highs, given: CoreArrays, deadline: number, hooks: RunHooks, ws: Workspace): Part {
  // The model with every round of cuts so far.
  let m = given
  // Whether a round of cuts joined it.
  let cut = false
  const nc = m.colCost.length
  const inf = highs.infinity
  const fin = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v)
  const lagrangian = new Lagrangian(m, ws)
  const columns = new CoreColumns(m, lagrangian, hooks.start, ws)
  // The first core. Warm: the last LP core of the earlier solve, first and in its order (for its
  // basis); then every column the core keeps; cold: the best columns of every row by cost.
  const warm = given.warm
  let hm: ReturnType<Highs['createModel']> | null = null
  const incumbent: CoreContext['incumbent'] = { values: null, objective: null, bound: null, found: null }
  // A completed LP point too far below the bound to start the MILP from: still a solution.
  let fallback: Point | null = null
  try {
    hm = highs.createModel()
    const model = hm
    const counts: CoreContext['counts'] = {
      pricingRounds: 0,
      milpRounds: 0,
      lpMs: 0,
      lpBound: null,
      blockMs: 0,
      proofSteps: 0,
    }
    const stopAfter = given.stopAfterPricingRounds
    const halted = () => hooks.shouldStop() || (stopAfter !== undefined && counts.pricingRounds >= stopAfter)
    let ctx: CoreContext = {
      highs,
      m,
      model,
      columns,
      lagrangian,
      hooks,
      ws,
      fin,
      left: () => Math.max(0.001, (deadline - performance.now()) / 1000),
      halted,
      ...stopsAt(highs, deadline, halted),
      counts,
      incumbent,
    }
    const basisFits = warm !== undefined && joinWarmCore(ctx, warm)
    columns.joinKept()
    if (warm === undefined) columns.widen()

    passRows(highs, model, m, fin)
    model.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: PROOF_TOL,
      // See runHighs: presolve's probing costs more than it saves on these models.
      presolve: 'off',
      // The core MILPs close at or near the root: the feasibility-jump heuristic and the
      // symmetry detection cost a fifth of a county's MILP time and found nothing the root's
      // own heuristics did not (npm run bench:speed).
      mip_heuristic_run_feasibility_jump: false,
      mip_detect_symmetry: false,
    })
    columns.pass(model, fin, false)
    if (warm !== undefined && basisFits) setWarmBasis(ctx, warm)

    let priced = priceCore(ctx)
    if (endsRun(priced)) return { run: priced, cut }
    // Rounds of cuts (core/cuts.ts), each from the basis of the LP the round before tightened: the
    // cuts join the model's rows and HiGHS's (over the core's columns), HiGHS keeps its basis (the
    // cut rows join it basic), and the pricing goes on from there. The first round's LP core and
    // basis, and its LP bound, are those of the model's own rows: the next solve's warm start.
    // A round starts only with the time for its LPs, taken as long as the longest so far: one the
    // deadline stopped would leave the run no LP point to complete (see core/stopped.ts).
    let first: { readonly basis: Omit<CoreWarm, 'gap'>; readonly lpBound: number | null } | null = null
    let longest = priced.longestLpMs
    for (
      let round = 0;
      priced.done &&
      priced.basis !== null &&
      m.cuts === true &&
      round < CUT_ROUNDS &&
      ctx.left() * 1000 >= NEXT_LP_MARGIN * longest;
      round++
    ) {
      const cutStarted = performance.now()
      const cuts = gomoryCuts(ctx, ws)
      counts.lpMs += performance.now() - cutStarted
      if (cuts.length === 0) break
      first ??= { basis: priced.basis, lpBound: counts.lpBound }
      m = withCuts(m, cuts)
      columns.extend(model, m, fin)
      lagrangian.extend(m)
      ctx = { ...ctx, m }
      cut = true
      priced = priceCore(ctx)
      if (endsRun(priced)) return { run: priced, cut }
      longest = Math.max(longest, priced.longestLpMs)
    }

    // The start fitted to this model: values clamped to the column bounds; the rows it still
    // violates (a lock or a quota edited since it was found), or its value when it is feasible.
    let startRows: number[] = []
    let startValue = -Infinity
    if (hooks.start !== undefined) {
      const fitted = fitStart(m, hooks.start)
      startRows = fitted.violated
      startValue = fitted.value
      incumbent.values = fitted.x
    }
    // The blocks' gaps sharpen the proof (core/blocks.ts), from the LP just solved: at once when a
    // feasible start bounds them (the MILP core shrinks), else only when the first core MILP's
    // solution is not proven optimal without them.
    const sharpen = priced.done ? blocksOf(ctx, ws) : null
    if (sharpen !== null && incumbent.values !== null && startRows.length === 0) sharpen(incumbent.values)

    // Core MILP and the reduced-cost proof. Without a start, the LP point completed
    // (core/complete.ts) is one: at the LP bound it needs no MILP. The first MILP core holds the
    // columns a solution within the LP–MILP gap may use: the earlier gap when warm, else a guess
    // (or the start's distance to the bound, when less). A pricing that stopped short leaves its
    // last LP point, completed, as the incumbent (core/stopped.ts).
    const milpStarted = performance.now()
    let settled: Point | null = null
    let gamma = Infinity
    if (!priced.done) settleStopped(ctx, priced.point, hooks.start === undefined)
    else if (hooks.start === undefined) {
      const point = completeLpPoint(ctx, model.getSolution().colValue)
      if (point !== null) {
        announcePoint(ctx, point)
        const gap = lagrangian.bound - point.objective
        if (gap <= PROOF_TOL) settled = point
        // A start further below the bound than the guessed gap slowed the MILP (HiGHS's own
        // heuristics find better at once): only a near one is taken.
        else if (gap <= coldGap(ctx)) {
          incumbent.values = point.values
          incumbent.objective = point.objective
          startValue = point.objective
          startRows = []
          sharpen?.(point.values)
        } else fallback = point
      }
    }
    if (settled === null && priced.done) {
      // Cold, never more columns than the LP core.
      if (warm !== undefined && !cut) gamma = firstMilpCore(ctx, warmGap(warm), startValue)
      else gamma = firstMilpCore(ctx, coldGap(ctx), startValue, columns.order.length)
      // The incumbent's columns stay, so that HiGHS can take it.
      const inc = incumbent.values
      if (inc !== null) for (let j = 0; j < nc; j++) if (inc[j] !== 0) columns.join(j)
      columns.pass(model, fin, false)
    }
    // HiGHS runs no model without columns: an empty core keeps its most promising column.
    if (columns.order.length === 0 && nc > 0) {
      const { d } = lagrangian
      let best = 0
      for (let j = 1; j < nc; j++) if (d[j]! > d[best]!) best = j
      columns.join(best)
      columns.pass(model, fin, false)
    }
    columns.makeInteger(model)
    const run = proveCore(ctx, priced, startRows, milpStarted, sharpen ?? undefined, settled, fallback, gamma)
    if (first === null || run.warm === undefined) return { run, cut }
    // The next solve starts from the first round's LP (of the model's own rows), with its gap.
    const { warm: _last, ...rest } = run
    return {
      run:
        first.lpBound === null || run.objective === null
          ? rest
          : { ...rest, warm: { ...first.basis, gap: Math.max(0, first.lpBound - run.objective) } },
      cut,
    }
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError
    // HiGHS ran out of memory proving a solution it had already found: keep that solution.
    // A solution HiGHS reported during the MILP that aborted, when better than the last kept: the
    // core only grows between MILPs, so its positions are the first of the core's order.
    let { values, objective, bound } = incumbent
    const found = incumbent.found
    if (
      found !== null &&
      found.values.length <= columns.order.length &&
      (objective === null || found.objective > objective)
    ) {
      const full = new Float64Array(nc)
      for (let k = 0; k < found.values.length; k++) full[columns.order[k]!] = found.values[k]!
      values = full
      objective = found.objective
      bound = found.bound
    }
    // Or the completed LP point kept aside, when better still (a bound for the whole model holds for it too).
    if (fallback !== null && (objective === null || fallback.objective > objective)) {
      values = fallback.values
      objective = fallback.objective
    }
    if (fatal && values !== null && objective !== null)
      return {
        run: {
          status: 'memoryLimit',
          values,
          objective,
          dualBound: bound,
          message: String(e),
          fatal,
          stats: null,
        },
        cut,
      }
    return { run: failedRun('error', String(e), fatal), cut }
  } finally {
    try {
      hm?.dispose()
    } catch {
      // The instance is already unusable; the caller discards it on `fatal`.
    }
  }
}

/** Whether cuts tighten `m` by default: from {@link CUT_MIN_COLUMNS} pricable columns on. */
function cutsWanted(m: CoreArrays): boolean {
  let n = 0
  for (let j = 0; j < m.pricable.length; j++) n += m.pricable[j]!
  return n >= CUT_MIN_COLUMNS
}
