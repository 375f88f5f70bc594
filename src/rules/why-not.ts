/**
 * `whyNot`: every rule that blocks or penalises one (cadre, post) pair, in
 * words a department head can read — the pair rules (`pairVerdicts`), kin
 * avoidance against the team's fixed members, forbidden pairs, and the cost
 * of moving a short-tenure incumbent out of the post they hold.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import { REASON_ZH, type RuleCode } from '../domain/codes.js'
import type { Scenario } from '../domain/types.js'
import { requireScenario, type UnknownId, unknownId } from '../io/door.js'
import { contextFor, type ScenarioContext } from './context.js'
import { pairVerdicts } from './eligibility.js'
import { shortTenureMonths } from './tenure.js'
import type { Facts } from './verdict.js'

/** One rule a pair breaks: blocked (hard) or a penalty (soft). @category Rules */
export interface Reason {
  readonly _tag: 'blocked' | 'penalty'
  readonly code: RuleCode
  /** Penalty of a soft rule; `0` for a blocking one. */
  readonly amount: number
  /** The finding in English. */
  readonly message: string
  /** The same finding in Chinese (`REASON_ZH`), for the people who decide. */
  readonly zh: string
  readonly facts: Facts
}

/** What {@link whyNot} found about one pair. @category Rules */
export interface PairExplanation {
  readonly cadreId: string
  readonly postId: string
  /** The post is staffed in this round (listed in `openPosts`). */
  readonly open: boolean
  /** The cadre takes part in the round: holds no post, or holds an open one. */
  readonly candidate: boolean
  /** Open, a candidate, and no rule blocks the pair. */
  readonly eligible: boolean
  /** Every rule that blocks or penalises the pair, blocking ones first, then in rule order. */
  readonly reasons: readonly Reason[]
}

export type { UnknownId } from '../io/door.js'

/**
 * Every rule that blocks or penalises the pair (cadre, post), whether or not
 * the post is open this round (a closed post is judged as if it were open).
 * Moving a short-tenure incumbent of another open post to this one carries
 * `tenure.short-move`.
 *
 * @param scenario - a decoded scenario
 * @param cadreId - the cadre
 * @param postId - the post
 * @param context - the scenario's context, when the caller already built it
 * @returns the explanation, or `UnknownId` when an id is not in the scenario
 * @throws TypeError when `scenario` is not a decoded scenario or `context` not a context (a
 *   programmer error; docs/guide.md, "What throws")
 * @category Rules
 * @example
 * const r = whyNot(scenario, 'C12', 'P3')
 * r._tag === 'Right' && r.right.reasons.map((x) => `${x._tag} ${x.code}`)
 * //=> ['blocked ladder.min-years', 'penalty rotation.should-move']
 */
export function whyNot(
  scenario: Scenario,
  cadreId: string,
  postId: string,
  context?: ScenarioContext,
): Either<UnknownId, PairExplanation> {
  requireScenario('whyNot', scenario)
  const ctx = contextFor('whyNot', scenario, context)
  const c = typeof cadreId === 'string' ? ctx.cadreIndex.get(cadreId) : undefined
  if (c === undefined) return left(unknownId('cadre', String(cadreId)))
  if (typeof postId !== 'string' || !ctx.postLocation.has(postId))
    return left(unknownId('post', String(postId)))
  const cadre = scenario.cadres[c]!
  const where = ctx.postLocation.get(postId)!
  const title = scenario.teams[where.team]!.posts[where.slot]!.title
  const reasons: Reason[] = pairVerdicts(ctx, c, postId).flatMap((v) =>
    v._tag === 'ok'
      ? []
      : [
          {
            _tag: v._tag,
            code: v.code,
            amount: v._tag === 'penalty' ? v.amount : 0,
            message: v.message,
            zh: REASON_ZH[v.code](cadre.name, title, v.facts),
            facts: v.facts,
          },
        ],
  )
  const held = cadre.currentPost?.postId
  const rule = scenario.policy.people.shortTenure
  const months = shortTenureMonths(scenario, cadre)
  if (rule.enabled && held !== undefined && held !== postId && ctx.open.has(held) && months !== null)
    reasons.push({
      _tag: rule.hard ? 'blocked' : 'penalty',
      code: 'tenure.short-move',
      amount: rule.hard ? 0 : rule.penalty,
      message: `${cadre.name} has held post ${held} for ${months} months, under ${rule.years} years`,
      zh: REASON_ZH['tenure.short-move'](cadre.name, title, { held, months, limit: 12 * rule.years }),
      facts: { held, months, limit: 12 * rule.years },
    })
  reasons.sort((a, b) => (a._tag === b._tag ? 0 : a._tag === 'blocked' ? -1 : 1))
  const candidate = ctx.candidates.includes(c)
  const open = ctx.open.has(postId)
  return right({
    cadreId,
    postId,
    open,
    candidate,
    eligible: open && candidate && !reasons.some((r) => r._tag === 'blocked'),
    reasons,
  })
}
