/**
 * One HiGHS run on a loaded module: pass the model, set the options, run with
 * callbacks, read the outcome. The worker thread (`highs-thread.ts`) and the
 * in-process path call the very same function.
 *
 * @module
 */
import type { Highs } from 'highs'
import type { Milp } from '../model/milp.js'
import { relativeGap } from './solver.js'
import { fitStart } from './core/warm.js'

/** The arrays of a {@link Milp} that HiGHS needs (names stay behind). @internal */
export type MilpArrays = Pick<
  Milp,
  | 'colCost'
  | 'colLower'
  | 'colUpper'
  | 'integer'
  | 'rowLower'
  | 'rowUpper'
  | 'rowStarts'
  | 'rowIndex'
  | 'rowValue'
  | 'linkingRows'
>

/** What a run reports, before it is mapped to a {@link SolverResult}. @internal */
export interface RawRun {
  /** HiGHS model status name (`optimal`, `timeLimit`, …), or `error`. */
  readonly status: string
  readonly values: Float64Array | null
  readonly objective: number | null
  readonly dualBound: number | null
  readonly message: string | null
  /** A wasm abort: the module instance is unusable from now on. */
  readonly fatal: boolean
  /** Row duals of an LP relaxation run (`relax`), when optimal. */
  readonly rowDual?: Float64Array | null
}

/** A run that ended before HiGHS could say anything. @internal */
export function failedRun(status: string, message: string, fatal = false): RawRun {
  return { status, values: null, objective: null, dualBound: null, message, fatal }
}

/** @internal */
export interface RunHooks {
  /** Polled at HiGHS's interrupt checkpoints; true stops the run with its incumbent. */
  readonly shouldStop: () => boolean
  readonly onImproved: (incumbent: number | null, bound: number | null, gap: number | null) => void
  /**
   * Each new incumbent, as the nonzero columns of the whole model: the caller
   * keeps the last, so that a run it must stop from outside (a HiGHS phase
   * that checks no interrupt, see `highs-worker.ts`) still answers with it.
   */
  readonly onSolution?: (indices: Int32Array, values: Float64Array, objective: number) => void
  /** A MIP start (sparse column values); HiGHS checks it and ignores it when infeasible. */
  readonly start?: { readonly indices: Int32Array; readonly values: Float64Array } | undefined
  /** Solve the LP relaxation (every column continuous) and report its row duals. */
  readonly relax?: boolean | undefined
}

/**
 * `hooks` as a run's caller sees them: an incumbent reported is never below
 * one reported before, nor a bound above one reported before (each holds for
 * the whole model, so the least holds), and `onSolution` is given only
 * solutions better than every one it was given. HiGHS reports the solutions
 * of its sub-MIPs too, and a core MILP without a start may find worse
 * solutions than the completed LP point announced before it (a general
 * election of 60 cadres: 2,208.8, then 1,116.7); such a report repeats the
 * best so far.
 * @internal
 */
export function monotoneHooks(hooks: RunHooks): RunHooks {
  let best = -Infinity
  let least = Infinity
  let given = -Infinity
  return {
    ...hooks,
    onImproved: (incumbent, bound) => {
      if (incumbent !== null) best = Math.max(best, incumbent)
      if (bound !== null) least = Math.min(least, bound)
      const inc = best === -Infinity ? null : best
      const b = least === Infinity ? null : least
      hooks.onImproved(inc, b, inc === null || b === null ? null : relativeGap(inc, b))
    },
    ...(hooks.onSolution === undefined
      ? {}
      : {
          onSolution: (indices: Int32Array, values: Float64Array, objective: number) => {
            if (!(objective > given)) return
            given = objective
            hooks.onSolution!(indices, values, objective)
          },
        }),
  }
}

/**
 * Gives `hooks.onSolution` (when there is one) an incumbent HiGHS reported
 * for `length` columns, as its nonzero entries in columns of the whole model
 * (`at[k]`: the model's column of HiGHS's `k`-th; `null`: the same); one whose
 * vector is not of that length is not given.
 * @internal
 */
