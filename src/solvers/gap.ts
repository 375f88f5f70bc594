/**
 * `generalizedAssignment`: jobs to capacitated agents (each job to exactly
 * one agent, each agent's total weight within its capacity), minimised or
 * maximised — the generalized assignment problem (GAP) of Ross and Soland
 * (1975) and of the OR-Library sets. It is built on the same {@link Milp} IR
 * and solved by the same {@link Solver} backends as a staffing, so the
 * OR-Library instances measure banzi's exact layer on published optima.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import { MilpBuilder } from '../model/milp.js'
import type { Milp } from '../model/milp.js'
import { highsSolver } from './highs.js'
import { relativeGap } from './solver.js'
import type { ProgressEvent, RunOptions, Solver } from './solver.js'
import { checkOptions, RUN_OPTION_SPEC, type InvalidOptions, type OptionSpec } from '../io/door.js'
import { renderValue } from '../io/errors.js'

/**
 * A GAP instance: `cost[i][j]` and `weight[i][j]` of job `j` on agent `i`,
 * `capacity[i]` of agent `i`.
 * @category Solvers
 */
export interface GapInput {
  readonly cost: readonly ArrayLike<number>[]
  readonly weight: readonly ArrayLike<number>[]
  readonly capacity: ArrayLike<number>
  /** Minimise total cost or maximise total profit. */
  readonly sense: 'min' | 'max'
}

/** Options of {@link generalizedAssignment}. @category Solvers */
export interface GapOptions extends RunOptions {
  /** Exact backend. @defaultValue highsSolver */
  readonly backend?: Solver
}

/** A solution, proven optimal or the best found when the time ran out. @category Solvers */
export interface GapSolution {
  readonly status: 'optimal' | 'time-limit' | 'interrupted' | 'memory-limit'
  /** `assignment[j]` is the agent job `j` goes to. */
  readonly assignment: Int32Array
  /** Total cost (min) or profit (max) of the assignment, in the instance's own sense. */
  readonly objective: number
  /** Best proven bound in the same sense (equal to the objective when optimal), if known. */
  readonly bound: number | null
  /** Relative gap between objective and bound; 0 when optimal. */
  readonly gap: number | null
  readonly timeMs: number
  readonly backend: string
}

/** Why there is no solution. @category Solvers */
export type GapError =
  /** An option out of its range or of the wrong type. */
  | InvalidOptions
  | {
      /** Ragged or non-finite input; `path` names the entry, e.g. `['weight', 2, 5]`. */
      readonly _tag: 'InvalidInstance'
      readonly path: readonly (string | number)[]
      readonly message: string
    }
  | { readonly _tag: 'Infeasible'; readonly message: string }
  | { readonly _tag: 'TimeLimit'; readonly bound: number | null; readonly message: string }
  | { readonly _tag: 'Aborted'; readonly message: string }
  | { readonly _tag: 'SolverFailure'; readonly backend: string; readonly message: string }

type Invalid = Extract<GapError, { _tag: 'InvalidInstance' }>

/** The backends' time limit when none is given ({@link RunOptions.timeLimitMs}). */
const DEFAULT_TIME_LIMIT_MS = 60_000

/** The checks of {@link GapOptions}' keys. */
const GAP_OPTION_SPEC: OptionSpec = {
  ...RUN_OPTION_SPEC,
  backend: {
    expected: 'a Solver (an object with a solve function)',
    test: (v) => typeof v === 'object' && v !== null && typeof (v as Solver).solve === 'function',
  },
}

