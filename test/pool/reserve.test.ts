import { describe, expect, it } from 'vitest'
import { decodeRecommendations } from '../../src/io/index.js'
import {
  applyReview,
  DEFAULT_RESERVE_CRITERIA,
  reserveHealth,
  resolveReserveCriteria,
  reviewReserve,
  scenarioAt,
  teamGaps,
  type ReserveReview,
} from '../../src/pool/index.js'
import { resolvePolicy } from '../../src/domain/policy.js'
import type { Recommendation } from '../../src/domain/types.js'
import { county } from './fixtures.js'

const ok = (r: ReturnType<typeof reviewReserve>): ReserveReview => {
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}
const pairs = (list: ReserveReview['entries']) => list.map((x) => [x.group, x.cadreId, ...x.reasons])

describe('reviewReserve', () => {
  it('lets the qualifying cadres in and the others out, with the reasons', () => {
    const r = ok(reviewReserve(county()))
    expect(pairs(r.entries)).toEqual([
      ['young', 'C6'],
      ['young', 'R5'],
      ['women', 'C6'],
      ['women', 'C8'],
      ['minority', 'C8'],
      ['non-party', 'C8'],
    ])
    expect(pairs(r.exits)).toEqual([
      ['young', 'R1', 'aged-out'],
      ['young', 'R2', 'promoted'],
      ['young', 'R3', 'assessment'],
      ['young', 'R4', 'integrity'],
      ['women', 'R5', 'criteria'],
    ])
    expect(r.members).toEqual({
      young: ['C6', 'C8', 'R5'],
      women: ['C6', 'C8'],
      minority: ['C8'],
      'non-party': ['C8'],
    })
  })

  it('reads ages at the review date', () => {
    // at 2029-06 C8 is 35 and stays young; at 2030-06 she is 36
    expect(ok(reviewReserve(county(), { asOf: '2029-06' })).members.young).toContain('C8')
    const later = ok(reviewReserve(county(), { asOf: '2030-06' }))
    expect(later.members.young).not.toContain('C8')
    expect(pairs(later.exits)).toContainEqual(['young', 'C8', 'aged-out'])
  })

  it('takes criteria', () => {
    const r = ok(reviewReserve(county(), { criteria: { young: { maxAge: 36 }, exitGrades: [] } }))
    expect(r.members.young).toEqual(['C6', 'C8', 'R1', 'R3', 'R5'])
  })

  it('is idempotent: the applied review, reviewed again at the same date, changes nothing', () => {
    const s = county()
    const applied = applyReview(s, ok(reviewReserve(s)))
    const again = ok(reviewReserve(applied))
    expect(again.entries).toEqual([])
    expect(again.exits).toEqual([])
    expect(again.members).toEqual(ok(reviewReserve(s)).members)
  })

  it('with requireRecommendation lets in only the recommended, and attaches the record', () => {
    const rec: Recommendation = {
      cadreId: 'C6',
      recommender: '王明',
      recommenderPost: '组织部部长',
      date: '2024-01',
      reason: '实绩突出',
      groups: ['women'],
      frontline: ['poverty'],
      responsibility: '对推荐人选的德才表现负责',
    }
    const r = ok(
      reviewReserve(county(), { recommendations: [rec], criteria: { requireRecommendation: true } }),
    )
    expect(pairs(r.entries)).toEqual([['women', 'C6']])
    expect(r.entries[0]!.recommendation).toEqual(rec)
    expect(r.recommended).toEqual({ young: [], women: ['C6'], minority: [], 'non-party': [] })
    const health = reserveHealth(county(), r)
    expect(health.groups.map((g) => [g.group, g.recommended])).toEqual([
      ['young', 0],
      ['women', 1],
      ['minority', 0],
      ['non-party', 0],
    ])
    // a recommendation after the review date does not count
    const early = ok(
      reviewReserve(county(), {
        recommendations: [{ ...rec, date: '2024-09' }],
        criteria: { requireRecommendation: true },
      }),
    )
    expect(early.entries).toEqual([])
  })

  it('reads only the grades of assessment years up to the review’s year (as assessment.low-grade reads them)', () => {
    // R3's basic grade of 2023: a review in 2022 does not know it yet, one in 2023 does.
    expect(ok(reviewReserve(county(), { asOf: '2022-06' })).exits.some((e) => e.cadreId === 'R3')).toBe(false)
    expect(ok(reviewReserve(county(), { asOf: '2022-06' })).members.young).toContain('R3')
    expect(pairs(ok(reviewReserve(county(), { asOf: '2023-06' })).exits)).toContainEqual([
      'young',
      'R3',
      'assessment',
    ])
    // C8 (listed young, qualifying) graded basic in 2025: not an exit at 2024-06, an exit at 2025-06.
    const later = county({
      cadres: county().cadres.map((c) =>
        c.id === 'C8' ? { ...c, assessments: [{ year: 2025, grade: 'basic' as const }] } : c,
      ),
    })
    const now = ok(reviewReserve(later))
    expect(now.exits.some((e) => e.cadreId === 'C8')).toBe(false)
    expect(now).toEqual(ok(reviewReserve(county())))
    expect(pairs(ok(reviewReserve(later, { asOf: '2025-06' })).exits)).toContainEqual([
      'young',
      'C8',
      'assessment',
    ])
  })

  it('names the option it cannot read', () => {
    const field = (r: ReturnType<typeof reviewReserve>) =>
      r._tag === 'Left' && r.left._tag === 'InvalidReserveOptions' ? r.left.field : null
    expect(field(reviewReserve(county(), { asOf: 'June' }))).toBe('asOf')
    expect(field(reviewReserve(county(), { criteria: { young: { maxAge: -1 } } }))).toBe(
      'criteria.young.maxAge',
    )
    expect(field(reviewReserve(county(), { criteria: { maxRank: 'general' as never } }))).toBe(
      'criteria.maxRank',
    )
    expect(
      field(reviewReserve(county(), { criteria: { minRank: 'section-chief', maxRank: 'section-deputy' } })),
    ).toBe('criteria.maxRank')
    expect(field(reviewReserve(county(), { criteria: { exitGrades: ['bad' as never] } }))).toBe(
      'criteria.exitGrades[0]',
    )
    expect(resolveReserveCriteria()).toEqual({ _tag: 'Right', right: DEFAULT_RESERVE_CRITERIA })
  })

  it('refuses a misspelt option as InvalidOptions naming the key it misses, never reviewing at the default', () => {
    const review = reviewReserve(county(), { asof: '2028-09' } as never)
    expect(review).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'InvalidOptions',
        issues: [{ path: ['options', 'asof'] }],
        message: 'options.asof: expected a known option (did you mean "asOf"?), got "2028-09"',
      },
    })
    const nested = reviewReserve(county(), { criteria: { young: { maxage: 30 } } } as never)
    expect(nested._tag === 'Left' && nested.left.message).toBe(
      'options.criteria.young.maxage: expected a known option (did you mean "maxAge"?), got 30',
    )
  })

  it('resolveReserveCriteria refuses a group given as a number or misspelt, and a null, rather than take the default', () => {
    expect(resolveReserveCriteria({ young: 30 } as never)).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'InvalidOptions',
        issues: [{ path: ['criteria', 'young'], expected: 'an object { maxAge }', got: '30' }],
        message: 'criteria.young: expected an object { maxAge }, got 30',
      },
    })
    const young = resolveReserveCriteria({ Young: { maxAge: 30 } } as never)
    expect(young._tag === 'Left' && young.left.message).toBe(
      'criteria.Young: expected a known option (did you mean "young"?), got {"maxAge":30}',
    )
    expect(resolveReserveCriteria({ nonparty: { maxAge: 45 } } as never)).toMatchObject({
      left: { _tag: 'InvalidOptions', issues: [{ path: ['criteria', 'nonparty'] }] },
    })
    expect(resolveReserveCriteria({ women: { maxAge: null } } as never)).toMatchObject({
      left: { _tag: 'InvalidReserveOptions', field: 'criteria.women.maxAge', got: 'null' },
    })
    expect(resolveReserveCriteria({ minRank: null } as never)).toMatchObject({
      left: { _tag: 'InvalidReserveOptions', field: 'criteria.minRank' },
    })
    // What is meant is read as meant; a key that is no near miss is left alone.
    expect(resolveReserveCriteria({ young: { maxAge: 30 }, note: 'x' } as never)).toEqual({
      _tag: 'Right',
      right: { ...DEFAULT_RESERVE_CRITERIA, young: { maxAge: 30 } },
    })
  })
})

