/**
 * Terms and tenure (src/rules/tenure.ts) on the validator's hand-made county
 * (test/check/fixtures.ts, reference month 2024-06): the boundary months of
 * each rule, as docs/rules.md states them (`≥ 12 × y` months breaks a rule of y years).
 */
import { describe, expect, it } from 'vitest'
import { solve } from '../../src/proposals/index.js'
import { auditProposal } from '../../src/check/index.js'
import { contextOf, pairVerdicts } from '../../src/rules/index.js'
import { shortTenureMonths } from '../../src/rules/tenure.js'
import type { Cadre, Scenario } from '../../src/domain/types.js'
import { cadreOf, cloneOf, scenario, withCadres, withPolicy } from '../check/fixtures.js'

/** Codes of every verdict of cadre `id` on `postId`, after replacing the cadre by `cadre`. */
function codes(s: Scenario, cadre: Cadre, postId: string): string[] {
  const s2 = withCadres(s, cadre)
  const ctx = contextOf(s2)
  return pairVerdicts(ctx, ctx.cadreIndex.get(cadre.id)!, postId).map((v) =>
    v._tag === 'ok' ? 'ok' : `${v._tag}:${v.code}`,
  )
}

const inP21Since = (since: string): Cadre => ({ ...cadreOf('C8'), currentPost: { postId: 'P21', since } })
const exempt = (s: Scenario): Scenario => ({
  ...s,
  teams: s.teams.map((t) => ({ ...t, posts: t.posts.map((p) => ({ ...p, rotationExempt: true })) })),
})

describe('tenure.max-terms', () => {
  it('blocks a third term: exactly two five-year terms in the post (120 months)', () => {
    expect(codes(exempt(scenario()), inP21Since('2014-06'), 'P21')).toEqual(['blocked:tenure.max-terms'])
  })

  it('lets the incumbent stay one month short of two terms (119 months)', () => {
    expect(codes(exempt(scenario()), inP21Since('2014-07'), 'P21')).toEqual([])
  })

  it('binds a rotation-exempt post, where rotation does not', () => {
    const s = exempt(withPolicy(scenario(), { people: { shouldRotate: { enabled: false } } }))
    expect(codes(s, inP21Since('2010-01'), 'P21')).toEqual(['blocked:tenure.max-terms'])
  })

  it('follows the policy: three terms of four years', () => {
    const s = exempt(withPolicy(scenario(), { people: { terms: { termYears: 4, maxTerms: 3 } } }))
    expect(codes(s, inP21Since('2012-07'), 'P21')).toEqual([])
    expect(codes(s, inP21Since('2012-06'), 'P21')).toEqual(['blocked:tenure.max-terms'])
  })

  it('is silent when switched off, and a penalty when soft', () => {
    const off = exempt(withPolicy(scenario(), { people: { terms: { enabled: false } } }))
    expect(codes(off, inP21Since('2000-01'), 'P21')).toEqual([])
    const soft = exempt(withPolicy(scenario(), { people: { terms: { hard: false } } }))
    expect(codes(soft, inP21Since('2000-01'), 'P21')).toEqual(['penalty:tenure.max-terms'])
  })
})

describe('tenure.level-years', () => {
  // C7 is a section deputy; P14 is a section-deputy post (lateral), P16 a section-chief post (promotion).
  const atRankSince = (rankSince: string) => cloneOf('C7', 'X1', { rankSince })

  it('blocks a further post at the level after exactly fifteen years (180 months)', () => {
    expect(codes(scenario(), atRankSince('2009-06'), 'P14')).toEqual(['blocked:tenure.level-years'])
  })

  it('allows it one month short (179 months)', () => {
    expect(codes(scenario(), atRankSince('2009-07'), 'P14')).toEqual([])
  })

  it('does not apply to a promotion, which leaves the level', () => {
    expect(codes(scenario(), atRankSince('2000-01'), 'P16')).not.toContain('blocked:tenure.level-years')
  })

  it('does not apply to staying in the post already held', () => {
    const c = { ...cadreOf('C10'), rankSince: '2000-01' }
    expect(codes(scenario({ openPosts: ['P23'] }), c, 'P23')).toEqual([])
  })
})

describe('tenure.short-move', () => {
  const inP12Since = (since: string): Cadre => ({ ...cadreOf('C2'), currentPost: { postId: 'P12', since } })

  it('measures months in post below the limit, and nothing at exactly three years', () => {
    const s = scenario()
    expect(shortTenureMonths(s, inP12Since('2021-06'))).toBeNull()
    expect(shortTenureMonths(s, inP12Since('2021-07'))).toBe(35)
    expect(shortTenureMonths(s, cadreOf('C5'))).toBeNull()
  })

  // The plan's open posts of team T1 (C6, C7 and C5 come in), with C2's P12 under three years.
  const round = (over: Partial<Scenario> = {}) =>
    withCadres(scenario({ openPosts: ['P12', 'P13', 'P14', 'P16'], ...over }), inP12Since('2022-06'))

  it('the optimiser keeps a short-tenure incumbent when nothing forces a move', async () => {
    const s = round()
    const result = await solve(s)
    if (result._tag !== 'Right') throw new Error(JSON.stringify(result))
    const audit = auditProposal(s, result.right)
    expect(audit.objective).toBeCloseTo(result.right.objective, 6)
    const stays = result.right.assignments.find((a) => a.postId === 'P12')!.cadreId === 'C2'
    expect(audit.shortfalls.some((f) => f.code === 'tenure.short-move')).toBe(!stays)
  })

  it('pays the penalty once when the stay is forbidden, and agrees with the audit', async () => {
    const s = round({ forbidden: [{ cadreId: 'C2', postId: 'P12' }] })
    const result = await solve(s)
    if (result._tag !== 'Right') throw new Error(JSON.stringify(result))
    const paid = result.right.penalties.filter((p) => p.code === 'tenure.short-move')
    expect(paid.map((p) => p.amount)).toEqual([10])
    expect(auditProposal(s, result.right).objective).toBeCloseTo(result.right.objective, 6)
  })

  it('as a hard rule makes a forced move infeasible, naming the rule', async () => {
    const s = withPolicy(round({ forbidden: [{ cadreId: 'C2', postId: 'P12' }] }), {
      people: { shortTenure: { hard: true } },
    })
    const result = await solve(s)
    expect(
      result._tag === 'Left' && result.left._tag === 'Infeasible' && result.left.conflicts.map((c) => c.code),
    ).toEqual(['tenure.short-move'])
  })
})
