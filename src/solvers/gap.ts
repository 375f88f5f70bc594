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
import type { RunOptions, Solver } from './solver.js'
import { checkOptions, RUN_OPTION_SPEC, type InvalidOptions, type OptionSpec } from '../io/door.js'

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
          return bad([key, i, j], `generalizedAssignment: ${key}[${i}][${j}] is ${m[i]![j]}`)
    }
  }
  for (let i = 0; i < agents; i++)
    if (!Number.isFinite(input.capacity[i]!))
      return bad(['capacity', i], `generalizedAssignment: capacity[${i}] is ${input.capacity[i]}`)
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
 * `m` with its costs multiplied by 2^−e, the largest |cost| then in (0.5, 1]
 * (1 when every cost is 0), and the function that takes an objective back.
 * Powers of two keep every product exact (short of underflow below 2^−1074).
 */
function scaledCosts(m: Milp): { model: Milp; unscale: (v: number) => number } {
  let largest = 0
  for (const c of m.colCost) largest = Math.max(largest, Math.abs(c))
  if (largest === 0) return { model: m, unscale: (v) => v }
  let e = Math.ceil(Math.log2(largest))
  // log2 rounds: settle e so that 2^(e−1) < largest ≤ 2^e.
  const pow = (k: number) => 2 ** Math.trunc(k / 2) * 2 ** (k - Math.trunc(k / 2))
  while (largest * pow(-e) > 1) e++
  while (largest * pow(-e) <= 0.5) e--
  if (e === 0) return { model: m, unscale: (v) => v }
  const down = (v: number) => v * 2 ** -Math.trunc(e / 2) * 2 ** -(e - Math.trunc(e / 2))
  const up = (v: number) => v * 2 ** Math.trunc(e / 2) * 2 ** (e - Math.trunc(e / 2))
  return { model: { ...m, colCost: m.colCost.map(down) }, unscale: up }
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
 * input and the bound (and the `onProgress` incumbents and bounds) scaled back.
 * Differences in total cost below about 1e-7 × the largest |cost| (HiGHS's
 * gap and feasibility tolerances) are not resolved: an assignment that far
 * from the optimum may be reported optimal.
 *
 * @category Solvers
 * @param input - `cost`, `weight` (agents × jobs), `capacity` (per agent), `sense`
 * @param options - `backend` (HiGHS by default), `timeLimitMs`, `signal`, `onProgress`
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
  const solver = options.backend ?? highsSolver
  const agents = input.capacity.length
  const jobs = input.cost[0]?.length ?? 0
  const sign = input.sense === 'max' ? 1 : -1
  const { model, unscale } = scaledCosts(gapModel(input))
  const onProgress = options.onProgress
  const r = await solver.solve(
    model,
    onProgress === undefined
      ? options
      : {
          ...options,
          onProgress: (e) =>
            onProgress({
              ...e,
              incumbent: e.incumbent === null ? null : unscale(e.incumbent),
              bound: e.bound === null ? null : unscale(e.bound),
            }),
        },
  )
  const bound = r.bound === null ? null : sign * unscale(r.bound)
  if (r.status === 'infeasible')
    return left({ _tag: 'Infeasible', message: 'no assignment of every job fits the capacities' })
  if (r.status === 'unbounded' || r.status === 'error')
    return left({ _tag: 'SolverFailure', backend: solver.name, message: r.message ?? `status ${r.status}` })
  if (r.values === null)
    return left(
      r.status === 'interrupted'
        ? { _tag: 'Aborted', message: 'aborted before an assignment was found' }
        : {
            _tag: 'TimeLimit',
            bound,
            message: `no assignment found within ${options.timeLimitMs ?? 60000} ms`,
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
  return right({
    status: r.status,
    assignment,
    objective,
    bound: r.status === 'optimal' ? objective : bound,
    gap: r.status === 'optimal' ? 0 : bound === null ? null : relativeGap(sign * objective, sign * bound),
    timeMs: r.timeMs,
    backend: solver.name,
  })
}