export function sendIncumbent(
  hooks: RunHooks,
  x: ArrayLike<number>,
  length: number,
  at: ArrayLike<number> | null,
  objective: number,
): void {
  if (hooks.onSolution === undefined || x.length !== length) return
  let n = 0
  for (let k = 0; k < length; k++) if (x[k] !== 0) n++
  const indices = new Int32Array(n)
  const values = new Float64Array(n)
  n = 0
  for (let k = 0; k < length; k++)
    if (x[k] !== 0) {
      indices[n] = at === null ? k : at[k]!
      values[n++] = x[k]!
    }
  hooks.onSolution(indices, values, objective)
}

/**
 * How a run stops: HiGHS's interrupt callback, which stops it when `halted`
 * or once `deadline` (a `performance.now()` time) has passed — HiGHS's own
 * time limit is not always checked in time (a general election's core MILP
 * ran 29 s past it) — and the name of a model status, where an interruption
 * for the deadline alone is named the time limit, as HiGHS would have.
 * @internal
 */
export function stopsAt(
  highs: Highs,
  deadline: number,
  halted: () => boolean,
): { stop: (e: { interrupt(): void }) => undefined; statusOf: (code: number) => string } {
  const names = highs.constants.modelStatus as Readonly<Record<string, number>>
  return {
    stop: (e) => {
      if (halted() || performance.now() > deadline) e.interrupt()
      return undefined
    },
    statusOf: (code) => {
      const name = Object.keys(names).find((k) => names[k] === code) ?? `status ${code}`
      return name === 'interrupted' && !halted() && performance.now() > deadline ? 'timeLimit' : name
    },
  }
}

/** HiGHS's infinity: a cost or bound of this magnitude or more is read as infinite (its `infinite_cost`, `infinite_bound`). */
export const HIGHS_INFINITE = 1e20

/** HiGHS's `large_matrix_value`: it refuses a model with a coefficient of this magnitude or more. */
export const HIGHS_LARGE_COEFFICIENT = 1e15

/** The arrays {@link milpFault} reads: a {@link Milp}'s, its names when there are any. @internal */
export type CheckedArrays = Omit<MilpArrays, 'linkingRows'> & {
  readonly colNames?: readonly string[]
  readonly rowNames?: readonly string[]
}

/**
 * Why `m` states no model, or `null`: arrays whose lengths disagree (names
 * included, when given), row starts that do not run from 0 up to the number
 * of entries, a column index outside the columns, a cost or coefficient that
 * is NaN or infinite, a NaN bound, or a lower bound of `Infinity` or an upper
 * one of `-Infinity`. No solver reads such a model (HiGHS refuses each, most
 * with a bare "passModel failed"), and no LP or MPS file can say it (one
 * would hold `NaN`, `Infinity` or `undefined`): the one check of the HiGHS
 * backend ({@link beyondHighs}) and of `exportModel`. With `highs`, also a
 * number HiGHS misreads (see {@link beyondHighs}). One pass over each array.
 * @internal
 */
