/**
 * Why a cadre is not in a post of a proposal, whatever the reason: the rules
 * that block or penalise the pair (`whyNot`), and, when nothing blocks it,
 * who the proposal preferred and the exact cost of forcing the pair instead
 * (`forcePair`: the best proposal with the pair locked, re-solved).
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { Proposal } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { formulate } from '../model/index.js'
import { whyNot, type PairExplanation, type UnknownId } from '../rules/index.js'
import { forcePair, proposalDoor, type ForcedPair } from './explain.js'
import { SOLVE_OPTION_SPEC, type SolveError, type SolveOptions } from './solve.js'

/**
 * What {@link whyNotChosen} found. `outcome`:
 * - `chosen`: the proposal puts the cadre in the post;
 * - `blocked`: a hard rule forbids the pair (`rules.reasons` say which);
 * - `not-open`: the post is not staffed this round;
 * - `not-candidate`: the cadre holds a post that is not open this round;
 * - `preferred`: eligible, but the proposal preferred `chosen`; `forced`
 *   says what putting the cadre there instead costs (exactly: a re-solve
 *   with the pair locked), or that no staffing can do it.
 * @category Proposals
 */
export interface NotChosen {
  readonly cadreId: string
  readonly postId: string
  readonly outcome: 'chosen' | 'blocked' | 'not-open' | 'not-candidate' | 'preferred'
  /** Every rule that blocks or penalises the pair. */
  readonly rules: PairExplanation
  /** The cadre's fit for the post, when the pair is eligible. */
  readonly fit: number | null
  /** Who the proposal put in the post (`null`: left vacant), with that pair's fit. */
  readonly chosen: { readonly cadreId: string | null; readonly fit: number } | null
  /** With `outcome: 'preferred'`: the cost of forcing the pair, or why it cannot be forced. */
  readonly forced: ForcedPair | null
}

/**
 * Why this cadre is not in this post of `proposal`: the rules, and for an
 * eligible cadre who was not chosen, who was preferred and the exact cost of
 * forcing the pair (docs/proposals.md).
 *
 * @param scenario - the scenario of the proposal
 * @param proposal - the proposal (usually the optimum)
 * @param cadreId - the cadre
 * @param postId - the post
 * @param options - options of the re-solve that prices the forced pair
 * @returns the answer; `UnknownId` for an id not in the scenario, or why the re-solve failed
 * @category Proposals
 */
export async function whyNotChosen(
  scenario: Scenario,
  proposal: Proposal,
  cadreId: string,
  postId: string,
  options: SolveOptions = {},
): Promise<Either<UnknownId | SolveError, NotChosen>> {
  const refused = proposalDoor(scenario, proposal, options, SOLVE_OPTION_SPEC)
  if (refused !== null) return left(refused)
  const rules = whyNot(scenario, cadreId, postId)
  if (rules._tag === 'Left') return left(rules.left)
  const here = proposal.assignments.find((a) => a.postId === postId)
  const chosen = here === undefined ? null : { cadreId: here.cadreId, fit: here.fit }
  const base = { cadreId, postId, rules: rules.right, chosen }
  if (here?.cadreId === cadreId) return right({ ...base, outcome: 'chosen', fit: here.fit, forced: null })
  if (!rules.right.open) return right({ ...base, outcome: 'not-open', fit: null, forced: null })
  if (!rules.right.candidate) return right({ ...base, outcome: 'not-candidate', fit: null, forced: null })
  if (!rules.right.eligible) return right({ ...base, outcome: 'blocked', fit: null, forced: null })
  const model = formulate(scenario)
  const k = model.eligibility.indexOf(
    model.ctx.cadreIndex.get(cadreId) as number,
    scenario.openPosts.indexOf(postId),
  )
  const fit = k < 0 ? null : model.pairFit[k]!
  const forced = await forcePair(scenario, proposal, cadreId, postId, options)
  if (forced._tag === 'Left') return forced
  return right({ ...base, outcome: 'preferred', fit, forced: forced.right })
}
