/**
 * Kin avoidance by relation (policy `kinAvoidance.relations`), and hometown
 * avoidance by home county (src/domain/place.ts), in the rules, the model and
 * the validator alike.
 */
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import type { KinRelation, Scenario } from '../../src/domain/types.js'
import { solve } from '../../src/proposals/index.js'
import { contextOf, whyNot } from '../../src/rules/index.js'
import {
  assign,
  cadreOf,
  cloneOf,
  proposal,
  scenario,
  swapClone,
  where,
  withCadres,
  withPolicy,
} from '../check/fixtures.js'

// X1 is a newcomer related to C1, who holds the closed post P11 of team T1.
const related = (relation: KinRelation) =>
  withCadres(scenario(), cloneOf('C7', 'X1', { kin: [{ cadreId: 'C1', relation }] }))

describe('avoidance.kin relations', () => {
  it('blocks every recorded relation by default', () => {
    for (const relation of ['spouse', 'parent', 'child', 'sibling', 'in-law', 'collateral'] as const) {
      const r = whyNot(related(relation), 'X1', 'P14')
      expect(r._tag === 'Right' && r.right.reasons.map((x) => x.code)).toEqual(['avoidance.kin'])
    }
  })

  it('ignores relations the policy leaves out, in the rules and in the validator', () => {
    const s = withPolicy(related('collateral'), {
      people: { kinAvoidance: { relations: ['spouse', 'parent'] } },
    })
    expect(contextOf(s).kin[s.cadres.length - 1]!.size).toBe(0)
    const r = whyNot(s, 'X1', 'P14')
    expect(r._tag === 'Right' && r.right.eligible).toBe(true)
    expect(validateProposal(s, assign(proposal(), 'P14', 'X1'))).toEqual([])
  })

  it('is re-checked by the validator for a listed relation', () => {
    const s = related('spouse')
    expect(where(validateProposal(s, assign(proposal(), 'P14', 'X1')))).toEqual(['avoidance.kin @ T1/-/-'])
    expect(cadreOf('C1').currentPost?.postId).toBe('P11')
  })
})

describe('avoidance.hometown by home county', () => {
  // X1, a clone of C8, takes the party head post P21 of team T2 (locality Q2 in the fixture).
  const at = (locality: string, hometown: string) => {
    const m = swapClone('P21', { hometown })
    const s: Scenario = {
      ...m.scenario,
      teams: m.scenario.teams.map((t) => (t.id === 'T2' ? { ...t, locality } : t)),
    }
    const r = whyNot(s, 'X1', 'P21')
    return {
      rules: r._tag === 'Right' ? r.right.reasons.map((x) => x.code) : r,
      validator: where(validateProposal(s, m.proposal)),
    }
  }
  const blocked = { rules: ['avoidance.hometown'], validator: ['avoidance.hometown @ T2/P21/X1'] }
  const free = { rules: [], validator: [] }

  it('blocks a cadre of 清溪县和溪镇 from heading a team of 和溪镇, and the reverse', () => {
    expect(at('和溪镇', '清溪县和溪镇')).toEqual(blocked)
    expect(at('清溪县和溪镇', '和溪镇')).toEqual(blocked)
  })

  it('blocks a cadre of any town of the county from heading a team of the county or of another of its towns', () => {
    expect(at('清溪县', '清溪县和溪镇')).toEqual(blocked)
    expect(at('清溪县石桥镇', '清溪县和溪镇')).toEqual(blocked)
    expect(at('内蒙古自治区赤峰市清溪县', '清溪县')).toEqual(blocked)
    expect(at('150421', '150421101')).toEqual(blocked)
  })

  it('says where the cadre grew up when the texts differ', () => {
    const m = swapClone('P21', { hometown: '清溪县和溪镇' })
    const s: Scenario = {
      ...m.scenario,
      teams: m.scenario.teams.map((t) => (t.id === 'T2' ? { ...t, locality: '和溪镇' } : t)),
    }
    const r = whyNot(s, 'X1', 'P21')
    expect(r._tag === 'Right' && r.right.reasons.map((x) => x.message)).toEqual([
      expect.stringContaining('grew up in 清溪县和溪镇, the same county as 和溪镇'),
    ])
    expect(validateProposal(s, m.proposal).map((v) => v.message)).toEqual([
      expect.stringContaining('in 和溪镇, in the county of their hometown 清溪县和溪镇'),
    ])
  })

  it('lets a cadre of a town of the same name in another county through', () => {
    expect(at('甲县和溪镇', '乙县和溪镇')).toEqual(free)
    expect(at('赤峰市清溪县', '通辽市清溪县')).toEqual(free)
    expect(at('150421', '150422')).toEqual(free)
  })

  it('keeps the MILP from appointing a cadre to a head post of their home county written differently', async () => {
    // the only candidate for P21 grew up in 清溪县和溪镇; the team's locality is 和溪镇
    const m = swapClone('P21', { hometown: '清溪县和溪镇' })
    const s: Scenario = {
      ...m.scenario,
      teams: m.scenario.teams.map((t) => (t.id === 'T2' ? { ...t, locality: '和溪镇' } : t)),
      locks: [{ cadreId: 'X1', postId: 'P21' }],
    }
    const r = await solve(s)
    expect(r._tag === 'Left' && r.left._tag).toBe('Infeasible')
  })
})
