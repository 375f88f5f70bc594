/**
 * Recommendations shape proposals: the tallies decoded with path-named
 * issues, the fit's support component (0 weight leaves every fit as it was),
 * the gate `recommendation.required` in eligibility, the solve and the
 * independent validator.
 */
import { describe, expect, it } from 'vitest'
import {
  decodeScenario,
  encodeScenario,
  fitComponents,
  generateScenario,
  pairVerdicts,
  contextOf,
  solve,
  validateProposal,
  type PolicyInput,
  type Proposal,
  type RecommendationTally,
  type Scenario,
} from '../../src/index.js'

const base = generateScenario({ seed: 3, cadres: 80, teams: 8 })

/** The base county with tallies and a policy patch, decoded as a user's input would be. */
function county(recommendations: unknown, policy: PolicyInput = {}): Scenario {
  const input = encodeScenario(base) as Record<string, unknown>
  const merged = structuredClone(input['policy']) as Record<string, Record<string, unknown>>
  for (const [k, v] of Object.entries(policy)) merged[k] = { ...merged[k], ...(v as object) }
  const r = decodeScenario({ ...input, policy: merged, recommendations })
  if (r._tag === 'Left') throw new Error(r.left.issues.map((i) => i.message).join('\n'))
  return r.right
}

/** The verdict of a rule on a pair, if it has one (blocked or penalty). */
const verdictOf = (s: Scenario, cadre: number, post: string, code: string) =>
  pairVerdicts(contextOf(s), cadre, post).find(
    (v): v is Exclude<typeof v, { _tag: 'ok' }> => v._tag !== 'ok' && v.code === code,
  )

const issuesOf = (recommendations: unknown): string[] => {
  const r = decodeScenario({ ...(encodeScenario(base) as object), recommendations })
  return r._tag === 'Left' ? r.left.issues.map((i) => i.message) : []
}

