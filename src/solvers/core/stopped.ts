/**
 * What a run does when its pricing stopped short of the LP optimum, before an
 * LP it could not expect to finish (`core/pricing.ts`): the last LP point,
 * completed (`core/complete.ts`), becomes the incumbent and the core MILP's
 * start, so that the run ends with a solution whatever HiGHS finds in the
 * time left; and the loose bound of unfinished duals is tightened by the
 * assignment bound (`core/assignment-bound.ts`) when there is time for it.
 *
 * @module
 */
import { announcePoint, completeLpPoint } from './complete.js'
import { reportProgress, type CoreContext } from './context.js'

/**
 * Seconds per post × cadre pair of the time a stopped run must have left to
 * solve the assignment bound, which cannot be interrupted: twice what it
 * took on the 5,000-cadre general election (3,034 × 4,680 pairs, 3.7 s with
 * the pass over its 11 M columns).
 */
const ASSIGNMENT_SECONDS_PER_PAIR = 2 * 2.6e-7
/** The most pairs the assignment bound's dense matrix may hold (40 M: 320 MB), whatever the time left. */
const ASSIGNMENT_MOST_PAIRS = 40_000_000
/**
 * What the second completion may take: most of the time left (the first, of
 * the fractional columns alone, takes the usual tenth), since the core MILP
 * after it rarely improves on it at that scale, and a relative gap of 1e-5
 * rather than a proof (on the 5,000-cadre election, half the time left
 * stopped it at 134,216 on a slow run against 168,321).
 */
const WIDE_COMPLETION = { share: 0.8, relGap: 1e-5 }

/**
 * Completes `point` (the last LP optimum's, in the core's order) into the
 * incumbent when `complete` (no start was given): with its integral columns
 * kept, else with its columns at 0 free where there is room. Then the
 * assignment bound, when the time left allows. Both are reported.
 * @internal
 */
export function settleStopped(ctx: CoreContext, point: Float64Array | null, complete: boolean): void {
  const { lagrangian, incumbent } = ctx
  if (point !== null && complete) {
    const done = completeLpPoint(ctx, point) ?? completeLpPoint(ctx, point, 'nonzero', WIDE_COMPLETION)
    if (done !== null) {
      incumbent.values = done.values
      incumbent.objective = done.objective
      announcePoint(ctx, done)
    }
  }
  const pairs = lagrangian.assignmentSize()
  if (pairs > 0 && pairs <= ASSIGNMENT_MOST_PAIRS && ctx.left() > ASSIGNMENT_SECONDS_PER_PAIR * pairs) {
    const b = lagrangian.assignmentBound()
    if (b !== null) reportProgress(ctx, incumbent.objective, b)
  }
}
