/**
 * Qualification ladder (任职资格): promotion one rung at a time, after enough
 * years at the current rank; exceptional promotion (破格) waives the years,
 * never the rung.
 *
 * @module
 */
import { RANKS, type Cadre, type Post } from '../domain/types.js'
import { monthsBetween } from '../domain/time.js'
import { pairRule, type PairRule } from './verdict.js'

/** @category Rules */
export const skipRung: PairRule = pairRule({
  code: 'ladder.skip-rung',
  occasion: 'appointment',
  reads: { cadre: ['rank'] },
  switchOf: (p) => p.people.ladder,
  breaks: ({ rungs }) => rungs >= 2,
  finding: ({ cadre, post, rungs }) => ({
    message: `${cadre.name} is ${cadre.rank}; ${post.title} needs ${post.rank}, ${rungs} rungs up`,
    facts: { rank: cadre.rank, required: post.rank, rungs },
  }),
})

/** @category Rules */
export const minYears: PairRule = pairRule({
  code: 'ladder.min-years',
  occasion: 'promotion',
  reads: { cadre: ['rank', 'rankSince', 'exceptionalPromotion'] },
  switchOf: (p) => p.people.ladder,
  breaks: ({ ctx, cadre }) =>
    !cadre.exceptionalPromotion &&
    monthsBetween(cadre.rankSince, ctx.scenario.asOf) <
      ctx.scenario.policy.people.ladder.minYearsAtRank[cadre.rank] * 12,
  finding: ({ ctx, cadre }) => {
    const needed = ctx.scenario.policy.people.ladder.minYearsAtRank[cadre.rank] * 12
    const months = monthsBetween(cadre.rankSince, ctx.scenario.asOf)
    return {
      message: `${cadre.name} has ${months} months as ${cadre.rank}; promotion needs ${needed}`,
      facts: { rank: cadre.rank, months, needed },
    }
  },
})

/** @category Rules */
export const stepDown: PairRule = pairRule({
  code: 'ladder.step-down',
  occasion: 'appointment',
  reads: { cadre: ['rank'] },
  switchOf: (p) => p.people.stepDown,
  breaks: ({ rungs }) => rungs < 0,
  finding: ({ cadre, post, rungs }) => ({
    message: cadreIs(cadre) + postBelow(post, rungs),
    facts: { rank: cadre.rank, required: post.rank, rungs },
  }),
})

// A step down is soft: its message is kept on every eligible pair below the cadre's rank (millions
// at city scale). It is the join of a part per cadre and a part per (post, rungs), each built once,
// so that the pairs share the text instead of holding a copy each.
const cadreParts = new WeakMap<Cadre, string>()
const postParts = new WeakMap<Post, string[]>()

/** `"<name> is <rank>; "` */
function cadreIs(cadre: Cadre): string {
  let part = cadreParts.get(cadre)
  if (part === undefined) cadreParts.set(cadre, (part = `${cadre.name} is ${cadre.rank}; `))
  return part
}

/** `"<title> is ranked <rank>, <n> rung(s) lower"` */
function postBelow(post: Post, rungs: number): string {
  let parts = postParts.get(post)
  if (parts === undefined) postParts.set(post, (parts = []))
  return (parts[-rungs] ??= `${post.title} is ranked ${post.rank}, ${-rungs} rung(s) lower`)
}

/** Rungs from rank `from` up to rank `to`. @category Rules */
export function rungsBetween(from: string, to: string): number {
  return RANKS.indexOf(to as never) - RANKS.indexOf(from as never)
}