export function milpFault(m: CheckedArrays, highs = false): string | null {
  const nc = m.colCost.length
  const nr = m.rowLower.length
  const lengths = [
    ['colLower', m.colLower.length, nc, 'one per column'],
    ['colUpper', m.colUpper.length, nc, 'one per column'],
    ['integer', m.integer.length, nc, 'one per column'],
    ['colNames', m.colNames?.length ?? nc, nc, 'one per column'],
    ['rowUpper', m.rowUpper.length, nr, 'one per row'],
    ['rowNames', m.rowNames?.length ?? nr, nr, 'one per row'],
    ['rowStarts', m.rowStarts.length, nr + 1, 'one per row, and one more'],
    ['rowValue', m.rowValue.length, m.rowIndex.length, 'one per entry of rowIndex'],
  ] as const
  for (const [what, length, expected, of] of lengths)
    if (length !== expected) return `${what}: ${length} entries, expected ${expected} (${of})`
  if (m.rowStarts[0] !== 0 || m.rowStarts[nr] !== m.rowIndex.length)
    return `rowStarts: runs from ${m.rowStarts[0]} to ${m.rowStarts[nr]}, not from 0 to the ${m.rowIndex.length} entries`
  for (let r = 0; r < nr; r++)
    if (m.rowStarts[r + 1]! < m.rowStarts[r]!)
      return `row ${r}: its entries end (${m.rowStarts[r + 1]}) before they start (${m.rowStarts[r]})`
  const big = (v: number) => highs && Math.abs(v) >= HIGHS_INFINITE && Number.isFinite(v)
  const beyond = (place: string, what: string, v: number) =>
    `${place}: ${what} ${v} is beyond what HiGHS takes as finite (|value| < 1e20); scale the model`
  for (let j = 0; j < nc; j++) {
    const cost = m.colCost[j]!
    const lo = m.colLower[j]!
    const hi = m.colUpper[j]!
    if (!Number.isFinite(cost)) return `column ${j}: cost ${cost} is not a finite number`
    if (Number.isNaN(lo) || lo === Infinity) return `column ${j}: lower bound ${lo} admits no value`
    if (Number.isNaN(hi) || hi === -Infinity) return `column ${j}: upper bound ${hi} admits no value`
    if (big(cost)) return beyond(`column ${j}`, 'cost', cost)
    if (big(lo)) return beyond(`column ${j}`, 'lower bound', lo)
    if (big(hi)) return beyond(`column ${j}`, 'upper bound', hi)
  }
  for (let r = 0; r < nr; r++) {
    const lo = m.rowLower[r]!
    const hi = m.rowUpper[r]!
    if (Number.isNaN(lo) || lo === Infinity) return `row ${r}: row lower bound ${lo} admits no activity`
    if (Number.isNaN(hi) || hi === -Infinity) return `row ${r}: row upper bound ${hi} admits no activity`
    if (big(lo)) return beyond(`row ${r}`, 'row lower bound', lo)
    if (big(hi)) return beyond(`row ${r}`, 'row upper bound', hi)
  }
  for (let k = 0; k < m.rowIndex.length; k++) {
    const j = m.rowIndex[k]!
    const v = m.rowValue[k]!
    if (!(j >= 0 && j < nc)) return `matrix entry ${k}: column index ${j} is outside the ${nc} columns`
    if (!Number.isFinite(v)) return `matrix entry ${k}: coefficient ${v} is not a finite number`
    if (highs && !(Math.abs(v) < HIGHS_LARGE_COEFFICIENT))
      return `matrix entry ${k}: coefficient ${v} is beyond what HiGHS takes (|coefficient| < 1e15); scale the model`
  }
  return null
}

/**
 * Why HiGHS would refuse or misread `m`, or `null`: a {@link milpFault}; a
 * cost, or a finite column or row bound, of magnitude 1e20 or more, which
 * HiGHS takes as infinite (a cost of 1e21 came back 'optimal' with objective
 * Infinity); or a coefficient of 1e15 or more, which it refuses with a bare
 * "passModel failed". Infinite bounds are what they say and pass.
 * @internal
 */
export function beyondHighs(m: CheckedArrays): string | null {
  return milpFault(m, true)
}

/**
 * A start (sparse column values, a {@link RunHooks.start}) as a solution of
 * `m`, or `null` when it is none: the values of integer columns rounded and
 * every value clamped to its column's bounds, as the priced core fits a start
 * (`fitStart` in `core/warm.ts`), then every row met within 1e-6. A solution
 * is returned dense, with its objective. What a stopped run answers at the
 * least when it was given a feasible start (see `highs.ts`): HiGHS takes a
 * start only once its MIP search begins, and a run stopped before that has no
 * incumbent of its own.
 * @internal
 */
export function checkedStart(
  m: MilpArrays,
  start: { readonly indices: Int32Array; readonly values: Float64Array },
): { values: Float64Array; objective: number } | null {
  const fitted = fitStart(m, start)
  return fitted.violated.length > 0 || !Number.isFinite(fitted.value)
    ? null
    : { values: fitted.x, objective: fitted.value }
}

/**
 * Runs HiGHS once. Never throws: a failure is `status: 'error'`; so is a
 * model {@link beyondHighs} refuses.
 * @internal
 */