function check(input: GapInput): Invalid | null {
  const bad = (path: (string | number)[], message: string): Invalid => ({
    _tag: 'InvalidInstance',
    path,
    message,
  })
  const arrayLike = (v: unknown): boolean =>
    Array.isArray(v) || (ArrayBuffer.isView(v) && !(v instanceof DataView))
  if (typeof input !== 'object' || input === null)
    return bad([], 'generalizedAssignment: input: expected { cost, weight, capacity, sense }')
  if (!arrayLike(input.capacity))
    return bad(['capacity'], 'generalizedAssignment: capacity: expected an array of numbers')
  for (const key of ['cost', 'weight'] as const)
    if (!Array.isArray(input[key]) || !input[key].every(arrayLike))
      return bad([key], `generalizedAssignment: ${key}: expected an array of arrays of numbers`)
  if (input.sense !== 'min' && input.sense !== 'max')
    return bad(['sense'], 'generalizedAssignment: sense: expected "min" or "max"')
  const agents = input.capacity.length
  if (agents === 0) return bad(['capacity'], 'generalizedAssignment: at least one agent is needed')
  const jobs = input.cost[0]?.length ?? 0
  for (const key of ['cost', 'weight'] as const) {
    const m = input[key]
    if (m.length !== agents)
      return bad([key], `generalizedAssignment: ${key} has ${m.length} rows for ${agents} agents`)
    for (let i = 0; i < agents; i++) {
      if (m[i]!.length !== jobs)
        return bad([key, i], `generalizedAssignment: ${key}[${i}] has ${m[i]!.length} entries, not ${jobs}`)
      for (let j = 0; j < jobs; j++)
        if (!Number.isFinite(m[i]![j]!))
          return bad(
            [key, i, j],
            `generalizedAssignment: ${key}[${i}][${j}]: expected a finite number, got ${renderValue(m[i]![j])}`,
          )
    }
  }
  for (let i = 0; i < agents; i++)
    if (!Number.isFinite(input.capacity[i]!))
      return bad(
        ['capacity', i],
        `generalizedAssignment: capacity[${i}]: expected a finite number, got ${renderValue(input.capacity[i])}`,
      )
  return null
}

/**
 * The MILP of a GAP instance: binary `x:a<i>:j<j>` per (agent, job), rows
 * `job:<j>:assigned` (= 1) and `agent:<i>:capacity` (≤ capacity). The IR
 * maximises, so a minimisation is written with negated costs. Column
 * `i * jobs + j` is (agent i, job j).
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Solvers
 * @param input - a valid instance
 * @returns the model, ready for any {@link Solver} or for `exportModel`
 * @example
 * const m = gapModel({ cost: [[1, 2]], weight: [[1, 1]], capacity: [2], sense: 'min' })
 * Array.from(m.colCost) //=> [-1, -2]
 */
export function gapModel(input: GapInput): Milp {
  const invalid = check(input)
  if (invalid !== null)
    throw new TypeError(
      `gapModel: input: expected a GAP instance { cost, weight, capacity, sense } (${invalid.message.replace(/^generalizedAssignment: /, '')})`,
    )
  const agents = input.capacity.length
  const jobs = input.cost[0]?.length ?? 0
  const sign = input.sense === 'max' ? 1 : -1
  const b = new MilpBuilder()
  for (let i = 0; i < agents; i++)
    for (let j = 0; j < jobs; j++) b.addColumn(`x:a${i}:j${j}`, sign * input.cost[i]![j]!, 0, 1, true)
  const all = Array.from({ length: agents }, (_, i) => i)
  for (let j = 0; j < jobs; j++)
    b.addRow(
      `job:${j}:assigned`,
      all.map((i) => i * jobs + j),
      all.map(() => 1),
      1,
      1,
    )
  for (let i = 0; i < agents; i++)
    b.addRow(
      `agent:${i}:capacity`,
      Array.from({ length: jobs }, (_, j) => i * jobs + j),
      Array.from(input.weight[i]!),
      -Infinity,
      input.capacity[i]!,
    )
  return b.build()
}

/**
 * `v · 2^e`, exact short of overflow and of underflow below 2^−1074. In two
 * factors, since 2^e alone need not be a double (e > 1023 or e < −1074):
 * each half is, and the product in between lies between `v` and the result.
 */
const times2 = (v: number, e: number): number => v * 2 ** Math.trunc(e / 2) * 2 ** (e - Math.trunc(e / 2))

/** The `e` with 2^e ≤ x < 2^(e+1), for a finite x > 0 (log2 rounds: settled exactly). */
function floorLog2(x: number): number {
  let e = Math.floor(Math.log2(x))
  while (times2(x, -e) >= 2) e++
  while (times2(x, -e) < 1) e--
  return e
}

/**
 * `m` with its costs multiplied by 2^−e, the largest |cost| then in (0.5, 1]
 * (1 when every cost is 0), and the function that takes an objective back.
 * Powers of two keep every product exact (short of underflow below 2^−1074).
 */
function scaledCosts(m: Milp): { model: Milp; unscale: (v: number) => number } {
  let largest = 0
  for (const c of m.colCost) largest = Math.max(largest, Math.abs(c))
  if (largest === 0) return { model: m, unscale: (v) => v }
  // 2^(e−1) < largest ≤ 2^e.
  const f = floorLog2(largest)
  const e = largest === 2 ** f ? f : f + 1
  if (e === 0) return { model: m, unscale: (v) => v }
  return { model: { ...m, colCost: m.colCost.map((v) => times2(v, -e)) }, unscale: (v) => times2(v, e) }
}

