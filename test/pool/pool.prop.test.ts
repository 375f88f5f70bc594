import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { ReserveGroup, Scenario } from '../../src/domain/types.js'
import {
  applyProposal,
  applyReview,
  queryPool,
  reserveHealth,
  reviewReserve,
  scenarioAt,
  SINGLE_VALUED_FACETS,
  staffingPlan,
  teamGaps,
  type PoolQuery,
} from '../../src/pool/index.js'
import { solve } from '../../src/proposals/index.js'
import { smallScenario } from '../arbitraries.js'

const RUNS = { seed: 42, numRuns: 60 }

const queryArb: fc.Arbitrary<PoolQuery> = fc.record(
  {
    genders: fc.subarray(['female', 'male'] as const),
    ranks: fc.subarray(['section-member', 'section-deputy', 'section-chief'] as const),
    specialties: fc.subarray(['economy', 'economy/finance', 'agriculture/livestock/grassland', 'law']),
    maxAge: fc.integer({ min: 25, max: 60 }),
    parties: fc.subarray(['cpc', 'democratic-party', 'none'] as const),
    lastGrades: fc.subarray(['excellent', 'competent', 'basic', 'none'] as const),
    candidatesOnly: fc.boolean(),
    sortBy: fc.record({
      kind: fc.constantFrom('head' as const, 'deputy' as const),
      rank: fc.constantFrom('section-deputy' as const, 'section-chief' as const),
      specialties: fc.subarray(['economy/finance', 'law']),
    }),
  },
  { requiredKeys: [] },
)

const GROUPS: ReserveGroup[] = ['young', 'women', 'minority', 'non-party']

/** A small scenario whose cadres are listed in random reserve groups. */
const listedArb: fc.Arbitrary<Scenario> = smallScenario().chain((s) =>
  fc
    .array(fc.subarray(GROUPS), { minLength: s.cadres.length, maxLength: s.cadres.length })
    .map((groups) => ({ ...s, cadres: s.cadres.map((c, i) => ({ ...c, reserveGroups: groups[i]! })) })),
)

const key = (g: { teamId: string; code: string; tag: string }) => `${g.teamId} ${g.code} ${g.tag}`

describe('talent pool and structure on random small scenarios', () => {
  it('facet counts of every single-valued facet sum to the result size', () => {
    fc.assert(
      fc.property(smallScenario(), queryArb, (s, q) => {
        const r = queryPool(s, q)
        expect(r._tag).toBe('Right')
        if (r._tag !== 'Right') return
        for (const facet of SINGLE_VALUED_FACETS)
          expect(r.right.facets[facet].reduce((n, c) => n + c.count, 0)).toBe(r.right.total)
        expect(r.right.cadres).toHaveLength(r.right.total)
      }),
      RUNS,
    )
  })

  it('a proposal the solver returns never adds a gap that a hard rule forbids', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario(), async (s) => {
        const p = await solve(s)
        if (p._tag === 'Left') return
        const before = new Set(
          teamGaps(s)
            .filter((g) => g.hard)
            .map(key),
        )
        const added = teamGaps(applyProposal(s, p.right))
          .filter((g) => g.hard)
          .map(key)
          .filter((k) => !before.has(k))
        expect(added).toEqual([])
      }),
      { seed: 42, numRuns: 40 },
    )
  })

  it('a staffing plan never deals a post needs no one person can meet together', () => {
    fc.assert(
      fc.property(smallScenario(), fc.integer({ min: 1, max: 8 }), (s, perPost) => {
        for (const t of staffingPlan(s, { maxNeedsPerPost: perPost, limit: 1 })) {
          for (const p of t.posts) {
            const { age, needs } = p.profile
            expect(needs.length).toBeLessThanOrEqual(perPost)
            expect(age === null || age.minAge <= age.maxAge).toBe(true)
            const titular = new Set(
              needs.flatMap((n) => (n.need.kind === 'titular' ? [n.need.ethnicity] : [])),
            )
            expect(titular.size).toBeLessThanOrEqual(1)
          }
          const room = t.posts.some((p) => p.profile.needs.length < perPost)
          // a post with room at the end had it all along: nothing was unplaced for want of room
          if (room) for (const n of t.unplaced) expect(n.reason).toBe('conflict')
        }
      }),
      RUNS,
    )
  })

  it('reserve review is idempotent for the same date, and deterministic', () => {
    fc.assert(
      fc.property(listedArb, fc.constantFrom('2026-09', '2028-03', '2031-12'), (s, asOf) => {
        const first = reviewReserve(s, { asOf })
        if (first._tag === 'Left') throw new Error(first.left.message)
        const again = reviewReserve(applyReview(s, first.right), { asOf })
        if (again._tag === 'Left') throw new Error(again.left.message)
        expect(again.right.entries).toEqual([])
        expect(again.right.exits).toEqual([])
        expect(again.right.members).toEqual(first.right.members)
        expect(JSON.stringify(reviewReserve(structuredClone(s), { asOf }))).toBe(JSON.stringify(first))
      }),
      RUNS,
    )
  })

  it('a review reads no grade of a year after its own: adding such grades changes nothing', () => {
    fc.assert(
      fc.property(
        listedArb,
        fc.constantFrom('2022-06', '2026-09', '2028-03'),
        fc.array(
          fc.tuple(
            fc.nat(40),
            fc.integer({ min: 1, max: 3 }),
            fc.constantFrom('basic', 'incompetent', 'excellent') as fc.Arbitrary<
              'basic' | 'incompetent' | 'excellent'
            >,
          ),
          { maxLength: 6 },
        ),
        (s, asOf, later) => {
          const year = +asOf.slice(0, 4)
          const graded = {
            ...s,
            cadres: s.cadres.map((c, i) => ({
              ...c,
              assessments: [
                ...c.assessments,
                ...later
                  .filter(([k]) => k % s.cadres.length === i)
                  .map(([, dy, grade]) => ({ year: year + dy, grade })),
              ],
            })),
          }
          expect(reviewReserve(graded, { asOf })).toEqual(reviewReserve(s, { asOf }))
        },
      ),
      RUNS,
    )
  })

  it('reserve health counts the teams in need at the review’s date', () => {
    fc.assert(
      fc.property(listedArb, fc.constantFrom('2026-09', '2029-03', '2033-12'), (s, asOf) => {
        const review = reviewReserve(s, { asOf })
        if (review._tag === 'Left') throw new Error(review.left.message)
        const gaps = teamGaps(scenarioAt(s, asOf))
        const health = reserveHealth(s, review.right, teamGaps(s))
        for (const g of health.groups) {
          const feeds = {
            young: ['structure.young', 'structure.young-town'],
            women: ['structure.women'],
            minority: ['structure.minority', 'structure.titular'],
            'non-party': ['structure.non-party'],
          }[g.group]
          expect(g.teamsInNeed).toBe(
            new Set(gaps.filter((x) => feeds.includes(x.code)).map((x) => x.teamId)).size,
          )
        }
      }),
      RUNS,
    )
  })
})
