/**
 * `whyNot` on the validator's hand-made county (test/check/fixtures.ts): every
 * blocking and penalising rule of a pair, unknown ids as values.
 */
import { describe, expect, it } from 'vitest'
import { contextOf, whyNot } from '../../src/rules/index.js'
import { sampleScenario } from '../../src/sample/index.js'
import { cadreOf, cloneOf, scenario, withCadres, withPolicy } from '../check/fixtures.js'

const reasons = (r: ReturnType<typeof whyNot>) =>
  r._tag === 'Right' ? r.right.reasons.map((x) => `${x._tag} ${x.code}`) : r.left

describe('whyNot', () => {
  it('lists every blocking rule, not only the first', () => {
    const s = withCadres(
      scenario(),
      cloneOf('C6', 'X1', { education: { level: 'secondary', fullTime: false } }),
    )
    // C6 is a section member: P16 (section chief) is two rungs up, and the education is too low.
    expect(reasons(whyNot(s, 'X1', 'P16'))).toEqual([
      'blocked ladder.skip-rung',
      'blocked education.min-level',
    ])
    const r = whyNot(s, 'X1', 'P16')
    expect(r._tag === 'Right' && [r.right.eligible, r.right.candidate, r.right.open]).toEqual([
      false,
      true,
      true,
    ])
  })

  it('lists penalties of an eligible pair: a soft step down', () => {
    const r = whyNot(withCadres(scenario(), cloneOf('C2', 'X1')), 'X1', 'P14')
    expect(reasons(r)).toEqual(['penalty ladder.step-down'])
    expect(r._tag === 'Right' && r.right.reasons[0]!.amount).toBe(40)
    expect(r._tag === 'Right' && r.right.eligible).toBe(true)
  })

  it('puts blocking rules before penalties', () => {
    const s = withCadres(scenario(), cloneOf('C2', 'X1', { birth: '1960-01' }))
    expect(reasons(whyNot(s, 'X1', 'P14'))).toEqual([
      'blocked age.max-at-appointment',
      'penalty ladder.step-down',
    ])
  })

  it('charges moving a short-tenure incumbent of an open post to another post', () => {
    const s = withCadres(scenario(), { ...cadreOf('C2'), currentPost: { postId: 'P12', since: '2023-01' } })
    expect(reasons(whyNot(s, 'C2', 'P15'))).toEqual(['penalty tenure.short-move'])
    expect(reasons(whyNot(s, 'C2', 'P12'))).toEqual([])
    const hard = withPolicy(s, { people: { shortTenure: { hard: true } } })
    expect(reasons(whyNot(hard, 'C2', 'P15'))).toEqual(['blocked tenure.short-move'])
  })

  it('says when the cadre is not part of the round or the post is closed', () => {
    // C14 holds the closed post P41.
    const r = whyNot(scenario(), 'C14', 'P42')
    expect(r._tag === 'Right' && [r.right.candidate, r.right.open, r.right.eligible]).toEqual([
      false,
      false,
      false,
    ])
  })

  it('returns unknown ids as values', () => {
    expect(whyNot(scenario(), 'nobody', 'P12')).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'UnknownId',
        kind: 'cadre',
        id: 'nobody',
        message: 'no cadre with id "nobody" in this scenario',
      },
    })
    expect(whyNot(scenario(), 'C1', 'P99')).toEqual({
      _tag: 'Left',
      left: { _tag: 'UnknownId', kind: 'post', id: 'P99', message: 'no post with id "P99" in this scenario' },
    })
  })
})

describe('dates in words', () => {
  it('never say a negative number of months: a cadre past retirement age is said to be past it', () => {
    const s = sampleScenario()
    const ladder = ['section-member', 'section-deputy', 'section-chief', 'division-deputy', 'division-chief']
    const posts = s.teams.flatMap((t) => t.posts)
    let seen = 0
    for (const c of s.cadres) {
      const higher = posts.find((p) => ladder.indexOf(p.rank) === ladder.indexOf(c.rank) + 1)
      if (higher === undefined) continue
      const r = whyNot(s, c.id, higher.id)
      if (r._tag === 'Left') continue
      for (const reason of r.right.reasons.filter((x) => x.code === 'age.years-to-retirement')) {
        seen++
        expect(reason.message).not.toMatch(/-\d/)
      }
    }
    expect(seen).toBeGreaterThan(0)
  })
})

describe('reasons in Chinese', () => {
  it('every reason of every rule comes in Chinese too, written from its facts, with no code in it', () => {
    const s = sampleScenario()
    const posts = s.teams.flatMap((t) => t.posts).filter((_, i) => i % 7 === 0)
    const codes = new Set<string>()
    const ctx = contextOf(s)
    for (const c of s.cadres.filter((_, i) => i % 5 === 0))
      for (const p of posts) {
        const r = whyNot(s, c.id, p.id, ctx)
        if (r._tag === 'Left') continue
        for (const x of r.right.reasons) {
          codes.add(x.code)
          expect(x.zh).toMatch(/[\u4e00-\u9fff]/)
          // No code or English word run into the sentence (names and places are Chinese in the sample).
          expect(x.zh, `${x.code}: ${x.zh}`).not.toMatch(/[A-Za-z]{3,}/)
          expect(x.zh).not.toMatch(/-\d/)
        }
      }
    // Most of the rules show up on the sample: the test reads their wording, not one of them.
    expect(codes.size).toBeGreaterThanOrEqual(10)
  })
})
