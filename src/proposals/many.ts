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
import { solveModel } from './solve.js'

/** Options of {@link solveMany}. @category Proposals */
export interface SolveManyOptions extends SolveOptions {
  /**
   * Scenarios in flight at once. Each solve in flight holds a HiGHS worker
   * (and its wasm heap), so more than the machine's cores only adds memory.
   * `timeLimitMs` applies to each scenario.
   * @defaultValue 2
   */
  readonly concurrency?: number
  /** Called as each scenario finishes, with its index in `scenarios`. */
  readonly onResult?: (index: number, result: Either<SolveError, Proposal>) => void
}

/**
 * Solves every scenario, `concurrency` at a time; the results come back in
 * the order of `scenarios`, each exactly what {@link solve} returns for it.
 * An abort of `signal` ends the scenarios in flight with their best proposal
 * or `Aborted`, and those not started with `Aborted`.
 *
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
  const { concurrency: wanted, onResult, ...solveOptions } = options
  const concurrency = Math.max(1, Math.floor(wanted ?? 2))
  const results: Either<SolveError, Proposal>[] = new Array(scenarios.length)
  let next = 0
  const lane = async (): Promise<void> => {
    for (;;) {
      const i = next++
      if (i >= scenarios.length) return
      const r = options.signal?.aborted
        ? left<SolveError, Proposal>({ _tag: 'Aborted', message: 'aborted before this scenario started' })
        : await solveModel(formulate(scenarios[i]!), solveOptions)
      results[i] = r
      onResult?.(i, r)
      // Let the other lane's messages (a finished solve) through before formulating the next.
      await new Promise((resolve) => setTimeout(resolve, 0))
    }
  }
  await Promise.all(Array.from({ length: Math.min(concurrency, scenarios.length) }, lane))
  return results
}