const BITS = new DataView(new ArrayBuffer(8))

/** `x · 2^1074` as a bigint: exact for every finite double, each an integer multiple of 2^−1074. */
function units(x: number): bigint {
  BITS.setFloat64(0, x)
  const hi = BITS.getUint32(0)
  const biased = (hi >>> 20) & 0x7ff
  let m = (BigInt(hi & 0xfffff) << 32n) | BigInt(BITS.getUint32(4))
  if (biased !== 0) m |= 1n << 52n
  m <<= BigInt(Math.max(biased - 1, 0))
  return hi >>> 31 === 1 ? -m : m
}

/** The sign of `Σ values − limit`, computed exactly (no rounding, no overflow): 1 when the sum exceeds the limit. */
function compareSum(values: readonly number[], limit: number): number {
  // Integers whose magnitudes sum below 2^53 add exactly as doubles (every OR-Library instance).
  let magnitude = Math.abs(limit)
  let integers = Number.isInteger(limit)
  for (const v of values) {
    magnitude += Math.abs(v)
    integers = integers && Number.isInteger(v)
  }
  if (integers && magnitude < 2 ** 53) {
    let s = -limit
    for (const v of values) s += v
    return Math.sign(s)
  }
  let s = -units(limit)
  for (const v of values) s += units(v)
  return s > 0n ? 1 : s < 0n ? -1 : 0
}

/**
 * A capacity row is handed to the solver multiplied by a power of two that
 * brings its largest |entry| (weights and capacity) into [2^24, 2^25): the
 * solver's absolute feasibility tolerance (HiGHS: 1e-6) then lets a load
 * exceed its capacity by about 6e-14 of that entry at most, instead of 1e-6
 * whatever the weights' scale (weights of 1e-12 were overloaded 100 %).
 */
const ROW_EXPONENT = 24

/** HiGHS's MIP feasibility tolerance: how far a solution may break a row (of the scaled model). */
const FEASIBILITY_TOLERANCE = 1e-6

/**
 * Re-solves with a tightened capacity row before an overload is answered as
 * a failure. The row is lowered by 4 times the tolerance (or the overload,
 * if larger), then 1,024 and 262,144 times: 4e-6, 1e-3, 0.26 in the row's
 * scale, where its largest entry is 2^24 or more — at most 1.6e-8 of it.
 * HiGHS needs the first step; javascript-lp-solver, whose tolerance is about
 * 1e-9 of the row's entries, the last.
 */
const MAX_TIGHTENINGS = 3

/** How agent `i`'s capacity row is handed to the solver. */
interface CapacityRow {
  /** The row is multiplied by 2^scale: `weight[i][j] · 2^scale` ≤ `capacity[i] · 2^scale`. */
  readonly scale: number
  /** `capacity[i] · 2^scale`, or `Infinity` when no assignment can exceed `capacity[i]`. */
  readonly capacity: number
}

/**
 * The capacity rows as the solver gets them, or the message of an agent
 * whose capacity no assignment meets. A capacity at or above the sum of the
 * agent's positive weights bounds nothing (1e20 would read as infinite in
 * HiGHS): the row is free. One below the sum of its negative weights (the
 * least load it can carry) cannot be met. Every other capacity is at most
 * the sum of the agent's |weights|, finite as a real number (though the sum
 * of doubles may overflow), and once scaled below 2^25, as is every weight:
 * within what any backend takes (HiGHS: coefficients below 1e15, bounds below
 * 1e20), whatever the instance's scale. Sums are compared exactly
 * ({@link compareSum}).
 */
function capacityRows(input: GapInput): CapacityRow[] | string {
  const rows: CapacityRow[] = []
  for (let i = 0; i < input.capacity.length; i++) {
    const w = Array.from(input.weight[i]!)
    const cap = input.capacity[i]!
    const largest = w.reduce((a, v) => Math.max(a, Math.abs(v)), 0)
    const most = w.filter((v) => v > 0)
    if (compareSum(most, cap) <= 0) {
      rows.push({ scale: largest === 0 ? 0 : ROW_EXPONENT - floorLog2(largest), capacity: Infinity })
      continue
    }
    const least = w.filter((v) => v < 0)
    if (compareSum(least, cap) > 0)
      return `capacity[${i}]: ${cap} is below the least load agent ${i} can carry, ${least.reduce((a, v) => a + v, 0)} (the sum of its negative weights)`
    const scale = ROW_EXPONENT - floorLog2(Math.max(largest, Math.abs(cap)))
    rows.push({ scale, capacity: times2(cap, scale) })
  }
  return rows
}