export function runHighs(highs: Highs, m: MilpArrays, timeLimitSeconds: number, caller: RunHooks): RawRun {
  const refused = beyondHighs(m)
  if (refused !== null)
    return { status: 'error', values: null, objective: null, dualBound: null, message: refused, fatal: false }
  const hooks = monotoneHooks(caller)
  const numCols = m.colCost.length
  const numRows = m.rowLower.length
  const inf = highs.infinity
  const finite = (a: Float64Array) => a.map((v) => (v === Infinity ? inf : v === -Infinity ? -inf : v))
  let hm = null
  try {
    hm = highs.createModel()
    hm.passModel({
      numCols,
      numRows,
      sense: highs.constants.objectiveSense.maximize,
      colCost: m.colCost,
      colLower: finite(m.colLower),
      colUpper: finite(m.colUpper),
      rowLower: finite(m.rowLower),
      rowUpper: finite(m.rowUpper),
      matrix: {
        format: 'csr',
        numRows,
        numCols,
        starts: m.rowStarts,
        indices: m.rowIndex,
        values: m.rowValue,
      },
      integrality: hooks.relax === true ? new Int32Array(numCols) : Int32Array.from(m.integer),
    })
    hm.options.set({
      output_flag: false,
      time_limit: timeLimitSeconds,
      // Exact: fit scores are floats, so HiGHS's default 1e-4 relative gap would stop short of the optimum.
      mip_rel_gap: 0,
      mip_abs_gap: 1e-7,
      // Presolve's probing of ~100k pair binaries took 48 of 56 s on the 1,200-cadre county
      // (bench seed 2026); without it the same model solves to optimality in 9 s.
      presolve: 'off',
    })
    if (hooks.start !== undefined) {
      try {
        hm.setSolution({ indices: hooks.start.indices, values: hooks.start.values })
      } catch {
        // A start HiGHS will not take is only a lost hint.
      }
    }
    const cb = highs.constants.callbackType
    const { stop, statusOf } = stopsAt(highs, performance.now() + timeLimitSeconds * 1000, hooks.shouldStop)
    const run = hm.run({
      [cb.simplexInterrupt]: stop,
      [cb.mipInterrupt]: stop,
      [cb.mipImprovingSolution]: (e): undefined => {
        const d = e.data
        // Only the incumbent: HiGHS reports its sub-MIPs' solutions here too, each with the
        // sub-MIP's own dual bound, which may lie below the optimum — no bound, so no gap, until
        // the run's own (its info at the end).
        const inc = d.mip_primal_bound ?? d.objective_function_value ?? null
        hooks.onImproved(inc, null, null)
        if (inc !== null && d.mip_solution !== undefined)
          sendIncumbent(hooks, d.mip_solution, numCols, null, inc)
        return undefined
      },
    })
    const status = statusOf(run.modelStatus)
    const hasPrimal =
      Number(hm.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible
    const dual = Number(hm.info.get('mip_dual_bound'))
    const lp = hooks.relax === true && status === 'optimal'
    const solution = hasPrimal || lp ? hm.getSolution() : null
    return {
      status,
      values: hasPrimal && solution !== null ? solution.colValue : null,
      objective: hasPrimal ? hm.getObjectiveValue() : null,
      // After a stop, a dual bound not above the incumbent is no proof (see the callback above).
      dualBound: lp
        ? hm.getObjectiveValue()
        : Number.isFinite(dual) &&
            (status === 'optimal' || !hasPrimal || dual > hm.getObjectiveValue() + 1e-9)
          ? dual
          : null,
      message: null,
      fatal: false,
      rowDual: lp && solution !== null ? Float64Array.from(solution.rowDual) : null,
    }
  } catch (e) {
    // Written out rather than through failedRun: this function must reference nothing outside itself.
    return {
      status: 'error',
      values: null,
      objective: null,
      dualBound: null,
      message: String(e),
      fatal: e instanceof WebAssembly.RuntimeError,
    }
  } finally {
    try {
      hm?.dispose()
    } catch {
      // The instance is already unusable; the caller discards it on `fatal`.
    }
  }
}
