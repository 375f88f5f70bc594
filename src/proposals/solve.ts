/**
 * `solve`: the best staffing of a scenario that satisfies every hard rule,
 * proven optimal by an exact backend, or the best found with its gap when the
 * time runs out.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import type { Proposal } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { formulate } from '../model/index.js'
import type { Conflict, StaffingModel } from '../model/index.js'
import { highsSolver } from '../solvers/highs.js'
import { jsLpSolver } from '../solvers/jslp.js'
import type { RunOptions, Solver, WarmStart } from '../solvers/solver.js'
import {
  booleanOption,
  checkOptions,
  eitherOption,
  invalidArgument,
  oneOfOption,
  RUN_OPTION_SPEC,
  scenarioArgument,
  type InvalidCall,
  type OptionSpec,
} from '../io/door.js'
import { proposalFromValues } from './decode.js'
import { solveByAssignment } from './fastpath.js'

/** Expected ways a solve ends without a proposal. @category Proposals */
export type SolveError =
  | {
      /** The hard rules cannot all be met. `conflicts` names the rules found in conflict, when known. */
      readonly _tag: 'Infeasible'
      readonly conflicts: readonly Conflict[]
      readonly message: string
    }
  | {
      /** The time limit passed before any proposal was found. */
      readonly _tag: 'TimeLimit'
      readonly bound: number | null
      readonly message: string
    }
  | { readonly _tag: 'Aborted'; readonly message: string }
  | {
      /** The backend failed (e.g. the wasm heap ran out); the next solve starts afresh. */
      readonly _tag: 'SolverFailure'
      readonly backend: string
      readonly message: string
    }
  /** The arguments were refused at the door (an option out of range, not a scenario, another scenario's proposal); nothing was solved. */
  | InvalidCall

/** @category Proposals */
export type Backend = 'highs' | 'javascript-lp-solver'

/** Options of {@link solve}. @category Proposals */
export interface SolveOptions extends RunOptions {
  /** Exact backend, or a custom {@link Solver}. @defaultValue 'highs' */
  readonly backend?: Backend | Solver
  /**
   * Solve by linear sum assignment when no team rule couples the posts
   * (exact, and far faster than branch and bound). Only when `backend` is not
   * given: naming a backend asks for that backend. Not taken by a solve
   * stopped before it starts (`signal` already aborted, `timeLimitMs: 0`),
   * which answers as the backend does. Among proposals of equal objective,
   * the two paths may choose different ones.
   * @defaultValue true
   */
  readonly fastPath?: boolean
}

/** The checks of {@link SolveOptions}' keys. @internal */
export const SOLVE_OPTION_SPEC: OptionSpec = {
  ...RUN_OPTION_SPEC,
  backend: eitherOption(oneOfOption(['highs', 'javascript-lp-solver']), {
    expected: 'a Solver (an object with a solve function)',
    test: (v) => typeof v === 'object' && v !== null && typeof (v as Solver).solve === 'function',
  }),
  fastPath: booleanOption,
}

/** Whether a value has the shape of a {@link StaffingModel} (from `formulate`). @internal */
export function isModel(value: unknown): value is StaffingModel {
  if (typeof value !== 'object' || value === null) return false
  const m = value as Partial<StaffingModel>
  return (
    typeof m.milp === 'object' &&
    m.milp !== null &&
    typeof m.ctx === 'object' &&
    m.ctx !== null &&
    typeof m.eligibility === 'object' &&
    m.pairCol instanceof Int32Array &&
    m.vacancyCol instanceof Int32Array &&
    Array.isArray(m.conflicts)
  )
}

/** An `InvalidArgument` for a value that is not a model, or nothing. @internal */
export function modelArgument(value: unknown, argument = 'model'): InvalidCall | null {
  return isModel(value) ? null : invalidArgument(argument, 'a StaffingModel (from formulate)', value)
}

/** Resolves a backend option to a solver. @internal */
export function backendOf(backend: SolveOptions['backend']): Solver {
  if (backend === undefined || backend === 'highs') return highsSolver
  if (backend === 'javascript-lp-solver') return jsLpSolver
  return backend
}

