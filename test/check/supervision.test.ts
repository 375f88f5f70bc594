import { describe, expect, it } from 'vitest'
import { auditProposal, validateProposal } from '../../src/check/index.js'
import type { Scenario } from '../../src/domain/types.js'
import { cadreOf, proposal, scenario, swapClone, TEAMS, where, withCadres, withPolicy } from './fixtures.js'

/** The fixture scenario with supervision links: team id → leading post ids. */
const led = (links: Record<string, string[]>, s: Scenario = scenario()): Scenario => ({
  ...s,
  teams: TEAMS.map((t) => (links[t.id] === undefined ? t : { ...t, supervisedBy: links[t.id] })),
})

/** T1 is led by P21 (书记 of T2, held by C8, who stays); T4 (no open post) by P21 and P33 (closed). */
const linked = (s?: Scenario) => led({ T1: ['P21'], T4: ['P21', 'P33'] }, s)

describe('avoidance.kin across a supervision link', () => {
  it('accepts the valid proposal when no kin sit across a link', () => {
    expect(validateProposal(linked(), proposal())).toEqual([])
  })

  it('catches a newcomer to the led team who is kin of the leading post’s holder', () => {
    const m = swapClone('P13', { kin: [{ cadreId: 'C8', relation: 'sibling' }] }, linked())
    const audit = auditProposal(m.scenario, m.proposal)
    expect(where(audit.violations)).toEqual(['avoidance.kin @ T1/P21/C8'])
    expect(audit.violations[0]?.message).toBe(
      'team 乡镇1 (T1): cadre 刘洋 (C8), holding post 书记 (P21) of team 党委2 (T2) that leads it, ' +
        'is kin of cadre 王芳′ (X1), member(s) of it',
    )
  })

  it('catches kin recorded on the leader’s side only, and a led team without an open post', () => {
    const s = withCadres(linked(), { ...cadreOf('C8'), kin: [{ cadreId: 'C14', relation: 'spouse' }] })
    expect(where(validateProposal(s, proposal()))).toEqual(['avoidance.kin @ T4/P21/C8'])
  })

  it('leaves a link the round does not touch alone', () => {
    // P33 is closed and T4 has no open post: nothing this round changes there.
    const s = withCadres(linked(), { ...cadreOf('C13'), kin: [{ cadreId: 'C16', relation: 'spouse' }] })
    expect(validateProposal(s, proposal())).toEqual([])
  })

  it('is no link without supervisedBy, and the same kin in different teams are fine', () => {
    const m = swapClone('P13', { kin: [{ cadreId: 'C8', relation: 'sibling' }] })
    expect(validateProposal(m.scenario, m.proposal)).toEqual([])
  })

  it('costs the penalty once per kin pair and link when soft', () => {
    const soft = withPolicy(linked(), { people: { kinAvoidance: { hard: false, penalty: 90 } } })
    const m = swapClone('P13', { kin: [{ cadreId: 'C8', relation: 'sibling' }] }, soft)
    const audit = auditProposal(m.scenario, m.proposal)
    expect(audit.violations).toEqual([])
    expect(audit.shortfalls).toEqual([
      { code: 'avoidance.kin', teamId: 'T1', postId: 'P21', cadreId: 'C8', shortfall: 1, cost: 90 },
    ])
  })

  it('follows the policy: off, or a relation left out', () => {
    const off = withPolicy(linked(), { people: { kinAvoidance: { enabled: false } } })
    const m = swapClone('P13', { kin: [{ cadreId: 'C8', relation: 'sibling' }] }, off)
    expect(validateProposal(m.scenario, m.proposal)).toEqual([])
    const spouses = withPolicy(linked(), { people: { kinAvoidance: { relations: ['spouse'] } } })
    const n = swapClone('P13', { kin: [{ cadreId: 'C8', relation: 'sibling' }] }, spouses)
    expect(validateProposal(n.scenario, n.proposal)).toEqual([])
  })
})