async function best(s: Scenario): Promise<Proposal> {
  const r = await solve(s)
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

const cadreId = base.cadres[0]!.id
const postId = base.openPosts[0]!

describe('recommendation tallies in a scenario', () => {
  it('decode with their defaults and round-trip', () => {
    const s = county([
      { cadreId, postId, votes: [{ group: '班子成员', votes: 7, voters: 9 }] },
      { cadreId, recommenders: ['王明'] },
    ])
    expect(s.recommendations).toEqual([
      { cadreId, postId, votes: [{ group: '班子成员', votes: 7, voters: 9 }], recommenders: [] },
      { cadreId, postId: null, votes: [], recommenders: ['王明'] },
    ])
    const again = decodeScenario(encodeScenario(s))
    expect(again._tag === 'Right' && again.right.recommendations).toEqual(s.recommendations)
    expect('recommendations' in base).toBe(false)
  })

  it('name the place of every bad tally', () => {
    const named = { recommenders: ['王明'] }
    expect(issuesOf([{ cadreId: 'NOBODY', ...named }])).toEqual([
      'recommendations[0].cadreId: expected a known cadre id, got "NOBODY"',
    ])
    expect(issuesOf([{ cadreId, postId: 'P?', ...named }])).toEqual([
      'recommendations[0].postId: expected a known post id, or null for any post, got "P?"',
    ])
    // A misspelt key would turn a tally for one post into one for any post: refused, not dropped.
    expect(issuesOf([{ cadreId, postID: postId, ...named }])[0]).toMatch(/^recommendations\[0\]\.postID: /)
    expect(issuesOf([{ cadreId }])[0]).toMatch(
      /^recommendations\[0\]: expected votes or recommenders \(an empty tally recommends no one\)/,
    )
    expect(issuesOf([{ cadreId, recommenders: [' ', '王明', '王明 '] }])).toEqual([
      'recommendations[0].recommenders[0]: expected a recommender’s name, got " "',
      'recommendations[0].recommenders[2]: expected a recommender listed once (recommendations[0].recommenders[1] lists them), got "王明 "',
    ])
    // One meeting, one count of voters: a group's voters on a post agree across tallies.
    expect(
      issuesOf([
        { cadreId, postId, votes: [{ group: 'g', votes: 3, voters: 9 }] },
        { cadreId: base.cadres[1]!.id, postId, votes: [{ group: 'g', votes: 3, voters: 8 }] },
      ]),
    ).toEqual([
      'recommendations[1].votes[0].voters: expected the group’s voters as recommendations[0].votes[0].voters gives them (9), got 8',
    ])
    expect(issuesOf([{ cadreId, votes: [{ group: 'g', votes: 11, voters: 10 }] }])).toEqual([
      'recommendations[0].votes[0].votes: expected at most the voters (10), got 11',
    ])
    expect(issuesOf([{ cadreId, votes: [{ group: 'g', votes: 1.5, voters: 0 }] }])).toEqual([
      'recommendations[0].votes[0].votes: expected integer ≥ 0, got 1.5',
      'recommendations[0].votes[0].voters: expected integer ≥ 1, got 0',
    ])
    expect(
      issuesOf([
        { cadreId, postId, ...named },
        { cadreId, postId, ...named },
      ])[0],
    ).toMatch(
      /^recommendations\[1\]: expected one tally per cadre and post \(recommendations\[0\] has this one\)/,
    )
    expect(issuesOf([{ cadreId, recommenders: ['王', '王'] }])).toEqual([
      'recommendations[0].recommenders[1]: expected a recommender listed once (recommendations[0].recommenders[0] lists them), got "王"',
    ])
  })
})

describe('the support component', () => {
  const tallies: RecommendationTally[] = [
    {
      cadreId,
      postId,
      votes: [
        { group: 'team', votes: 8, voters: 10 },
        { group: 'staff', votes: 5, voters: 10 },
      ],
      recommenders: ['王明'],
    },
    // Another cadre's votes from a third group: the mean is over the three groups that voted on the post.
    {
      cadreId: base.cadres[1]!.id,
      postId,
      votes: [{ group: 'public', votes: 3, voters: 6 }],
      recommenders: [],
    },
  ]
  const where = (s: Scenario) => {
    const team = s.teams.find((t) => t.posts.some((p) => p.id === postId))!
    return { team, post: team.posts.find((p) => p.id === postId)! }
  }

  it('is the weighted vote share over the groups that voted, and the named recommenders', () => {
    const s = county(tallies, { fit: { weights: { support: 0.5 } } })
    const { team, post } = where(s)
    // share (0.8 + 0.5 + 0) / 3, named 1 of 2 for full credit: 0.7 × 0.4333… + 0.3 × 0.5
    // (shares are read to 1e-9)
    expect(fitComponents(s, s.cadres[0]!, post, team).support).toBeCloseTo(0.7 * (1.3 / 3) + 0.15, 9)
    expect(fitComponents(s, s.cadres[1]!, post, team).support).toBeCloseTo((0.7 * 0.5) / 3, 9)
    expect(fitComponents(s, s.cadres[2]!, post, team).support).toBe(0)
  })

  it('of a post of no team (a target profile) reads only the any-post tallies, whatever its id', () => {
    const s = county([...tallies, { cadreId, recommenders: ['李华'] }], {
      fit: { weights: { support: 0.5 } },
    })
    const { team, post } = where(s)
    const profile = { ...post } // the same id, but no team's post
    // No group voted for any post: share 0; one named recommender of two for full credit.
    expect(fitComponents(s, s.cadres[0]!, profile, team).support).toBeCloseTo(0.3 * 0.5, 12)
    expect(fitComponents(s, s.cadres[0]!, post, team).support).toBeCloseTo(0.7 * (1.3 / 3) + 0.3, 9)
  })

  it('is left out, and every fit unchanged to the last bit, while not weighted', async () => {
    const s = county(tallies)
    const { team, post } = where(s)
    expect(fitComponents(s, s.cadres[0]!, post, team).support).toBeUndefined()
    expect(JSON.stringify(await best(s))).toBe(JSON.stringify(await best(base)))
  })

  it('decides a post when it is all the fit weighs', async () => {
    const weights = { specialty: 0, assessment: 0, experience: 0, age: 0, combined: 0, support: 1 }
    // The second cadre's support is lower; the first is recommended for the post outright.
    const s = county(tallies, { fit: { weights } })
    const p = await best(s)
    expect(validateProposal(s, p)).toEqual([])
    const eligible = pairVerdicts(contextOf(s), 0, postId).every((v) => v._tag !== 'blocked')
    if (eligible) expect(p.assignments.find((a) => a.postId === postId)!.cadreId).toBe(cadreId)
    expect(p.assignments.find((a) => a.postId === postId)!.components?.support).toBeDefined()
  })
})

describe('no promotion without recommendation (recommendation.required)', () => {
  it('blocks unrecommended promotions, lets recommended ones through, and the validator agrees', async () => {
    const free = await best(base)
    const promoted = free.assignments.filter((a) => a.change === 'promotion')
    expect(promoted.length).toBeGreaterThan(1)
    const gate = { people: { recommendation: { enabled: true } } }
    // With no tally at all, no one is promoted, and the free proposal breaks the gate once per promotion.
    const closed = county([], gate)
    const none = await best(closed)
    expect(none.assignments.filter((a) => a.change === 'promotion')).toEqual([])
    expect(validateProposal(closed, none)).toEqual([])
    const broken = validateProposal(closed, free).filter((v) => v.code === 'recommendation.required')
    expect(broken.map((v) => v.postId).sort()).toEqual(promoted.map((a) => a.postId).sort())
    // A real-name recommendation for one promotion (for that post) and votes for another (any post).
    const [a, b] = promoted as [(typeof promoted)[0], (typeof promoted)[0]]
    const open = county(
      [
        { cadreId: a.cadreId, postId: a.postId, recommenders: ['王明'] },
        { cadreId: b.cadreId, votes: [{ group: '全体干部', votes: 30, voters: 60 }] },
      ],
      gate,
    )
    const ci = open.cadres.findIndex((c) => c.id === a.cadreId)
    expect(verdictOf(open, ci, a.postId, 'recommendation.required')).toBeUndefined()
    // Recommended for that post only: another open post of the same rank stays closed to them.
    const rankOf = new Map(open.teams.flatMap((t) => t.posts.map((x) => [x.id, x.rank] as const)))
    const other = open.openPosts.find((x) => x !== a.postId && rankOf.get(x) === rankOf.get(a.postId))
    if (other !== undefined) {
      expect(verdictOf(open, ci, other, 'recommendation.required')?._tag).toBe('blocked')
    }
    const p = await best(open)
    expect(validateProposal(open, p)).toEqual([])
    for (const x of p.assignments.filter((y) => y.change === 'promotion'))
      expect([a.cadreId, b.cadreId]).toContain(x.cadreId)
    // A share below minShare does not count; soft, it costs the penalty instead.
    const high = county([{ cadreId: b.cadreId, votes: [{ group: '全体干部', votes: 30, voters: 60 }] }], {
      people: { recommendation: { enabled: true, minShare: 0.6 } },
    })
    const bi = high.cadres.findIndex((c) => c.id === b.cadreId)
    expect(verdictOf(high, bi, b.postId, 'recommendation.required')?.message).toMatch(
      /mean vote share 0\.5 over 1 rater group\(s\), needs above 0 and at least 0\.6/,
    )
    // A share below its threshold prints rounded down, never at it: 2 of 3 is 0.6666, not 0.6666666666666666.
    const twoThirds = county([{ cadreId: b.cadreId, votes: [{ group: '全体干部', votes: 2, voters: 3 }] }], {
      people: { recommendation: { enabled: true, minShare: 0.6667 } },
    })
    expect(verdictOf(twoThirds, bi, b.postId, 'recommendation.required')?.message).toMatch(
      /mean vote share 0\.6666 over 1 rater group\(s\), needs above 0 and at least 0\.6667/,
    )
    const soft = county([], { people: { recommendation: { enabled: true, hard: false, penalty: 7 } } })
    const paid = (await best(soft)).penalties.filter((x) => x.code === 'recommendation.required')
    for (const x of paid) expect(x.amount).toBe(7)
    expect(validateProposal(soft, free)).toEqual([])
  })
})

describe('the gate at its threshold', () => {
  it('passes a share equal to minShare, whatever the order of the tallies, as the validator does', async () => {
    const free = await best(base)
    const a = free.assignments.find((x) => x.change === 'promotion')!
    const other = base.cadres[5]!.id === a.cadreId ? base.cadres[6]!.id : base.cadres[5]!.id
    const tallies = [
      { cadreId: a.cadreId, votes: [{ group: 'G1', votes: 4, voters: 5 }] },
      {
        cadreId: a.cadreId,
        postId: a.postId,
        votes: [
          { group: 'G2', votes: 1, voters: 5 },
          { group: 'G3', votes: 1, voters: 5 },
        ],
      },
      { cadreId: other, postId: a.postId, votes: [{ group: 'G4', votes: 0, voters: 5 }] },
    ]
    // Four groups voted on the post: (0.8 + 0.2 + 0.2 + 0) / 4 is 0.3 only to rounding, in any order.
    for (const order of [tallies, [...tallies].reverse()])
      for (const minShare of [0.3, 0.3 + 1e-6]) {
        const s = county(order, { people: { recommendation: { enabled: true, minShare } } })
        const ci = s.cadres.findIndex((c) => c.id === a.cadreId)
        expect(verdictOf(s, ci, a.postId, 'recommendation.required') === undefined).toBe(minShare === 0.3)
        const locked = { ...s, locks: [{ cadreId: a.cadreId!, postId: a.postId }] }
        const p = await solve(locked)
        if (minShare === 0.3) {
          if (p._tag === 'Left') throw new Error(p.left.message)
          expect(validateProposal(locked, p.right)).toEqual([])
        } else expect(p._tag === 'Left' && p.left._tag).toBe('Infeasible')
      }
  })

  it('passes a share equal to minShare whose float sum falls short of it (1, 1 and 0.4 over three)', async () => {
    const free = await best(base)
    const a = free.assignments.find((x) => x.change === 'promotion')!
    // (1 + 1 + 0.4) / 3 is 0.7999999999999999 in floating point: read to 1e-9, it is 0.8.
    const votes = [
      { group: 'G1', votes: 5, voters: 5 },
      { group: 'G2', votes: 5, voters: 5 },
      { group: 'G3', votes: 2, voters: 5 },
    ]
    const s = county([{ cadreId: a.cadreId, postId: a.postId, votes }], {
      people: { recommendation: { enabled: true, minShare: 0.8 } },
    })
    const locked = { ...s, locks: [{ cadreId: a.cadreId!, postId: a.postId }] }
    const p = await solve(locked)
    if (p._tag === 'Left') throw new Error(p.left.message)
    expect(validateProposal(locked, p.right)).toEqual([])
  })
})

describe('the support policy', () => {
  it('refuses settings that make the component meaningless', () => {
    const issues = (policy: unknown) => {
      const r = decodeScenario({ ...(encodeScenario(base) as object), policy })
      return r._tag === 'Left' ? r.left.issues.map((i) => i.message) : []
    }
    expect(issues({ fit: { support: { namedForFull: 0 } } })[0]).toMatch(
      /^policy\.fit\.support\.namedForFull: /,
    )
    expect(issues({ fit: { weights: { support: 1 }, support: { votes: 0, named: 0 } } })[0]).toMatch(
      /^policy\.fit\.support: expected weights of votes and names with a positive sum while fit\.weights\.support is positive/,
    )
    expect(issues({ fit: { support: { votes: 0, named: 0 } } })).toEqual([])
  })
})
