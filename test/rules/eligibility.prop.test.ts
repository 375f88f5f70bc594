/**
 * Properties of the rules about people on random small scenarios
 * (test/arbitraries.ts), seed 42 so a failure replays:
 * - switching a pair rule off never shrinks the eligible set;
 * - every blocked pair forced into a proposal is caught by the independent
 *   validator, under every code that blocked it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import type { PeopleRules } from '../../src/domain/policy.js'
import type { Proposal } from '../../src/domain/proposal.js'
import type { Scenario } from '../../src/domain/types.js'
import { contextOf, eligibility, pairVerdicts } from '../../src/rules/index.js'
import { smallScenario } from '../arbitraries.js'

const RUNS = { seed: 42, numRuns: 150 }

const pairKeys = (s: Scenario): Set<string> => {
  const ctx = contextOf(s)
  const e = eligibility(ctx)
  return new Set(Array.from(e.cadre, (c, k) => `${c}:${e.post[k]}`))
}

const off = (s: Scenario, rule: keyof PeopleRules): Scenario => ({
  ...s,
  policy: {
    ...s.policy,
    people: { ...s.policy.people, [rule]: { ...s.policy.people[rule], enabled: false } },
  },
})

/** Only `postId` filled, with `cadreId`; every other open post left empty. */
function forced(s: Scenario, postId: string, cadreId: string): Proposal {
  const teamOf = new Map(s.teams.flatMap((t) => t.posts.map((p) => [p.id, t.id] as const)))
  return {
    assignments: s.openPosts.map((p) => ({
      postId: p,
      teamId: teamOf.get(p)!,
      cadreId: p === postId ? cadreId : null,
      incumbentId: null,
      change: p === postId ? 'lateral' : 'vacant',
      fit: 0,
      components: null,
      exceptional: false,
    })),
    objective: 0,
    parts: { fit: 0, vacancies: 0, penalties: 0 },
    penalties: [],
    moves: [],
    status: 'optimal',
    bound: 0,
    gap: 0,
    backend: 'forced',
  }
}

describe('rules about people', () => {
  it('switching one pair rule off never shrinks the eligible set', () => {
    fc.assert(
      fc.property(smallScenario(), (s) => {
        const before = pairKeys(s)
        for (const rule of Object.keys(s.policy.people) as (keyof PeopleRules)[]) {
          const after = pairKeys(off(s, rule))
          for (const k of before) expect(after.has(k), `${rule} off lost pair ${k}`).toBe(true)
        }
      }),
      RUNS,
    )
  })

  it('every blocked pair forced into a proposal is caught by the validator, under each blocking code', () => {
    fc.assert(
      fc.property(smallScenario(), (s) => {
        const ctx = contextOf(s)
        for (const postId of s.openPosts)
          for (const c of ctx.candidates) {
            const cadre = s.cadres[c]!
            const blocked = pairVerdicts(ctx, c, postId).flatMap((v) =>
              v._tag === 'blocked' ? [v.code] : [],
            )
            if (blocked.length === 0) continue
            const found = validateProposal(s, forced(s, postId, cadre.id))
            for (const code of blocked) {
              // Kin avoidance is a team rule in the validator: it names the team, not the pair.
              const hit = found.some(
                (v) =>
                  v.code === code &&
                  (code === 'avoidance.kin' || (v.postId === postId && v.cadreId === cadre.id)),
              )
              expect(hit, `${cadre.id} → ${postId}: ${code} not caught`).toBe(true)
            }
          }
      }),
      RUNS,
    )
  })
})