describe('reserveHealth', () => {
  it('measures each pool against the teams in need, the posts and the ranks', () => {
    const s = county()
    const h = reserveHealth(s, ok(reviewReserve(s)))
    expect(h.posts).toBe(7)
    const women = h.groups.find((g) => g.group === 'women')!
    // T1 has no woman: one team in need; C6 (section chief) and C8 (section member) in the pool
    expect(women).toEqual({
      group: 'women',
      listed: 1,
      entries: 2,
      exits: 1,
      size: 2,
      teamsInNeed: 1,
      perTeamNeed: 2,
      perPost: 0.286,
      pipeline: [
        { value: 'section-member', count: 1 },
        { value: 'section-chief', count: 1 },
      ],
      recommended: 0,
    })
    // T1 has a mongol member: no team needs a minority member
    expect(h.groups.find((g) => g.group === 'minority')).toMatchObject({
      size: 1,
      teamsInNeed: 0,
      perTeamNeed: null,
    })
    expect(h.groups.find((g) => g.group === 'young')).toMatchObject({
      listed: 5,
      size: 3,
      teamsInNeed: 1,
      perTeamNeed: 3,
    })
  })
})

describe('reserveHealth at a review date other than the scenario’s', () => {
  // Young members counted in teams of two or more: T2's only young member, C6 (33 at 2024-06), is
  // 36 at 2027-06, and T2 is then in need too.
  const s = county({ policy: resolvePolicy({ structure: { young: { minTeamSize: 2 } } }) })
  const young = (gaps: ReturnType<typeof teamGaps>) =>
    new Set(gaps.filter((g) => g.code === 'structure.young').map((g) => g.teamId)).size

  it('counts the teams in need at the review’s date, whether or not the scenario’s gaps are passed', () => {
    expect(young(teamGaps(s))).toBe(1)
    expect(young(teamGaps(scenarioAt(s, '2027-06')))).toBe(2)
    const review = ok(reviewReserve(s, { asOf: '2027-06' }))
    for (const h of [reserveHealth(s, review), reserveHealth(s, review, teamGaps(s))]) {
      expect(h.asOf).toBe('2027-06')
      expect(h.groups.find((g) => g.group === 'young')).toMatchObject({
        teamsInNeed: 2,
        perTeamNeed: review.members.young.length / 2,
      })
    }
    // At the scenario's own date, as before.
    expect(reserveHealth(s, ok(reviewReserve(s))).groups[0]).toMatchObject({ group: 'young', teamsInNeed: 1 })
  })
})

