import { describe, expect, it } from 'vitest'
import { staffingPlan } from '../../src/pool/index.js'
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

  it('takes a team filter and a limit, and is deterministic', () => {
    const only = staffingPlan(county(), { teams: ['T2'], limit: 2 })
    expect(only.map((t) => t.teamId)).toEqual(['T2'])
    expect(only[0]!.posts[0]!.candidates).toHaveLength(2)
    expect(JSON.stringify(staffingPlan(structuredClone(county())))).toBe(JSON.stringify(plan))
  })
})
