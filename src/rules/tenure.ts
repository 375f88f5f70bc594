/**
 * Terms and tenure (任期, 任职年限): at most `maxTerms` terms in the same post,
 * and no further post at a level held `years` or more (2019 Regulations on the
 * Selection and Appointment of Party and Government Leading Cadres, and the
 * Provisional Rules on Terms of Office). The third tenure rule, "under three
 * years in a post: not moved", is about an incumbent leaving, not about a pair:
 * see {@link shortTenureMonths} and src/model/tenure-rows.ts.
 *
 * @module
 */
import { requireScenario, requireShape } from '../io/door.js'
import { monthsBetween } from '../domain/time.js'
import type { Cadre, Scenario } from '../domain/types.js'
import { pairRule, type PairFacts, type PairRule } from './verdict.js'

/**
 * Staying for another term after `maxTerms` full terms. Unlike rotation, a
 * rotation-exempt post is not exempt: a term limit is about the office, not the place.
 * @category Rules
 */
export const maxTerms: PairRule = pairRule({
  code: 'tenure.max-terms',
  occasion: 'stay',
  reads: { cadre: ['currentPost'] },
  switchOf: (p) => p.people.terms,
  breaks: (pair) => monthsInPost(pair) >= termsLimit(pair),
  finding: (pair) => {
    const { termYears, maxTerms: terms } = pair.ctx.scenario.policy.people.terms
    const months = monthsInPost(pair)
    return {
      message: `${pair.cadre.name} has held ${pair.post.title} for ${months} months, ${terms} terms of ${termYears} years; a further term is not allowed`,
      facts: { months, limit: termsLimit(pair), termYears, maxTerms: terms },
    }
  },
})

/** Months the cadre has held their current post (0 without one). */
function monthsInPost({ ctx, cadre }: PairFacts): number {
  const since = cadre.currentPost?.since
  return since === undefined ? 0 : monthsBetween(since, ctx.scenario.asOf)
}

/** Months in post from which a further term is not allowed. */
function termsLimit({ ctx }: PairFacts): number {
  const { termYears, maxTerms: terms } = ctx.scenario.policy.people.terms
  return 12 * termYears * terms
}

/**
 * A new appointment at the level (rank) the cadre has held for `years` or more.
 * Staying is not a further post; a promotion or a step down changes the level.
 * @category Rules
 */
export const levelYears: PairRule = pairRule({
  code: 'tenure.level-years',
  occasion: 'appointment',
  reads: { cadre: ['rank', 'rankSince'] },
  switchOf: (p) => p.people.levelYears,
  breaks: ({ ctx, cadre, rungs }) =>
    rungs === 0 &&
    monthsBetween(cadre.rankSince, ctx.scenario.asOf) >= 12 * ctx.scenario.policy.people.levelYears.years,
  finding: ({ ctx, cadre, post }) => {
    const limit = 12 * ctx.scenario.policy.people.levelYears.years
    const months = monthsBetween(cadre.rankSince, ctx.scenario.asOf)
    return {
      message: `${cadre.name} has been ${cadre.rank} for ${months} months; ${post.title} would be a further post at that level`,
      facts: { rank: cadre.rank, months, limit },
    }
  },
})

/**
 * Months the cadre has held their current post when that is under the
 * short-tenure limit (`policy.people.shortTenure.years`), else `null`. Moving
 * such an incumbent out of an open post breaks `tenure.short-move`.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Rules
 * @example
 * // asOf 2026-09, in post since 2025-03, limit 3 years
 * shortTenureMonths(scenario, cadre) //=> 18
 */
export function shortTenureMonths(scenario: Scenario, cadre: Cadre): number | null {
  requireScenario('shortTenureMonths', scenario)
  requireShape('shortTenureMonths', 'cadre', 'cadre', cadre)
  if (cadre.currentPost === null) return null
  const months = monthsBetween(cadre.currentPost.since, scenario.asOf)
  return months < 12 * scenario.policy.people.shortTenure.years ? months : null
}
