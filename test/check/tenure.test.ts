/**
 * The validator's tenure checks (src/check/pair.ts, src/check/stability.ts):
 * one mutation of the valid fixture per rule, at the boundary month.
 */
import { describe, expect, it } from 'vitest'
import { auditProposal, validateProposal } from '../../src/check/index.js'
import type { Scenario } from '../../src/domain/types.js'
import { assign, cadreOf, proposal, scenario, swapClone, where, withCadres, withPolicy } from './fixtures.js'

const c8Since = (since: string, s: Scenario = scenario()) =>
  withCadres(s, { ...cadreOf('C8'), currentPost: { postId: 'P21', since } })
const c2Since = (since: string, s: Scenario = scenario()) =>
  withCadres(s, { ...cadreOf('C2'), currentPost: { postId: 'P12', since } })
const exempt = (s: Scenario): Scenario => ({
  ...s,
  teams: s.teams.map((t) => ({ ...t, posts: t.posts.map((p) => ({ ...p, rotationExempt: true })) })),
})

describe('tenure.max-terms', () => {
  it('names an incumbent starting a third term in a rotation-exempt post', () => {
    const s = exempt(c8Since('2014-06'))
    expect(where(validateProposal(s, proposal()))).toEqual(['tenure.max-terms @ T2/P21/C8'])
    expect(validateProposal(s, proposal())[0]?.message).toBe(
      'post 书记 (P21) of team 党委2 (T2): cadre 刘洋 (C8) would start term 3 after 120 months in post (2 terms of 5 years)',
    )
  })

  it('holds one month short of two terms', () => {
    expect(validateProposal(exempt(c8Since('2014-07')), proposal())).toEqual([])
  })
})

describe('tenure.level-years', () => {
  it('names a lateral appointment after fifteen years at the level', () => {
    const m = swapClone('P14', { rankSince: '2009-06' })
    expect(where(validateProposal(m.scenario, m.proposal))).toEqual(['tenure.level-years @ T1/P14/X1'])
  })

  it('holds at fourteen years eleven months, and for a promotion', () => {
    const lateral = swapClone('P14', { rankSince: '2009-07' })
    expect(validateProposal(lateral.scenario, lateral.proposal)).toEqual([])
    const promotion = swapClone('P16', { rankSince: '2000-01' })
    expect(where(validateProposal(promotion.scenario, promotion.proposal))).toEqual([])
  })
})

describe('tenure.short-move', () => {
  it('costs its penalty once when a short-tenure incumbent is moved out (soft by default)', () => {
    const s = c2Since('2021-07')
    const p = assign(proposal(), 'P12', null)
    expect(validateProposal(s, p)).toEqual([])
    expect(auditProposal(s, p).shortfalls.filter((f) => f.code === 'tenure.short-move')).toEqual([
      { code: 'tenure.short-move', teamId: 'T1', postId: 'P12', cadreId: 'C2', shortfall: 1, cost: 10 },
    ])
  })

  it('is not broken at exactly three years, nor when the incumbent stays', () => {
    const p = assign(proposal(), 'P12', null)
    expect(auditProposal(c2Since('2021-06'), p).shortfalls.map((f) => f.code)).not.toContain(
      'tenure.short-move',
    )
    expect(auditProposal(c2Since('2024-01'), proposal()).shortfalls).toEqual([])
  })

  it('is a violation when hard, naming who replaced the incumbent', () => {
    const s = withPolicy(c2Since('2023-06'), { people: { shortTenure: { hard: true } } })
    const p = assign(proposal(), 'P12', 'C7')
    const v = validateProposal(s, assign(p, 'P14', null)).filter((x) => x.code === 'tenure.short-move')
    expect(v.map((x) => x.message)).toEqual([
      'post 镇长 (P12) of team 乡镇1 (T1): moves cadre 李强 (C2) after 12 months in post (under 3 years) and gives it to cadre 张磊 (C7)',
    ])
  })
})