/** `m` (a {@link gapModel}) with capacity rows scaled as `rows` say and upper bounds `upper` (scaled). */
function withCapacityRows(m: Milp, jobs: number, rows: readonly CapacityRow[], upper: Float64Array): Milp {
  const rowValue = Float64Array.from(m.rowValue)
  const rowUpper = Float64Array.from(m.rowUpper)
  rows.forEach((row, i) => {
    for (let k = m.rowStarts[jobs + i]!; k < m.rowStarts[jobs + i + 1]!; k++)
      rowValue[k] = times2(rowValue[k]!, row.scale)
    rowUpper[jobs + i] = upper[i]!
  })
  return { ...m, rowValue, rowUpper }
}

/** Agent `i`'s load under `assignment`, scaled as its row, minus its scaled capacity: by how much it is over (rounded). */
function scaledExcess(input: GapInput, row: CapacityRow, i: number, assignment: Int32Array): number {
  let load = 0
  assignment.forEach((a, j) => {
    if (a === i) load += times2(input.weight[i]![j]!, row.scale)
  })
  return load - row.capacity
}

/**
 * Solves a generalized assignment problem exactly: every job to one agent,
 * every agent within its capacity, total cost minimised (or profit
 * maximised).
 *
 * The costs are scaled by a power of two (exact) so that the largest |cost|
 * lies in (0.5, 1] before the solve, whatever their magnitude (HiGHS would
 * otherwise stop within its absolute gap of 1e-7 on costs near 1e-7, and take
 * a cost of 1e20 or more as infinite); the objective is recomputed from the
 * input and the bound (and the `onProgress` incumbents, bounds and gaps)
 * scaled back, in the instance's own sense: when minimising, an incumbent is
 * a total cost and the bound a lower bound. Differences in total cost below
 * about 1e-7 × the largest |cost| (HiGHS's gap and feasibility tolerances)
 * are not resolved: an assignment that far from the optimum may be reported
 * optimal.
 *
 * Every assignment returned keeps every agent within its capacity exactly:
 * the sum of its weights, computed without rounding, is at most its
 * capacity. To that end each capacity row reaches the solver multiplied by a
 * power of two (exact) that brings its largest |weight| or |capacity| into
 * [2^24, 2^25), so that the solver's tolerance (HiGHS lets a row be exceeded
 * by 1e-6) is about 6e-14 of it, not 1e-6 whatever the instance's scale (a
 * row of weights near 1e-12 was overloaded 100 %). A capacity at or above the
 * sum of the agent's positive weights bounds nothing and its row is left
 * free (a capacity of 1e20 or 1e300 means unlimited); one below the sum of
 * its negative weights is `Infeasible` at once. Every load is then checked
 * against the input. One still over its capacity (by less than the
 * tolerance: weights 0.1 and 0.2 on a capacity of 0.3) makes the solve start
 * again with that capacity lowered, by 4e-6, then 1e-3, then 0.26 of the
 * row's scale (at most 1.6e-8 of the agent's largest |weight| or
 * |capacity|); still over after three such re-solves, the answer is
 * `SolverFailure`. The answer of a re-solve is optimal, and its bound valid,
 * for the capacities so lowered: a better assignment would have to load some
 * agent within that margin of its capacity; if the re-solve finds none, the
 * answer is `Infeasible`. Its `onProgress` events follow those of the first
 * solve, whose incumbents may include the overloaded assignment.
 *
 * @category Solvers
 * @param input - `cost`, `weight` (agents × jobs), `capacity` (per agent), `sense`
 * @param options - `backend` (HiGHS by default), `timeLimitMs` (for the whole call, re-solves included), `signal`, `onProgress`
 * @returns the assignment with its objective, bound and status, or why there is none
 * @example
 * const r = await generalizedAssignment({
 *   cost: [[5, 6, 4], [3, 8, 7]],
 *   weight: [[2, 2, 2], [1, 3, 3]],
 *   capacity: [4, 3],
 *   sense: 'min',
 * })
 * isRight(r) && [Array.from(r.right.assignment), r.right.objective] //=> [[1, 0, 0], 13]
 */
