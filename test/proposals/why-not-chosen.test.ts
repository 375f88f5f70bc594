import { beforeAll, describe, expect, it } from 'vitest'
import type { Proposal } from '../../src/domain/proposal.js'
import { solve, whyNotChosen } from '../../src/proposals/index.js'
import { whyNot } from '../../src/rules/index.js'
import { generateScenario } from '../../src/sample/index.js'

const scenario = generateScenario({ seed: 7, cadres: 120 })
let proposal: Proposal

beforeAll(async () => {
  const r = await solve(scenario)
  if (r._tag === 'Left') throw new Error(r.left.message)
  proposal = r.right
})

describe('whyNotChosen', () => {
  it('for an eligible cadre not chosen: who was preferred and the exact cost of forcing the pair', async () => {
    // An eligible cadre of the round who is not in the first filled post.
    const a = proposal.assignments.find((x) => x.cadreId !== null)!
    const other = scenario.cadres.find((c) => {
      if (c.id === a.cadreId) return false
      const r = whyNot(scenario, c.id, a.postId)
      return r._tag === 'Right' && r.right.eligible
    })!
    const r = await whyNotChosen(scenario, proposal, other.id, a.postId)
    if (r._tag === 'Left') throw new Error(JSON.stringify(r.left))
    expect(r.right.outcome).toBe('preferred')
    expect(r.right.chosen).toEqual({ cadreId: a.cadreId, fit: a.fit })
    expect(r.right.fit).not.toBeNull()
    const forced = r.right.forced
    expect(forced?._tag === 'Cost' || forced?._tag === 'Infeasible').toBe(true)
    if (forced?._tag === 'Cost') {
      // The optimum cannot be beaten: forcing costs at least nothing, and the forced proposal has the pair.
      expect(forced.cost).toBeGreaterThanOrEqual(-1e-6)
      expect(forced.forced.assignments.find((x) => x.postId === a.postId)?.cadreId).toBe(other.id)
      expect(forced.forced.objective).toBeCloseTo(proposal.objective - forced.cost, 6)
    }
  })

  it('names the chosen, the blocked, the closed post and unknown ids', async () => {
    const a = proposal.assignments.find((x) => x.cadreId !== null)!
    const chosen = await whyNotChosen(scenario, proposal, a.cadreId!, a.postId)
    expect(chosen._tag === 'Right' && chosen.right.outcome).toBe('chosen')
    const blockedCadre = scenario.cadres.find((c) => {
      const r = whyNot(scenario, c.id, a.postId)
      return r._tag === 'Right' && r.right.open && r.right.candidate && !r.right.eligible
    })
    if (blockedCadre !== undefined) {
      const b = await whyNotChosen(scenario, proposal, blockedCadre.id, a.postId)
      expect(b._tag === 'Right' && b.right.outcome).toBe('blocked')
      expect(b._tag === 'Right' && b.right.rules.reasons.some((x) => x._tag === 'blocked')).toBe(true)
    }
    const u = await whyNotChosen(scenario, proposal, 'NOPE', a.postId)
    expect(u._tag === 'Left' && u.left._tag).toBe('UnknownId')
  })
})
