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
import { SOLVE_OPTION_SPEC, solveModel } from './solve.js'
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
  /** Called as each scenario finishes, with its index in `scenarios`. */
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
 * answers `InvalidArgument` in its place.
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
  let next = 0
  const lane = async (): Promise<void> => {
    for (;;) {
      const i = next++
      if (i >= scenarios.length) return
      const r = options.signal?.aborted
        ? left<SolveError, Proposal>({ _tag: 'Aborted', message: 'aborted before this scenario started' })
        : (notAScenario(scenarios[i], i) ?? (await solveModel(formulate(scenarios[i]!), solveOptions)))
      results[i] = r
      onResult?.(i, r)
      // Let the other lane's messages (a finished solve) through before formulating the next.
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, scenarios.length) }, lane))
  return results
}
