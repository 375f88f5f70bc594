/**
 * One interface for every exact backend. A backend takes a {@link Milp} and
 * returns a status, a column vector, the objective and the proven bound; limits
 * and aborts are outcomes, not exceptions.
 *
 * @module
 */
import type { Milp } from '../model/milp.js'

/** Progress of a long solve. @category Solvers */
export interface ProgressEvent {
  /** Objective of the best solution found so far, if any: never lower than in an earlier event of the same solve. */
  readonly incumbent: number | null
  /** Best proven bound on the objective, if known: never higher than in an earlier event of the same solve. */
  readonly bound: number | null
  /** Relative gap between the two, if both are known. */
  readonly gap: number | null
  readonly elapsedMs: number
}

/** Options every long call takes. @category Solvers */
export interface RunOptions {
  /**
   * Stop after this many milliseconds and return the best found: 0 to
   * 2,147,483,647 (2³¹ − 1, what a timer can wait, 24.8 days); a larger value
   * is an `InvalidOptions`. @defaultValue 60000
   */
  readonly timeLimitMs?: number
  /**
   * Abort the solve; one already aborted stops it before it starts. Any
   * number of solves may share one signal: banzi adds a single listener to
   * it, and removes it with the last solve.
   */
  readonly signal?: AbortSignal
  /**
   * Called with the incumbent, bound and gap as they improve. One that
   * throws, or returns a promise that rejects (an `async` callback), ends the
   * solve with status `'error'` (`SolverFailure`) naming it; the solve does
   * not wait on a promise it returns. The javascript-lp-solver backend
   * reports no progress.
   */
  readonly onProgress?: (e: ProgressEvent) => void
  /**
   * A hint: column values (sparse) of a solution believed feasible, for the
   * backend to try as its first incumbent. Ignored when it is not feasible,
   * and by backends that cannot use it. The HiGHS backend checks it (integer
   * columns rounded, values clamped to their bounds, every row met): a solve
   * it stops — time limit, abort, memory — answers at least a feasible start,
   * even when HiGHS stopped before taking it.
   */
  readonly start?: { readonly indices: Int32Array; readonly values: Float64Array }
  /**
   * How the HiGHS backend solves (other backends ignore it). `'core'`: the
   * priced-core method — the LP relaxation on a core of the binary columns,
   * priced with its duals until no left-out column could raise it, the MILP on
   * the core, and a reduced-cost proof that no left-out column could improve
   * the result (exact; see docs/architecture.md). `'direct'`: the whole model
   * at once. `'auto'`: the core method when the model has at least
   * {@link CORE_MIN_COLUMNS} binary columns.
   * @defaultValue 'auto'
   */
  readonly method?: SolveMethod
  /**
   * The most columns the priced-core method hands HiGHS. A proof that needs
   * more ends with status `memory-limit`: the best solution found and a bound
   * valid for the whole model. The default keeps HiGHS's wasm heap (≈ 2 GB)
   * clear on county and city models.
   * @defaultValue {@link DEFAULT_MAX_CORE_COLUMNS}
   */
  readonly maxCoreColumns?: number
  /**
   * What an earlier solve of this model learnt ({@link SolverResult.warmStart}),
   * for a re-solve after a small edit by `editMilp` — bounds, costs or row
   * bounds changed, rows appended, the columns unchanged (a lock, a quota).
   * The HiGHS backend's priced core then starts from the earlier LP basis,
   * sizes its MILP core by the earlier gap and tries the earlier solution,
   * repaired around the rows the edit broke, as its first incumbent. The
   * result is exact either way; a warm start of a model with another number of
   * columns is ignored, and so is one given to other backends.
   */
  readonly warmStart?: WarmStart
}

/**
 * What a priced-core solve passes on to the next solve of the same model after
 * a small edit (see {@link RunOptions.warmStart}). Treat it as opaque: it is
 * valid for the model it came from and that model's edits.
 * @category Solvers
 */
export interface WarmStart {
  /** Columns of the model it came from. */
  readonly columns: number
  /** The solution found (sparse column values). */
  readonly start: { readonly indices: Int32Array; readonly values: Float64Array }
  /** The last LP core's columns, and its simplex basis (column and row statuses). */
  readonly core: Int32Array
  readonly colStatus: Int32Array
  readonly rowStatus: Int32Array
  /** LP bound minus the optimum. */
  readonly gap: number
}

/** Default of {@link RunOptions.maxCoreColumns}. @category Solvers */
export const DEFAULT_MAX_CORE_COLUMNS = 400_000

