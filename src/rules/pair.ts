/**
 * One (cadre, post) pair under the pair rules: the registry of rules in the
 * order verdicts are reported, the facts a rule looks at, kin avoidance
 * against the members who stay, and every verdict on a pair (for
 * explanations). Shared by the scan over all pairs and by eligibility.
 *
 * @module
 */
import { isContext, requireArgument } from '../io/door.js'
import type { PairRuleCode } from '../domain/codes.js'
import type { ScenarioContext } from './context.js'
import { fixedAcross, type KinLink } from './context.js'
import { minYears, rungsBetween, skipRung, stepDown } from './ladder.js'
import { education, lowGrade, maxAge, yearsToRetirement } from './qualification.js'
import { integrityGate, openCase } from './integrity.js'
import { hometown, mustRotate, shouldRotate } from './placement.js'
import { recordConsistency } from './record.js'
import { recommendationRequired } from './recommendation.js'
import { levelYears, maxTerms } from './tenure.js'
import type { Facts, PairFacts, PairRule, Verdict } from './verdict.js'
import { evaluate } from './verdict.js'

/** Every pair rule, in the order verdicts are reported. @category Rules */
export const PAIR_RULES: readonly PairRule[] = [
  skipRung,
  minYears,
  stepDown,
  education,
  maxAge,
  yearsToRetirement,
  integrityGate,
  openCase,
  lowGrade,
  hometown,
  mustRotate,
  shouldRotate,
  maxTerms,
  levelYears,
  recordConsistency,
  recommendationRequired,
]

/** A soft rule a pair breaks, with its cost. @category Rules */
export interface PairPenalty {
  readonly code: PairRuleCode
  readonly amount: number
  readonly message: string
}

/**
 * All verdicts of the pair rules on one (cadre, post) pair, including kin
 * avoidance against the team's fixed members and forbidden pairs. Use it to
 * explain why a pair is blocked or penalised.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Rules
 */
export function pairVerdicts(ctx: ScenarioContext, cadreIdx: number, postId: string): Verdict[] {
  requireArgument('pairVerdicts', 'ctx', 'a ScenarioContext (from contextOf)', ctx, isContext(ctx))
  requireArgument(
    'pairVerdicts',
    'cadreIdx',
    'the index of a cadre of the scenario',
    cadreIdx,
    Number.isInteger(cadreIdx) && cadreIdx >= 0 && cadreIdx < ctx.scenario.cadres.length,
  )
  requireArgument(
    'pairVerdicts',
    'postId',
    'the id of a post of the scenario',
    postId,
    typeof postId === 'string' && ctx.postLocation.has(postId),
  )
  const pair = pairFacts(ctx, cadreIdx, postId)
  const out: Verdict[] = []
  if (ctx.scenario.forbidden.some((f) => f.cadreId === pair.cadre.id && f.postId === postId))
    out.push({
      _tag: 'blocked',
      code: 'forbidden-pair',
      message: `${pair.cadre.name} → ${pair.post.title} is a forbidden pair`,
      facts: {},
    })
  for (const rule of PAIR_RULES) {
    const v = evaluate(rule, pair)
    if (v._tag !== 'ok') out.push(v)
  }
  const kinVerdict = kinAgainstFixed(pair)
  if (kinVerdict !== null) out.push(kinVerdict)
  return out
}

/** The facts of one pair; `stay` defaults to whether the cadre holds the post. @internal */
export function pairFacts(ctx: ScenarioContext, cadreIdx: number, postId: string, stay?: boolean): PairFacts {
  const loc = ctx.postLocation.get(postId)
  if (loc === undefined) throw new Error(`rules: unknown post ${postId}`)
  const team = ctx.scenario.teams[loc.team]!
  const post = team.posts[loc.slot]!
  const cadre = ctx.scenario.cadres[cadreIdx]!
  return {
    ctx,
    cadreIdx,
    cadre,
    post,
    team,
    stay: stay ?? ctx.incumbentOf.get(postId) === cadreIdx,
    rungs: rungsBetween(cadre.rank, post.rank),
    age: ctx.ages[cadreIdx]!,
  }
}

/**
 * Kin avoidance against the cadres who stay: the members of the team, the
 * holders of closed posts that lead the team, and the members of the teams
 * the post leads. @internal
 */
export function kinAgainstFixed(pair: PairFacts): Verdict | null {
  const sw = pair.ctx.scenario.policy.people.kinAvoidance
  if (!sw.enabled) return null
  const kin = pair.ctx.kin[pair.cadreIdx]!
  if (kin.size === 0) return null
  const relatives = fixedAcross(pair.ctx, pair.post.id).filter((r) => kin.has(r.cadre))
  if (relatives.length === 0) return null
  const name = (m: number) => pair.ctx.scenario.cadres[m]!.name
  const where: Record<KinLink, string> = {
    team: `who sit(s) in ${pair.team.name}`,
    leads: `who lead(s) ${pair.team.name}`,
    led: `who sit(s) in a team ${pair.post.title} leads`,
  }
  const parts = (['team', 'leads', 'led'] as const)
    .map((how) => [how, relatives.filter((r) => r.how === how)] as const)
    .filter(([, rs]) => rs.length > 0)
    .map(([how, rs]) => `${rs.map((r) => name(r.cadre)).join(', ')}, ${where[how]}`)
  const message = `${pair.cadre.name} is kin of ${parts.join('; ')}`
  // Ids, and names for the texts that speak of people (joined with commas; each language joins its own way).
  const facts: Facts = {
    kin: relatives.map((r) => pair.ctx.scenario.cadres[r.cadre]!.id).join(','),
    kinNames: relatives.map((r) => name(r.cadre)).join(','),
  }
  // Each kin pair in the team or across a supervision link is one breach, so a soft rule costs per relative and link.
  return sw.hard
    ? { _tag: 'blocked', code: 'avoidance.kin', message, facts }
    : { _tag: 'penalty', code: 'avoidance.kin', amount: sw.penalty * relatives.length, message, facts }
}

/** Whether the promotion needs the exceptional-promotion waiver of the years-at-rank rule. @internal */
export function breaksYears(pair: PairFacts): boolean {
  return minYears.check({ ...pair, cadre: { ...pair.cadre, exceptionalPromotion: false } }) !== null
}
