/**
 * The solve the browser smoke test runs, shared by the browser entry and the
 * Node side of `scripts/browser-smoke.ts` so both staff the same county the
 * same way.
 */
import { isLeft } from 'fp-ts/Either'
import { formulate, generateScenario, highsSolver, solve, validateProposal } from '../../src/index.js'

/** What a smoke run reports: the proposal's status and objective, and the validator's count. */
export interface SmokeResult {
  readonly status: string
  readonly objective: number
  readonly violations: number
  readonly backend: string
  /** Objective of the same county by the priced-core method, and its core size. */
  readonly coreObjective: number
  readonly coreColumns: number
  readonly ms: number
}

/** The county the smoke test staffs. */
export const SMOKE_SCENARIO = { seed: 3, cadres: 60 } as const

/** Staffs the smoke county with the HiGHS backend and validates the proposal; throws on a solve error. */
export async function staffSmokeScenario(): Promise<SmokeResult> {
  const started = performance.now()
  const scenario = generateScenario(SMOKE_SCENARIO)
  const result = await solve(scenario, { backend: 'highs', timeLimitMs: 50_000 })
  if (isLeft(result)) throw new Error(`${result.left._tag}: ${result.left.message}`)
  const proposal = result.right
  // The priced core, forced on this small model, must find the same optimum (in a browser it runs
  // in the page's thread).
  const core = await highsSolver.solve(formulate(scenario).milp, { method: 'core', timeLimitMs: 50_000 })
  if (core.objective === null || core.core === undefined) throw new Error(`core method: ${core.status}`)
  return {
    status: proposal.status,
    objective: proposal.objective,
    violations: validateProposal(scenario, proposal).length,
    backend: proposal.backend,
    coreObjective: core.objective,
    coreColumns: core.core.coreColumns,
    ms: performance.now() - started,
  }
}
