import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { auditProposal } from '../../src/check/index.js'
import { solve } from '../../src/proposals/index.js'
import { allStaffings, recomputedObjective } from '../oracle.js'
import { smallScenario } from '../arbitraries.js'

describe('the objective a proposal reports', () => {
  it('is recomputed, not trusted: fits from the scenario, soft costs from the audit, and the brute-force best', async () => {
    let checked = 0
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 5, maxOpen: 3 }), async (scenario) => {
        const r = await solve(scenario, { backend: 'highs' })
        const best = allStaffings(scenario)[0]
        if (r._tag === 'Left') {
          expect(best).toBeUndefined()
          return
        }
        const p = r.right
        expect(p.status).toBe('optimal')
        // The objective against the staffing's own recomputed value, and against the best of all.
        expect(Math.abs(p.objective - recomputedObjective(scenario, p))).toBeLessThan(1e-6)
        expect(Math.abs(p.objective - best!.objective)).toBeLessThan(1e-6)
        // The parts add up, and the audit of the proposal as stated agrees with them.
        expect(Math.abs(p.parts.fit - p.parts.vacancies - p.parts.penalties - p.objective)).toBeLessThan(1e-6)
        expect(Math.abs(auditProposal(scenario, p).objective - p.objective)).toBeLessThan(1e-6)
        expect(p.bound).toBe(p.objective)
        expect(p.gap).toBe(0)
        checked++
      }),
      { seed: 47, numRuns: 40 },
    )
    expect(checked).toBeGreaterThan(10)
  }, 120_000)
})
