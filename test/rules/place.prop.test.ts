/**
 * Hometown avoidance by home county on random small scenarios whose
 * hometowns and localities are place names and division codes written in
 * different ways (with or without the province, by its short or full name,
 * and the county's suffix): the columnar eligibility (one verdict per class of posts)
 * keeps exactly the pairs the pair-by-pair evaluation keeps, and a hometown
 * block is exactly a home-county match. Seed 42 so a failure replays.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { samePlace } from '../../src/domain/place.js'
import type { Scenario } from '../../src/domain/types.js'
import { contextOf, eligibility, pairVerdicts } from '../../src/rules/index.js'
import { smallScenario } from '../arbitraries.js'

const PLACES = [
  '清溪县',
  '清溪县和溪镇',
  '和溪镇',
  '清溪县石桥镇',
  '甲县和溪镇',
  '150421',
  '150421101',
  'Q',
  // a province by its short or full name, a county without its suffix (籍贯)
  '青山旗',
  '内蒙古青山旗',
  '内蒙古青山',
  '内蒙古自治区青山旗',
  '赤峰市青山旗',
  '通辽市青山旗',
  '山东省青山县',
]

/** The scenario with its place names (Q, R, S) replaced through `names`. */
const renamed = (s: Scenario, names: Readonly<Record<string, string>>): Scenario => {
  const to = (p: string) => names[p] ?? p
  return {
    ...s,
    cadres: s.cadres.map((c) => ({ ...c, hometown: to(c.hometown) })),
    teams: s.teams.map((t) => ({ ...t, locality: to(t.locality) })),
  }
}

const withPlaces = fc
  .tuple(
    smallScenario(),
    fc.record({
      Q: fc.constantFrom(...PLACES),
      R: fc.constantFrom(...PLACES),
      S: fc.constantFrom(...PLACES),
    }),
  )
  .map(([s, names]) => renamed(s, names))

describe('hometown avoidance on place names (property)', () => {
  it('keeps the same pairs in the columnar eligibility as pair by pair, blocking exactly the home-county matches', () => {
    // hometown blocks between two texts written differently (内蒙古青山 ~ 赤峰市青山旗): the property is not vacuous
    let rewritten = 0
    fc.assert(
      fc.property(withPlaces, (s) => {
        const ctx = contextOf(s)
        const e = eligibility(ctx)
        const avoidance = s.policy.people.hometownAvoidance
        s.openPosts.forEach((postId, post) => {
          const loc = ctx.postLocation.get(postId)!
          const team = s.teams[loc.team]!
          const role = team.posts[loc.slot]!.role
          for (const cadre of ctx.candidates) {
            const verdicts = pairVerdicts(ctx, cadre, postId)
            const kept = !verdicts.some((v) => v._tag === 'blocked')
            expect(e.indexOf(cadre, post) >= 0).toBe(kept)
            const c = s.cadres[cadre]!
            const stay = c.currentPost?.postId === postId
            const concerned = avoidance.enabled && !stay && role !== null && avoidance.roles.includes(role)
            const blocked = verdicts.some((v) => v._tag !== 'ok' && v.code === 'avoidance.hometown')
            expect(blocked).toBe(concerned && samePlace(c.hometown, team.locality))
            if (blocked && c.hometown !== team.locality && /青山/.test(c.hometown)) rewritten++
          }
        })
      }),
      { seed: 42, numRuns: 200 },
    )
    expect(rewritten).toBeGreaterThan(0)
  })
})
