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
import { monthsBetween } from '../domain/time.js'
import type { Cadre, Scenario } from '../domain/types.js'
import type { PairRule } from './verdict.js'

/**
 * Staying for another term after `maxTerms` full terms. Unlike rotation, a
 * rotation-exempt post is not exempt: a term limit is about the office, not the place.
 * @category Rules
 */
export const maxTerms: PairRule = {
  code: 'tenure.max-terms',
  occasion: 'stay',
  reads: { cadre: ['currentPost'] },
  switchOf: (p) => p.people.terms,
  check: ({ ctx, cadre, post }) => {
    const { termYears, maxTerms: terms } = ctx.scenario.policy.people.terms
    const since = cadre.currentPost?.since
    const months = since === undefined ? 0 : monthsBetween(since, ctx.scenario.asOf)
    const limit = 12 * termYears * terms
    return months >= limit
      ? {
          message: `${cadre.name} has held ${post.title} for ${months} months, ${terms} terms of ${termYears} years; a further term is not allowed`,
          facts: { months, limit, termYears, maxTerms: terms },
        }
      : null
  },
}

/**
 * A new appointment at the level (rank) the cadre has held for `years` or more.
 * Staying is not a further post; a promotion or a step down changes the level.
 * @category Rules
 */
export const levelYears: PairRule = {
  code: 'tenure.level-years',
  occasion: 'appointment',
  reads: { cadre: ['rank', 'rankSince'] },
  switchOf: (p) => p.people.levelYears,
  check: ({ ctx, cadre, post, rungs }) => {
    if (rungs !== 0) return null
    const limit = 12 * ctx.scenario.policy.people.levelYears.years
    const months = monthsBetween(cadre.rankSince, ctx.scenario.asOf)
    return months >= limit
      ? {
          message: `${cadre.name} has been ${cadre.rank} for ${months} months; ${post.title} would be a further post at that level`,
          facts: { rank: cadre.rank, months, limit },
        }
      : null
  },
}

/**
 * Months the cadre has held their current post when that is under the
 * short-tenure limit (`policy.people.shortTenure.years`), else `null`. Moving
 * such an incumbent out of an open post breaks `tenure.short-move`.
 * @category Rules
 * @example
 * // asOf 2026-09, in post since 2025-03, limit 3 years
 * shortTenureMonths(scenario, cadre) //=> 18
 */
export function shortTenureMonths(scenario: Scenario, cadre: Cadre): number | null {
  if (cadre.currentPost === null) return null
  const months = monthsBetween(cadre.currentPost.since, scenario.asOf)
  return months < 12 * scenario.policy.people.shortTenure.years ? months : null
}
