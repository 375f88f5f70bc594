/**
 * Eligibility of every (candidate, open post) pair: the pair rules of every
 * family, kin avoidance against the fixed members of the team, and the
 * user's forbidden pairs. The model gets one variable per eligible pair.
 *
 * @module
 */
import type { PairRuleCode } from '../domain/codes.js'
import type { ScenarioContext } from './context.js'
import { fixedMembers } from './context.js'
import { minYears, rungsBetween, skipRung, stepDown } from './ladder.js'
import { education, lowGrade, maxAge, yearsToRetirement } from './qualification.js'
import { integrityGate, openCase } from './integrity.js'
import { hometown, mustRotate, shouldRotate } from './placement.js'
import { recordConsistency } from './record.js'
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
]

/** A soft rule a pair breaks, with its cost. @category Rules */
export interface PairPenalty {
  readonly code: PairRuleCode
  readonly amount: number
  readonly message: string
}

/** An eligible pair. @category Rules */
export interface CandidatePair {
  /** Index into `scenario.openPosts`. */
  readonly post: number
  /** Index into `scenario.cadres`. */
  readonly cadre: number
  readonly stay: boolean
  readonly promotion: boolean
  /** Exceptional promotion used: the years-at-rank rule was waived for this pair. */
  readonly exceptional: boolean
  readonly penalties: readonly PairPenalty[]
  /** Sum of `penalties`. */
  readonly penalty: number
}

/** @category Rules */
export interface Eligibility {
  /** Eligible pairs, by open post then roster order. */
  readonly pairs: readonly CandidatePair[]
  /** For each open post, how many candidates each hard rule blocked. */
  readonly blockedCounts: readonly Readonly<Partial<Record<PairRuleCode, number>>>[]
}

/**
 * All verdicts of the pair rules on one (cadre, post) pair, including kin
 * avoidance against the team's fixed members and forbidden pairs. Use it to
 * explain why a pair is blocked or penalised.
 * @category Rules
 */
export function pairVerdicts(ctx: ScenarioContext, cadreIdx: number, postId: string): Verdict[] {
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

function pairFacts(ctx: ScenarioContext, cadreIdx: number, postId: string): PairFacts {
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
    stay: ctx.incumbentOf.get(postId) === cadreIdx,
    rungs: rungsBetween(cadre.rank, post.rank),
    age: ctx.ages[cadreIdx]!,
  }
}

function kinAgainstFixed(pair: PairFacts): Verdict | null {
  const sw = pair.ctx.scenario.policy.people.kinAvoidance
  if (!sw.enabled) return null
  const kin = pair.ctx.kin[pair.cadreIdx]!
  if (kin.size === 0) return null
  const relatives = fixedMembers(pair.ctx, pair.team).filter((m) => kin.has(m))
  if (relatives.length === 0) return null
  const names = relatives.map((m) => pair.ctx.scenario.cadres[m]!.name).join(', ')
  const message = `${pair.cadre.name} is kin of ${names}, who sit(s) in ${pair.team.name}`
  const facts: Facts = { kin: relatives.map((m) => pair.ctx.scenario.cadres[m]!.id).join(',') }
  // Each kin pair in the team is one breach of the rule, so a soft rule costs per relative.
  return sw.hard
    ? { _tag: 'blocked', code: 'avoidance.kin', message, facts }
    : { _tag: 'penalty', code: 'avoidance.kin', amount: sw.penalty * relatives.length, message, facts }
}

/**
 * Eligible pairs of a scenario: every candidate (a cadre with no post, or
 * holding an open one) against every open post.
 * @category Rules
 */
export function eligibility(ctx: ScenarioContext): Eligibility {
  const forbidden = new Set(ctx.scenario.forbidden.map((f) => `${f.cadreId}\u0000${f.postId}`))
  const pairs: CandidatePair[] = []
  const blockedCounts: Partial<Record<PairRuleCode, number>>[] = []
  ctx.scenario.openPosts.forEach((postId, postPos) => {
    const counts: Partial<Record<PairRuleCode, number>> = {}
    blockedCounts.push(counts)
    for (const c of ctx.candidates) {
      if (forbidden.has(`${ctx.scenario.cadres[c]!.id}\u0000${postId}`)) {
        counts['forbidden-pair'] = (counts['forbidden-pair'] ?? 0) + 1
        continue
      }
      const verdicts = pairVerdicts(ctx, c, postId)
      const blocked = verdicts.find((v) => v._tag === 'blocked')
      if (blocked !== undefined) {
        counts[blocked.code] = (counts[blocked.code] ?? 0) + 1
        continue
      }
      const penalties: PairPenalty[] = []
      for (const v of verdicts)
        if (v._tag === 'penalty') penalties.push({ code: v.code, amount: v.amount, message: v.message })
      const cadre = ctx.scenario.cadres[c]!
      const stay = ctx.incumbentOf.get(postId) === c
      const rungs = rungsBetween(cadre.rank, pairFacts(ctx, c, postId).post.rank)
      const promotion = !stay && rungs > 0
      pairs.push({
        post: postPos,
        cadre: c,
        stay,
        promotion,
        exceptional: promotion && cadre.exceptionalPromotion && breaksYears(ctx, c, postId),
        penalties,
        penalty: penalties.reduce((s, p) => s + p.amount, 0),
      })
    }
  })
  return { pairs, blockedCounts }
}

function breaksYears(ctx: ScenarioContext, c: number, postId: string): boolean {
  const pair = pairFacts(ctx, c, postId)
  return minYears.check({ ...pair, cadre: { ...pair.cadre, exceptionalPromotion: false } }) !== null
}
