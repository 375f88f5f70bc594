/**
 * Kin avoidance by relation (policy `kinAvoidance.relations`), in the rules,
 * the model and the validator alike.
 */
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import type { KinRelation } from '../../src/domain/types.js'
import { contextOf, whyNot } from '../../src/rules/index.js'
import {
  assign,
  cadreOf,
  cloneOf,
  proposal,
  scenario,
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
