/**
 * Qualification ladder (任职资格): promotion one rung at a time, after enough
 * years at the current rank; exceptional promotion (破格) waives the years,
 * never the rung.
 *
 * @module
 */
import { RANKS } from '../domain/types.js'
import { monthsBetween } from '../domain/time.js'
import type { PairRule } from './verdict.js'

/** @category Rules */
export const skipRung: PairRule = {
  code: 'ladder.skip-rung',
  occasion: 'appointment',
  reads: { cadre: ['rank'] },
  switchOf: (p) => p.people.ladder,
  check: ({ cadre, post, rungs }) =>
    rungs >= 2
      ? {
          message: `${cadre.name} is ${cadre.rank}; ${post.title} needs ${post.rank}, ${rungs} rungs up`,
          facts: { rank: cadre.rank, required: post.rank, rungs },
        }
      : null,
}

/** @category Rules */
export const minYears: PairRule = {
  code: 'ladder.min-years',
  occasion: 'promotion',
  reads: { cadre: ['rank', 'rankSince', 'exceptionalPromotion'] },
  switchOf: (p) => p.people.ladder,
  check: ({ ctx, cadre }) => {
    if (cadre.exceptionalPromotion) return null
    const needed = ctx.scenario.policy.people.ladder.minYearsAtRank[cadre.rank] * 12
    const months = monthsBetween(cadre.rankSince, ctx.scenario.asOf)
    return months < needed
      ? {
          message: `${cadre.name} has ${months} months as ${cadre.rank}; promotion needs ${needed}`,
          facts: { rank: cadre.rank, months, needed },
        }
      : null
  },
}

/** @category Rules */
export const stepDown: PairRule = {
  code: 'ladder.step-down',
  occasion: 'appointment',
  reads: { cadre: ['rank'] },
  switchOf: (p) => p.people.stepDown,
  check: ({ cadre, post, rungs }) =>
    rungs < 0
      ? {
          message: `${cadre.name} is ${cadre.rank}; ${post.title} is ranked ${post.rank}, ${-rungs} rung(s) lower`,
          facts: { rank: cadre.rank, required: post.rank, rungs },
        }
      : null,
}

/** Rungs from rank `from` up to rank `to`. @category Rules */
export function rungsBetween(from: string, to: string): number {
  return RANKS.indexOf(to as never) - RANKS.indexOf(from as never)
}