/**
 * Staffs the open posts of a scenario: the proposal of highest objective
 * (`Σ fit − vacancy penalties − soft-rule penalties`) that satisfies every hard
 * rule of its policy.
 *
 * @category Proposals
 * @param scenario - a decoded scenario (see `decodeScenario`)
 * @param options - backend, `timeLimitMs`, `signal`, `onProgress`
 * @returns the proposal, or why there is none
 * @example
 * const result = await solve(generateScenario({ seed: 1, cadres: 60 }))
 * isRight(result) && result.right.status //=> 'optimal'
 */
export async function solve(
  scenario: Scenario,
  options: SolveOptions = {},
): Promise<Either<SolveError, Proposal>> {
  const bad = scenarioArgument(scenario)
  if (bad !== null) return left(bad)
  const checked = checkOptions<SolveOptions>(options, SOLVE_OPTION_SPEC)
  if (checked._tag === 'Left') return checked
  if (options.signal?.aborted) return left({ _tag: 'Aborted', message: 'aborted before the solve started' })
  return solveModel(formulate(scenario), options)
}

/**
 * Solves an already formulated model; `rank` and `explain` reuse one model
 * across many solves through this.
 * @category Proposals
 */
export async function solveModel(
  model: StaffingModel,
  options: SolveOptions = {},
): Promise<Either<SolveError, Proposal>> {
  const bad = modelArgument(model)
  if (bad !== null) return left(bad)
  const checked = checkOptions<SolveOptions>(options, SOLVE_OPTION_SPEC)
  if (checked._tag === 'Left') return checked
  const r = await solveModelValues(model, options)
  return r._tag === 'Left' ? r : right(r.right.proposal)
}

/** A proposal with the column values it was read from. @internal */
export interface SolvedValues {
  readonly proposal: Proposal
  /** `null` on the assignment fast path. */
  readonly values: Float64Array | null
  /** For a re-solve after a small edit, when the backend gave one. */
  readonly warmStart?: WarmStart
}

/**
 * {@link solveModel}, with the column values the proposal was read from and
 * the backend's warm start for the next solve.
 * @internal
 */
export async function solveModelValues(
  model: StaffingModel,
  options: SolveOptions = {},
): Promise<Either<SolveError, SolvedValues>> {
  if (model.conflicts.length > 0)
    return left({
      _tag: 'Infeasible',
      conflicts: model.conflicts,
      message: model.conflicts.map((c) => c.message).join('\n'),
    })
  // Stopped before it starts — an aborted signal, no time at all — the backend answers, as every
  // other solve stopped early does (`Aborted`, `TimeLimit`, or a session's start): the fast path
  // would staff the round optimally in spite of them.
  const stopped = options.signal?.aborted === true || options.timeLimitMs === 0
  if (options.fastPath !== false && options.backend === undefined && !stopped) {
    const fast = solveByAssignment(model)
    if (fast !== null) return right({ proposal: fast, values: null })
  }
  const solver = backendOf(options.backend)
  const r = await solver.solve(model.milp, options)
  const facts = { bound: r.bound, backend: solver.name }
  const found = (values: Float64Array, status: Proposal['status']) =>
    right({
      proposal: proposalFromValues(model, values, { ...facts, status }),
      values,
      ...(r.warmStart === undefined ? {} : { warmStart: r.warmStart }),
    })
  switch (r.status) {
    case 'optimal':
      return r.values === null
        ? left({ _tag: 'SolverFailure', backend: solver.name, message: 'optimal status without a solution' })
        : found(r.values, 'optimal')
    case 'time-limit':
      return r.values === null
        ? left({
            _tag: 'TimeLimit',
            bound: r.bound,
            message: `no proposal found within ${options.timeLimitMs ?? 60000} ms`,
          })
        : found(r.values, 'time-limit')
    case 'interrupted':
      return r.values === null
        ? left({ _tag: 'Aborted', message: 'aborted before a proposal was found' })
        : found(r.values, 'interrupted')
    case 'memory-limit':
      return r.values === null
        ? left({ _tag: 'SolverFailure', backend: solver.name, message: r.message ?? 'out of memory' })
        : found(r.values, 'memory-limit')
    case 'infeasible':
      return left({
        _tag: 'Infeasible',
        conflicts: [],
        message:
          'the hard rules of the policy cannot all be met together; no single rule is short of candidates on its own',
      })
    case 'unbounded':
    case 'error':
      return left({ _tag: 'SolverFailure', backend: solver.name, message: r.message ?? `status ${r.status}` })
  }
}
