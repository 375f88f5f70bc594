/**
 * A rule's verdict depends only on the facts it declares it reads
 * (`PairRule.reads`): replacing every other field of the cadre, the post and
 * the team by another's leaves each rule's verdict — its tag, code and facts —
 * unchanged. Messages are left out: they print names. Seed 42.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Cadre, Post, Scenario, Team } from '../../src/domain/types.js'
import { contextOf, PAIR_RULES, pairVerdicts } from '../../src/rules/index.js'
import type { PairRule } from '../../src/rules/index.js'
import { smallScenario } from '../arbitraries.js'

// What every rule reads to know its occasion (stay, appointment, promotion), and the names it prints.
const ALWAYS_CADRE: (keyof Cadre)[] = ['id', 'name', 'currentPost', 'rank']
const ALWAYS_POST: (keyof Post)[] = ['id', 'title', 'rank']
const ALWAYS_TEAM: (keyof Team)[] = ['id', 'name', 'posts']

/** `donor` with the `keep` fields of `own`. */
function keepOnly<T extends object>(own: T, donor: T, keep: readonly (keyof T)[]): T {
  const out = { ...donor }
  for (const k of keep) out[k] = own[k]
  return out
}

function verdictOf(s: Scenario, rule: PairRule, cadreIdx: number, postId: string) {
  const v = pairVerdicts(contextOf(s), cadreIdx, postId).find((x) => x._tag !== 'ok' && x.code === rule.code)
  return v === undefined || v._tag === 'ok' ? 'ok' : { tag: v._tag, code: v.code, facts: v.facts }
}

describe('PairRule.reads', () => {
  it('declares every fact a rule reads: swapping the others leaves its verdict unchanged', () => {
    fc.assert(
      fc.property(smallScenario(), fc.nat(), fc.nat(), fc.nat(), (s, pick, donorPick, postPick) => {
        const ctx = contextOf(s)
        const c = ctx.candidates[pick % ctx.candidates.length]
        if (c === undefined) return
        const postId = s.openPosts[postPick % s.openPosts.length]!
        const donor = s.cadres[donorPick % s.cadres.length]!
        const loc = ctx.postLocation.get(postId)!
        const team = s.teams[loc.team]!
        const post = team.posts[loc.slot]!
        const otherTeam = s.teams[(loc.team + 1) % s.teams.length]!
        const otherPost = otherTeam.posts[0]!
        for (const rule of PAIR_RULES) {
          const cadre2 = keepOnly(s.cadres[c]!, donor, [...ALWAYS_CADRE, ...rule.reads.cadre])
          const post2 = keepOnly(post, otherPost, [...ALWAYS_POST, ...(rule.reads.post ?? [])])
          const team2 = keepOnly(team, otherTeam, [...ALWAYS_TEAM, ...(rule.reads.team ?? [])])
          const teams = s.teams.map((t, ti) =>
            ti !== loc.team ? t : { ...team2, posts: t.posts.map((p, pi) => (pi === loc.slot ? post2 : p)) },
          )
          const cadres = s.cadres.map((x, i) => (i === c ? cadre2 : x))
          const swapped = { ...s, cadres, teams }
          expect(verdictOf(swapped, rule, c, postId), rule.code).toEqual(verdictOf(s, rule, c, postId))
        }
      }),
      { seed: 42, numRuns: 300 },
    )
  })
})
