/**
 * The exactness oracle: on random small scenarios, `solve` must equal brute
 * force over every staffing — feasibility judged by the independent validator,
 * objective by its audit — or report infeasible exactly when no staffing passes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { auditProposal, validateProposal } from '../../src/check/index.js'
import type { Scenario } from '../../src/domain/types.js'
import { solve } from '../../src/proposals/index.js'
import { smallScenario } from '../arbitraries.js'
import { allStaffings } from '../oracle.js'

/** Best audited objective over every staffing, or null if none passes the validator. */
function bruteForce(scenario: Scenario): number | null {
  return allStaffings(scenario)[0]?.objective ?? null
}

describe('solve is exact', () => {
  it('equals brute force, or is infeasible exactly when brute force finds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 6, maxOpen: 4 }), async (scenario) => {
        const expected = bruteForce(scenario)
        const result = await solve(scenario)
        if (expected === null) {
          expect(result._tag).toBe('Left')
          if (result._tag === 'Left') expect(result.left._tag).toBe('Infeasible')
          return
        }
        expect(result._tag).toBe('Right')
        if (result._tag !== 'Right') return
        expect(result.right.status).toBe('optimal')
        expect(Math.abs(result.right.objective - expected)).toBeLessThan(1e-6)
      }),
      { seed: 42, numRuns: 120 },
    )
  })

  it('equals brute force with kin avoidance on across supervision links', async () => {
    // Kin avoidance switched on for the arbitrary's sibling links, in scenarios with a supervision link.
    const linked = smallScenario({ maxCadres: 6, maxOpen: 4 })
      .filter((s) => s.teams.some((t) => (t.supervisedBy ?? []).length > 0))
      .map((s): Scenario => ({
        ...s,
        policy: {
          ...s.policy,
          people: {
            ...s.policy.people,
            kinAvoidance: { ...s.policy.people.kinAvoidance, enabled: true, relations: ['sibling'] },
          },
        },
      }))
    await fc.assert(
      fc.asyncProperty(linked, async (scenario) => {
        const expected = bruteForce(scenario)
        const result = await solve(scenario)
        expect(result._tag).toBe(expected === null ? 'Left' : 'Right')
        if (expected === null || result._tag !== 'Right') return
        expect(validateProposal(scenario, result.right)).toEqual([])
        expect(Math.abs(result.right.objective - expected)).toBeLessThan(1e-6)
      }),
      { seed: 44, numRuns: 80 },
    )
  })

  it('every proposal passes the validator and its audited objective equals the reported one', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario(), async (scenario) => {
        const result = await solve(scenario)
        if (result._tag === 'Left') return
        expect(validateProposal(scenario, result.right)).toEqual([])
        const audit = auditProposal(scenario, result.right)
        expect(Math.abs(result.right.parts.fit - audit.softCost - result.right.objective)).toBeLessThan(1e-6)
      }),
      { seed: 43, numRuns: 60 },
    )
  })
})
