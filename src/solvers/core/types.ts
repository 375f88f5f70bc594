/**
 * The priced-core method's inputs and outputs: the model with the columns it
 * may leave out, what one solve passes on to the next (warm), and a run's
 * outcome. See `core-run.ts` for the method.
 *
 * @module
 */
import type { MilpArrays, RawRun } from '../highs-run.js'
import type { CoreStats } from '../solver.js'

/** The model of a core run: the arrays HiGHS needs and which columns may be left out. @internal */
export interface CoreArrays extends MilpArrays {
  /** 1 for a column the core may leave out (a binary pair column with bounds 0..1). */
  readonly pricable: Uint8Array
  /** The most columns the core may grow to. */
  readonly maxCoreColumns: number
  /** What an earlier solve of a model with the same columns learnt (see {@link CoreWarm}). */
  readonly warm?: CoreWarm
  /**
   * Tests only (never set by the backend): stop as an abort would once this
   * many pricing LPs have run — a deterministic stop point between pricing
   * rounds, or right after pricing.
   */
  readonly stopAfterPricingRounds?: number
  /**
   * Tests only (never set by the backend): pricing stops short, as when its
   * next LP could not be expected to finish in the time left, once this many
   * pricing LPs have run — the run then completes the last LP point and goes
   * on as it would at the deadline's approach.
   */
  readonly shortAfterPricingRounds?: number
  /**
   * Whether rounds of Gomory cuts for the whole model (`core/cuts.ts`) tighten
   * the LP once pricing has finished. @defaultValue true from
   * `CUT_MIN_COLUMNS` pricable columns on (where the proof of a loose LP
   * admits tens of thousands of columns), false below (the cut rounds' LPs
   * cost more than the smaller proof saves)
   */
  readonly cuts?: boolean
  /**
   * Whether the blocks of `linkingRows` sharpen the proof (`core/blocks.ts`).
   * @defaultValue true (tests and benchmarks compare without)
   */
  readonly blocks?: boolean
  /**
   * The lease of the room past the model's entries (see `entryLease` in
   * `model/storage.ts`): a run that takes it appends its rounds of cuts there
   * rather than copying every entry first.
   */
  readonly entryLease?: Int32Array
  /**
   * What this run writes in the lease word while it holds it (a positive
   * number, 1 by default): a worker thread's job number, so that the thread
   * that started a job killed mid-run can give its lease back.
   */
  readonly leaseToken?: number
}

/**
 * What a core run passes on to the next solve of a slightly edited model
 * (same columns; bounds, costs or rows changed, rows appended): the columns of
 * its last LP core with their simplex basis, from which the next pricing loop
 * starts, and its gap between the LP bound and the optimum, which sizes the
 * next MILP core. @internal
 */
export interface CoreWarm {
  /** The LP core's columns, in the order of `colStatus`. */
  readonly core: Int32Array
  readonly colStatus: Int32Array
  readonly rowStatus: Int32Array
  readonly gap: number
}

/** A core run's outcome: a {@link RawRun} and what the method did. @internal */
export interface CoreRun extends RawRun {
  readonly stats: CoreStats | null
  /** For a warm start of the next solve, when this one ended with a proven optimum. */
  readonly warm?: CoreWarm
}