describe('decodeRecommendations', () => {
  const valid = {
    cadreId: 'C6',
    recommender: '王明',
    recommenderPost: '组织部部长',
    date: '2024-01',
    reason: '实绩突出',
    responsibility: '对推荐人选负责',
  }

  it('fills the defaults', () => {
    const r = decodeRecommendations([valid], county())
    expect(r).toEqual({ _tag: 'Right', right: [{ ...valid, groups: [], frontline: [] }] })
  })

  it('names the path of every issue', () => {
    const r = decodeRecommendations([
      valid,
      { ...valid, date: '2024-13', groups: ['elders'] },
      { cadreId: 'C1' },
    ])
    expect(r._tag === 'Left' && r.left.issues.map((i) => i.message)).toEqual([
      '[1].date: expected YYYY-MM, got "2024-13"',
      '[1].groups[0]: expected one of "young", "women", "minority", "non-party", got "elders"',
      '[2].recommender: expected non-empty string, got nothing',
      '[2].recommenderPost: expected non-empty string, got nothing',
      '[2].date: expected YYYY-MM, got nothing',
      '[2].reason: expected non-empty string, got nothing',
      '[2].responsibility: expected non-empty string, got nothing',
    ])
  })

  it('checks the records against the scenario', () => {
    const r = decodeRecommendations(
      [
        { ...valid, cadreId: 'X9' },
        { ...valid, date: '2025-01' },
      ],
      county(),
    )
    expect(r._tag === 'Left' && r.left.issues.map((i) => i.message)).toEqual([
      '[0].cadreId: expected a cadre id of the scenario, got "X9"',
      '[1].date: expected a month not after asOf 2024-06, got "2025-01"',
    ])
    expect(decodeRecommendations('nope')._tag).toBe('Left')
  })
})
