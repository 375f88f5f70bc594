/**
 * What the stages of one priced-core run share: the model, HiGHS's instance
 * of the core, the core's columns and bound, the hooks, the clock and the
 * counters reported in {@link CoreStats}.
 *
 * @module
 */
import type { Highs } from 'highs'
import { failedRun as failedRawRun, type RunHooks } from '../highs-run.js'
import type { CoreStats } from '../solver.js'
import type { CoreColumns, HighsModel } from './columns.js'
import type { Lagrangian } from './lagrangian.js'
import type { CoreArrays, CoreRun } from './types.js'
import type { Workspace } from './workspace.js'

/** One priced-core run's shared state. @internal */
export interface CoreContext {
  readonly highs: Highs
  readonly m: CoreArrays
  readonly model: HighsModel
  readonly columns: CoreColumns
  readonly lagrangian: Lagrangian
  readonly hooks: RunHooks
  /** The run's working arrays over every column (see Workspace). */
  readonly ws: Workspace
  /** A column or row bound as HiGHS reads it (±∞ as its own infinity). */
  readonly fin: (v: number) => number
  /** Seconds left of the time limit (at least 1 ms, which HiGHS needs to start). */
  left(): number
  /** Whether the run must stop now (an abort, or the tests' stop after n pricing LPs). */
  halted(): boolean
  /** The interrupt callback HiGHS polls: stops the run when {@link halted} or past the deadline. */
  readonly stop: (e: { interrupt(): void }) => undefined
  /** The name of a HiGHS model status. */
  statusOf(code: number): string
  readonly counts: {
    pricingRounds: number
    milpRounds: number
    lpMs: number
    lpBound: number | null
    /** Milliseconds spent solving blocks (`core/blocks.ts`). */
    blockMs: number
    /** Proofs whose wanted columns joined in part (`stepGamma`). */
    proofSteps: number
  }
  /**
   * The best solution found and the whole-model bound that goes with it, kept
   * outside the solve so that a wasm abort does not lose it.
   */
  readonly incumbent: {
    values: Float64Array | null
    objective: number | null
    bound: number | null
    /**
     * The best solution HiGHS reported during the core MILPs, in the core's
     * order (the columns left out at 0: a solution of the whole model), with
     * its objective and the whole-model bound then: what a wasm abort in
     * the middle of a MILP keeps.
     */
    found: { values: Float64Array; objective: number; bound: number | null } | null
  }
}

/**
 * Gives the next run on `ctx.model` the time left (and `options`). HiGHS reads
 * `time_limit` against clocks that add up every run on a model since they were
 * last zeroed, so they are zeroed first: else a re-solve late in a run stops
 * long before the deadline (a pricing LP of a 5,000-cadre general election
 * stopped at 49 s of a 60 s limit).
 * @internal
 */
export function limitNextRun(
  ctx: CoreContext,
  options: Record<string, number | string | boolean> = {},
): void {
  ctx.model.zeroAllClocks()
  ctx.model.options.set({ ...options, time_limit: ctx.left() })
}

/**
 * Reports progress to the caller: an incumbent's objective and a bound for
 * the whole model (either `null` when unknown). The gap is derived where the
 * caller's hooks take the best so far (`monotoneHooks`, which `runCore` puts
 * around them).
 * @internal
 */
export function reportProgress(ctx: CoreContext, incumbent: number | null, bound: number | null): void {
  ctx.hooks.onImproved(incumbent, bound, null)
}

/** A run that ends without a solution. @internal */
export function failedRun(status: string, message: string, fatal = false): CoreRun {
  return { ...failedRawRun(status, message, fatal), stats: null }
}

/** What the run did so far, the MILP time counted from `milpStarted`. @internal */
export function statsOf(ctx: CoreContext, milpStarted: number | null): CoreStats {
  return {
    coreColumns: ctx.columns.order.length,
    columns: ctx.m.colCost.length,
    pricingRounds: ctx.counts.pricingRounds,
    milpRounds: ctx.counts.milpRounds,
    lpBound: ctx.counts.lpBound,
    lpMs: ctx.counts.lpMs,
    blockMs: ctx.counts.blockMs,
    proofSteps: ctx.counts.proofSteps,
    milpMs: milpStarted === null ? 0 : performance.now() - milpStarted,
  }
}
