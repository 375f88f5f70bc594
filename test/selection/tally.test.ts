/**
 * `tallyRecommendations` and `withRecommendations`: a round's and the
 * reserve's recommendations counted into a scenario's tallies, every bad
 * record named by its place, never a throw.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  generateScenario,
  shortlist,
  solve,
  tallyRecommendations,
  withRecommendations,
  type Recommendation,
  type RoundRecommendation,
} from '../../src/index.js'

const scenario = generateScenario({ seed: 5, cadres: 60, teams: 6 })
const [c1, c2] = scenario.cadres.map((c) => c.id) as [string, string]
const [p1, p2] = scenario.openPosts as [string, string]

const vote = (cadreId: string, postId: string, recommender: string, votes: number, voters: number | null) =>
  ({
    postId,
    cadreId,
    kind: 'democratic',
    recommender,
    votes,
    voters,
    reason: '',
    date: '2026-03-02',
  }) satisfies RoundRecommendation
const named = (cadreId: string, postId: string, recommender: string): RoundRecommendation => ({
  postId,
  cadreId,
  kind: 'real-name',
  recommender,
  votes: null,
  reason: '实绩突出',
  date: '2026-03-02',
})
const reserve: Recommendation = {
  cadreId: c2,
  recommender: '李华',
  recommenderPost: '组织部部长',
  date: '2026-02',
  reason: '实绩突出',
  groups: [],
  frontline: [],
  responsibility: '对推荐人选负责',
}

describe('tallyRecommendations', () => {
  it('counts votes by rater group and named recommenders per cadre and post; reserve ones for any post', () => {
    const r = tallyRecommendations([
      vote(c1, p1, '班子成员', 7, 9),
      named(c1, p1, '王明'),
      vote(c1, p1, '中层干部', 20, 31),
      named(c1, p1, '王明'),
      vote(c1, p2, '班子成员', 2, 9),
      reserve,
    ])
    expect(r).toEqual({
      _tag: 'Right',
      right: [
        {
          cadreId: c1,
          postId: p1,
          votes: [
            { group: '班子成员', votes: 7, voters: 9 },
            { group: '中层干部', votes: 20, voters: 31 },
          ],
          recommenders: ['王明'],
        },
        { cadreId: c1, postId: p2, votes: [{ group: '班子成员', votes: 2, voters: 9 }], recommenders: [] },
        { cadreId: c2, postId: null, votes: [], recommenders: ['李华'] },
      ],
    })
  })

  it('names every record it cannot read', () => {
    const r = tallyRecommendations([
      vote(c1, p1, '班子成员', 7, null),
      vote(c1, p1, '中层干部', 7, 5),
      vote(c1, p1, '班子成员', 3, 9),
      vote(c1, p1, '班子成员', 4, 9),
      null as unknown as Recommendation,
      { ...named(c1, p1, ''), recommender: '' },
      { ...named(c1, p1, 'X'), kind: 'Real-Name' as 'real-name' },
      vote(c2, p1, '班子成员', 3, 8),
    ])
    expect(r._tag === 'Left' && r.left.issues).toEqual([
      '[0].voters: a democratic recommendation needs its voters to be read as a share',
      '[1].voters: expected a whole number of voters ≥ 7, got 5',
      `[3].recommender: the rater group "班子成员" is already counted for ${c1} and ${p1} ([2])`,
      '[4]: expected a recommendation object, got null',
      '[5].recommender: expected a name, got ""',
      '[6].kind: expected "democratic" or "real-name", got "Real-Name"',
      "[7].voters: expected the group's voters as [2] gives them (9), got 8",
    ])
  })

  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything(), (u) => {
        const r = tallyRecommendations(u as readonly Recommendation[])
        expect(['Left', 'Right']).toContain(r._tag)
      }),
      { seed: 7, numRuns: 300 },
    )
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cadreId: fc.string(),
            postId: fc.string(),
            kind: fc.string(),
            votes: fc.anything(),
            voters: fc.anything(),
            recommender: fc.string(),
          }),
        ),
        (u) => {
          const r = tallyRecommendations(u as unknown as readonly RoundRecommendation[])
          expect(['Left', 'Right']).toContain(r._tag)
        },
      ),
      { seed: 8, numRuns: 300 },
    )
  })
})

describe('withRecommendations', () => {
  it('gives the scenario its tallies, checked as a decoded scenario is', async () => {
    const r = withRecommendations(scenario, [vote(c1, p1, '班子成员', 7, 9), reserve])
    if (r._tag === 'Left') throw new Error(r.left.message)
    expect(r.right.recommendations).toHaveLength(2)
    expect(r.right.cadres).toEqual(scenario.cadres)
    expect((await solve(r.right))._tag).toBe('Right')
    // Each refusal names the record given, not the tally it would have made.
    const bad = withRecommendations(scenario, [
      vote(c1, p1, 'A', 1, 9),
      vote(c1, p1, 'B', 1, 9),
      vote(c2, p2, 'A', 1, 9),
      vote('NOBODY', p1, 'A', 1, 9),
      vote(c1, 'NOPOST', 'A', 1, 9),
      { ...reserve, date: '2099-01' },
    ])
    expect(bad._tag === 'Left' && bad.left.issues).toEqual([
      '[3].cadreId: expected a cadre of the scenario, got "NOBODY"',
      '[4].postId: expected a post of the scenario, got "NOPOST"',
      `[5].date: expected a date not after the scenario's month ${scenario.asOf}, got "2099-01"`,
    ])
    const notScenario = withRecommendations(null as never, [])
    expect(notScenario._tag === 'Left' && notScenario.left.message).toMatch(
      /^scenario: expected a decoded Scenario/,
    )
  })
})

describe('shortlist support from the scenario’s tallies', () => {
  it('reads the tallies when no recommendations are given', async () => {
    const first = await shortlist(scenario, { posts: [p1], perPost: 2 })
    if (first._tag === 'Left') throw new Error(first.left.message)
    const [a, b] = first.right.posts[0]!.candidates.map((c) => c.cadreId) as [string, string]
    const counted = withRecommendations(scenario, [
      vote(a, p1, '班子成员', 6, 9),
      vote(b, p1, '班子成员', 3, 9),
      vote(b, p1, '中层干部', 12, 20),
      named(b, p1, '王明'),
      { ...reserve, cadreId: a },
    ])
    if (counted._tag === 'Left') throw new Error(counted.left.message)
    const r = await shortlist(counted.right, { posts: [p1], perPost: 2 })
    if (r._tag === 'Left') throw new Error(r.left.message)
    const support = new Map(r.right.posts[0]!.candidates.map((c) => [c.cadreId, c.support]))
    // Two groups voted on the post: a has 6/9 and nothing of the second, b 3/9 and 12/20.
    expect(support.get(a)).toEqual({
      recommendations: 2,
      votes: 6,
      recommenders: ['李华'],
      share: 0.333333333,
    })
    expect(support.get(b)).toEqual({
      recommendations: 3,
      votes: 15,
      recommenders: ['王明'],
      share: 0.466666667,
    })
  })
})
