import { describe, expect, it } from 'vitest'
import { resolvePolicy } from '../../src/domain/policy.js'
import { staffingPlan } from '../../src/pool/index.js'
import { sampleScenario } from '../../src/sample/index.js'
import { eligibilityOf } from '../../src/scoring/candidates.js'
import { county } from './fixtures.js'

describe('staffingPlan', () => {
  const plan = staffingPlan(county())

  it('plans the teams with open posts, in scenario order', () => {
    expect(plan.map((t) => [t.teamId, t.posts.map((p) => p.profile.postId)])).toEqual([
      ['T1', ['P5']],
      ['T2', ['Q2']],
    ])
  })

  it('turns the gaps into the profile of the person wanted', () => {
    const p5 = plan[0]!.posts[0]!.profile
    // at most three needs per post, in gap order: a woman, aged ≤ 35, with economy/finance
    expect(p5.needs.map((n) => n.code)).toEqual([
      'structure.women',
      'structure.young',
      'structure.specialty-coverage',
    ])
    expect(p5).toMatchObject({
      kind: 'member',
      rank: 'section-deputy',
      specialties: ['economy/finance'],
      age: { minAge: 0, maxAge: 35 },
      woman: true,
      minority: false,
      ethnicity: null,
      nonParty: false,
    })
    // the rest is not dropped silently: band ≤40, average age, two more temperament types
    expect(plan[0]!.unplaced.map((n) => n.need)).toEqual([
      { kind: 'age', minAge: 0, maxAge: 40 },
      { kind: 'age', minAge: 0, maxAge: 49 },
      { kind: 'temperament', missing: ['sanguine', 'phlegmatic', 'melancholic'] },
      { kind: 'temperament', missing: ['sanguine', 'phlegmatic', 'melancholic'] },
    ])
  })

  it('lists only eligible cadres, those meeting every need first', () => {
    const p5 = plan[0]!.posts[0]!
    const eligible = eligibilityOf(county()).find((e) => e.postId === 'P5')!.eligible
    expect(p5.eligible).toBe(eligible.length)
    // R4 is under investigation: never listed
    expect(eligible.map((e) => e.cadreId)).not.toContain('R4')
    // C8, a woman of 30 with economy/finance/tax, is the only one meeting all three needs
    expect(p5.matching).toBe(1)
    expect(p5.candidates[0]).toMatchObject({ cadreId: 'C8', meets: [0, 1, 2], misses: [], promotion: true })
    const ids = new Set(eligible.map((e) => e.cadreId))
    for (const c of p5.candidates) expect(ids.has(c.cadreId)).toBe(true)
    for (let k = 1; k < p5.candidates.length; k++) {
      const a = p5.candidates[k - 1]!
      const b = p5.candidates[k]!
      expect(
        a.misses.length < b.misses.length || (a.misses.length === b.misses.length && a.fit >= b.fit),
      ).toBe(true)
    }
  })

  it('plans a team without gaps with an empty profile, best fit first', () => {
    const q2 = plan[1]!.posts[0]!
    expect(q2.profile.needs).toEqual([])
    expect(q2.matching).toBe(q2.eligible)
    expect(q2.candidates[0]).toMatchObject({ cadreId: 'C7', stay: true })
  })

  it('throws on options out of range', () => {
    expect(() => staffingPlan(county(), { limit: -1 })).toThrow(RangeError)
    expect(() => staffingPlan(county(), { maxNeedsPerPost: 0 })).toThrow(RangeError)
  })

  it('spreads the needs over the open posts when there is room', () => {
    const [t1] = staffingPlan(county(), { teams: ['T1'], maxNeedsPerPost: 8 })
    expect(t1!.unplaced).toEqual([])
    expect(t1!.posts[0]!.profile.needs).toHaveLength(7)
    // ≤ 35 and ≤ 40 and ≤ 49: the age range is their intersection
    expect(t1!.posts[0]!.profile.age).toEqual({ minAge: 0, maxAge: 35 })
  })

  it('deals a need only to a post whose needs one person can meet together, else says why it is unplaced', () => {
    // 伊和陶勒盖苏木 (T0041), open posts P00294 and P00295: titular, a woman, aged ≤ 35, agriculture, aged ≥ 51.
    const sample = sampleScenario()
    const [t] = staffingPlan(sample, { teams: ['T0041'], limit: 1 })
    for (const p of t!.posts) {
      const age = p.profile.age
      expect(age === null || age.minAge <= age.maxAge).toBe(true)
      expect(p.matching).toBeGreaterThan(0)
    }
    // aged ≥ 51 went to the post without the ≤ 35 need, not into P00294's profile
    expect(t!.posts.map((p) => [p.profile.postId, p.profile.needs.map((n) => n.tag)])).toEqual([
      ['P00294', ['titular', 'young']],
      ['P00295', ['women', 'covers-agriculture/livestock/grassland', 'age-51-200']],
    ])
    expect(t!.unplaced).toEqual([])
    // T1 of the small county asks aged ≤ 35 of its one open post P5; an average age of at least 55
    // asks aged ≥ 56 too: with room left, it is unplaced, and says why, rather than an empty profile.
    const older = county({
      policy: resolvePolicy({
        structure: { averageAge: { enabled: true, min: 55, max: null }, temperament: { minDistinct: 3 } },
      }),
    })
    const [t1] = staffingPlan(older, { teams: ['T1'], maxNeedsPerPost: 8 })
    expect(t1!.posts[0]!.profile.age).toEqual({ minAge: 0, maxAge: 35 })
    expect(t1!.posts[0]!.matching).toBe(1)
    expect(t1!.unplaced).toEqual([
      {
        need: { kind: 'age', minAge: 56, maxAge: 200 },
        code: 'structure.average-age',
        tag: 'average-age-min',
        reason: 'conflict',
        why: 'aged ≥ 56: no one can meet it where there is room (P5 asks aged ≤ 35)',
      },
    ])
    expect(plan[0]!.unplaced.map((n) => n.reason)).toEqual(['no-room', 'no-room', 'no-room', 'no-room'])
  })

  it('takes a team filter and a limit, and is deterministic', () => {
    const only = staffingPlan(county(), { teams: ['T2'], limit: 2 })
    expect(only.map((t) => t.teamId)).toEqual(['T2'])
    expect(only[0]!.posts[0]!.candidates).toHaveLength(2)
    expect(JSON.stringify(staffingPlan(structuredClone(county())))).toBe(JSON.stringify(plan))
  })
})
