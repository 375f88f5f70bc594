/**
 * `solveMany`: a batch of scenarios (a province's counties, or one county's
 * variants) staffed with both cores busy — while one HiGHS worker solves a
 * county, the calling thread formulates the next.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js'
import { left } from 'fp-ts/lib/Either.js'
import type { Proposal } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { formulate } from '../model/index.js'
import type { SolveError, SolveOptions } from './solve.js'
import { backendOf, SOLVE_OPTION_SPEC, solveModel } from './solve.js'
import { isThenable } from '../solvers/highs-worker.js'
import {
  checkOptions,
  functionOption,
  numberOption,
  requireArray,
  scenarioArgument,
  type OptionSpec,
} from '../io/door.js'

/** The checks of {@link SolveManyOptions}' keys. @internal */
export const SOLVE_MANY_OPTION_SPEC: OptionSpec = {
  ...SOLVE_OPTION_SPEC,
  concurrency: numberOption({ min: 1, integer: true }),
  onResult: functionOption,
}

/** Options of {@link solveMany}. @category Proposals */
export interface SolveManyOptions extends SolveOptions {
  /**
   * Scenarios in flight at once. Each solve in flight holds a HiGHS worker
   * (and its wasm heap), so more than the machine's cores only adds memory.
   * `timeLimitMs` applies to each scenario. An integer ≥ 1.
   * @defaultValue 2
   */
  readonly concurrency?: number
  /**
   * Called as each scenario finishes, with its index in `scenarios`. One that
   * throws, or returns a promise that rejects, does not stop the batch nor
   * reject `solveMany`: that scenario's entry becomes a `SolverFailure`
   * naming the callback and its error (its result was handed to the callback
   * first; `backend` is the one that solved it), and the other scenarios are
   * solved as usual. A promise it returns (an `async` callback) is awaited
   * before `solveMany` resolves, not before the next scenario starts.
   */
  readonly onResult?: (index: number, result: Either<SolveError, Proposal>) => void
}

/** `Left` for an item of `scenarios` that is not a scenario, else `null`. */
function notAScenario(s: unknown, i: number): Either<SolveError, Proposal> | null {
  const bad = scenarioArgument(s, `scenarios[${i}]`)
  return bad === null ? null : left(bad)
}

/**
 * Solves every scenario, `concurrency` at a time; the results come back in
 * the order of `scenarios`, each exactly what {@link solve} returns for it.
 * An abort of `signal` ends the scenarios in flight with their best proposal
 * or `Aborted`, and those not started with `Aborted`. Refused options
 * (`InvalidOptions`) answer every scenario; an item that is not a scenario
 * answers `InvalidArgument` in its place. An `onResult` that throws or
 * rejects answers `SolverFailure` in the place of its scenario's result (see
 * {@link SolveManyOptions.onResult}); nothing is left solving when
 * `solveMany` resolves.
 *
 * @throws TypeError when `scenarios` is not an array (a programmer error;
 *   docs/guide.md, "What throws")
 * @category Proposals
 * @example
 * const counties = [1, 2, 3].map((seed) => generateScenario({ seed, cadres: 60 }))
 * const results = await solveMany(counties)
 * results.every(isRight) //=> true
 */
export async function solveMany(
  scenarios: readonly Scenario[],
  options: SolveManyOptions = {},
): Promise<Either<SolveError, Proposal>[]> {
  requireArray('solveMany', 'scenarios', scenarios, 'an array of decoded scenarios')
  const checked = checkOptions<SolveManyOptions>(options, SOLVE_MANY_OPTION_SPEC)
  // Refused options refuse every scenario, each with the same error.
  if (checked._tag === 'Left') {
    const refused = scenarios.map(() => checked as Either<SolveError, Proposal>)
    return refused
  }
  const { concurrency: wanted, onResult, ...solveOptions } = options
  const concurrency = wanted ?? 2
  const results: Either<SolveError, Proposal>[] = new Array(scenarios.length)
  // The callback's promises, awaited at the end: a lane does not wait on the caller's work.
  const callbacks: Promise<void>[] = []
  // The callback failed on scenario i: its entry says so, as a solve whose onProgress throws ends in
  // SolverFailure (a thrown error would reject the batch with the other lane still solving).
  const failed = (i: number, how: string, e: unknown) => {
    const r = results[i]!
    const had = r._tag === 'Right' ? `its proposal (${r.right.status})` : `its ${r.left._tag}`
    results[i] = left({
      _tag: 'SolverFailure',
      backend: r._tag === 'Right' ? r.right.backend : backendOf(solveOptions.backend).name,
      message: `onResult ${how} on scenarios[${i}], given ${had}: ${String(e)}`,
    })
  }
  let next = 0
  const lane = async (): Promise<void> => {
    for (;;) {
      const i = next++
      if (i >= scenarios.length) return
      const r = options.signal?.aborted
        ? left<SolveError, Proposal>({ _tag: 'Aborted', message: 'aborted before this scenario started' })
        : (notAScenario(scenarios[i], i) ?? (await solveModel(formulate(scenarios[i]!), solveOptions)))
      results[i] = r
      if (onResult !== undefined)
        try {
          const returned: unknown = onResult(i, r)
          if (isThenable(returned))
            callbacks.push(
              Promise.resolve(returned).then(undefined, (e: unknown) => failed(i, 'rejected', e)),
            )
        } catch (e) {
          failed(i, 'threw', e)
        }
      // Let the other lane's messages (a finished solve) through before formulating the next.
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, scenarios.length) }, lane))
  await Promise.all(callbacks)
  return results
}