/** How the HiGHS backend solves a model; see {@link RunOptions.method}. @category Solvers */
export type SolveMethod = 'auto' | 'core' | 'direct'

/** Binary columns from which `method: 'auto'` takes the priced-core method. @category Solvers */
export const CORE_MIN_COLUMNS = 20_000

/** Outcome of one backend solve. @category Solvers */
export type SolverStatus =
  | 'optimal'
  | 'infeasible'
  | 'time-limit'
  | 'interrupted'
  /** Stopped before the proof because the backend's memory would not hold it; `values` and `bound` as for a time limit. */
  | 'memory-limit'
  | 'unbounded'
  | 'error'

/** @category Solvers */
export interface SolverResult {
  readonly status: SolverStatus
  /** Column values, when a feasible solution exists. */
  readonly values: Float64Array | null
  readonly objective: number | null
  /**
   * A proven upper bound on the optimum of the whole model: `objective` when
   * `optimal`; after a stop, the best bound the backend proved, or `null` when
   * it proved none (never the incumbent in its place).
   */
  readonly bound: number | null
  readonly timeMs: number
  /** Details of an `error`. */
  readonly message?: string
  /** What the priced-core method did, when it ran. */
  readonly core?: CoreStats
  /** For a re-solve of this model after a small edit, when the priced core proved the optimum. */
  readonly warmStart?: WarmStart
}

/** What a priced-core solve did, for benchmarks and progress. @category Solvers */
export interface CoreStats {
  /** Columns in the final core, of `columns` in the model. */
  readonly coreColumns: number
  readonly columns: number
  /** LP solves of the pricing loop. */
  readonly pricingRounds: number
  /**
   * MILP solves: 1 when the first core already held a proven optimum, 0 when
   * the LP point, completed (`src/solvers/core/complete.ts`), reached the LP
   * bound and needed none.
   */
  readonly milpRounds: number
  /**
   * The LP bound of the whole model when pricing finished: with the cuts
   * (`src/solvers/core/cuts.ts`) when they ran, which only tightens it.
   */
  readonly lpBound: number | null
  /** Milliseconds spent pricing (LP solves included) and in the MILP solves. */
  readonly lpMs: number
  readonly milpMs: number
  /**
   * Milliseconds spent solving blocks of the model whole for a tighter proof
   * (teams, once the cadre rows are relaxed; `src/solvers/core/blocks.ts`).
   */
  readonly blockMs?: number
  /**
   * MILP rounds whose core took only part of the columns the proof wanted,
   * the nearest to the bound (see `stepGamma` in `src/solvers/core/proof.ts`):
   * after a poor first core MILP, the core grows in steps.
   */
  readonly proofSteps?: number
}

/** The LP relaxation of a model (every column continuous): its optimum and row duals. @category Solvers */
export interface LpRelaxation {
  readonly status: SolverStatus
  /** The LP optimum: an upper bound on the MILP's objective. */
  readonly objective: number | null
  readonly values: Float64Array | null
  /**
   * Row duals `y` at the optimum: raising row `r`'s active bound by one unit
   * changes the LP optimum by about `y_r` (exactly, within the basis' range).
   */
  readonly rowDual: Float64Array | null
  readonly timeMs: number
  readonly message?: string
}

/** A MILP backend. @category Solvers */
export interface Solver {
  readonly name: string
  /** Solves the MILP within the options' limits: the best found, its status and a bound. */
  solve(model: Milp, options: RunOptions): Promise<SolverResult>
  /** The LP relaxation with its duals, for backends that give them. */
  relax?(model: Milp, options: RunOptions): Promise<LpRelaxation>
}

/** Relative gap of a maximisation, `(bound − objective) / max(1, |objective|)`, never negative. @category Solvers */
export function relativeGap(objective: number, bound: number): number {
  return Math.max(0, (bound - objective) / Math.max(1, Math.abs(objective)))
}

/**
 * The outcome of a model without columns: optimal at 0 when every row admits
 * an activity of 0, infeasible otherwise (a cut `0 ≤ −1` in a round with no
 * open post, say).
 * @category Solvers
 */
export function solveEmpty(m: Milp): SolverResult {
  for (let r = 0; r < m.rowLower.length; r++)
    if (m.rowLower[r]! > 1e-9 || m.rowUpper[r]! < -1e-9)
      return { status: 'infeasible', values: null, objective: null, bound: null, timeMs: 0 }
  return { status: 'optimal', values: new Float64Array(0), objective: 0, bound: 0, timeMs: 0 }
}