export async function generalizedAssignment(
  input: GapInput,
  options: GapOptions = {},
): Promise<Either<GapError, GapSolution>> {
  const invalid = check(input)
  if (invalid !== null) return left(invalid)
  const checked = checkOptions<GapOptions>(options, GAP_OPTION_SPEC)
  if (checked._tag === 'Left') return checked
  const started = performance.now()
  const solver = options.backend ?? highsSolver
  const agents = input.capacity.length
  const jobs = input.cost[0]?.length ?? 0
  const sign = input.sense === 'max' ? 1 : -1
  const rows = capacityRows(input)
  if (typeof rows === 'string')
    return left({ _tag: 'Infeasible', message: `no assignment of every job fits the capacities: ${rows}` })
  const base = gapModel(input)
  const upper = Float64Array.from(rows, (row) => row.capacity)
  const { model: costed, unscale } = scaledCosts(base)
  const onProgress = options.onProgress
  // In the instance's sense and scale, as the final objective and bound are.
  const inSense = (v: number | null) => (v === null ? null : sign * unscale(v))
  const progress =
    onProgress === undefined
      ? {}
      : {
          onProgress: (e: ProgressEvent) => {
            const incumbent = inSense(e.incumbent)
            const bound = inSense(e.bound)
            onProgress({
              ...e,
              incumbent,
              bound,
              gap: incumbent === null || bound === null ? null : relativeGap(sign * incumbent, sign * bound),
            })
          },
        }
  let timeMs = 0
  for (let round = 0; ; round++) {
    const model = withCapacityRows(costed, jobs, rows, upper)
    // A re-solve gets what is left of the call's time limit.
    const limit = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
    const remaining =
      round === 0 ? {} : { timeLimitMs: Math.max(0, Math.floor(limit - (performance.now() - started))) }
    const r = await solver.solve(model, { ...options, ...remaining, ...progress })
    timeMs += r.timeMs
    const bound = r.bound === null ? null : sign * unscale(r.bound)
    if (r.status === 'infeasible')
      return left({
        _tag: 'Infeasible',
        message:
          round === 0
            ? 'no assignment of every job fits the capacities'
            : 'no assignment of every job fits the capacities: those the backend found exceeded one by less than its tolerance, and it finds none with that capacity lowered by a hair (see generalizedAssignment)',
      })
    if (r.status === 'unbounded' || r.status === 'error')
      return left({ _tag: 'SolverFailure', backend: solver.name, message: r.message ?? `status ${r.status}` })
    if (r.values === null)
      return left(
        r.status === 'interrupted'
          ? { _tag: 'Aborted', message: 'aborted before an assignment was found' }
          : {
              _tag: 'TimeLimit',
              bound,
              message: `no assignment found within ${limit} ms`,
            },
      )
    const assignment = new Int32Array(jobs).fill(-1)
    let objective = 0
    for (let i = 0; i < agents; i++)
      for (let j = 0; j < jobs; j++)
        if (r.values[i * jobs + j]! > 0.5) {
          assignment[j] = i
          // Recomputed from the input, not taken from the solver, so it is exact in the instance's numbers.
          objective += input.cost[i]![j]!
        }
    // Checked against the input, exactly: the solver's tolerance may have let a load past its capacity.
    const over: number[] = []
    for (let i = 0; i < agents; i++) {
      const load = Array.from(input.weight[i]!).filter((_, j) => assignment[j] === i)
      if (compareSum(load, input.capacity[i]!) > 0) over.push(i)
    }
    if (over.length === 0)
      return right({
        status: r.status,
        assignment,
        objective,
        bound: r.status === 'optimal' ? objective : bound,
        gap: r.status === 'optimal' ? 0 : bound === null ? null : relativeGap(sign * objective, sign * bound),
        timeMs,
        backend: solver.name,
      })
    const i = over[0]!
    if (round === MAX_TIGHTENINGS)
      return left({
        _tag: 'SolverFailure',
        backend: solver.name,
        message: `capacity[${i}]: the backend's assignment loads agent ${i} beyond its capacity ${input.capacity[i]} (by less than its tolerance), even with the capacity lowered ${MAX_TIGHTENINGS} times`,
      })
    // Lowered below the capacity by more than the tolerance (see MAX_TIGHTENINGS), so that the
    // solver's next answer, even past the lowered bound by its tolerance, fits.
    for (const a of over) {
      const row = rows[a]!
      const margin =
        Math.max(scaledExcess(input, row, a, assignment), FEASIBILITY_TOLERANCE) * 4 * 256 ** round
      const lowered = row.capacity - Math.max(margin, Math.abs(row.capacity) * 2 ** -50)
      upper[a] = Math.min(upper[a]!, lowered)
    }
  }
}
