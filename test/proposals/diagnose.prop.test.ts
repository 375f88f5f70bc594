import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { diagnose, feasibleWithOnly } from '../../src/proposals/diagnose.js'
import { smallScenario } from '../arbitraries.js'
import { allStaffings } from '../oracle.js'

describe('diagnose', () => {
  it('agrees with brute force on feasibility; its conflict is infeasible and every proper subset feasible', async () => {
    let infeasibleRuns = 0
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 5, maxOpen: 3 }), async (scenario) => {
        const d = await diagnose(scenario)
        if (d._tag === 'Left') throw new Error(d.left.message)
        const feasible = allStaffings(scenario).length > 0
        expect(d.right.feasible).toBe(feasible)
        if (feasible) {
          expect(d.right.conflict).toEqual([])
          return
        }
        infeasibleRuns++
        const conflict = d.right.conflict
        expect(conflict.length).toBeGreaterThan(0)
        if (conflict.length === 1 && conflict[0]!.kind === 'lock' && d.right.relaxationCost === Infinity)
          return
        // Checked with the other backend, so a HiGHS quirk cannot confirm itself.
        const opts = { backend: 'javascript-lp-solver' as const }
        expect(await feasibleWithOnly(scenario, conflict, opts)).toBe(false)
        for (let i = 0; i < conflict.length; i++)
          expect(
            await feasibleWithOnly(
              scenario,
              conflict.filter((_, j) => j !== i),
              opts,
            ),
          ).toBe(true)
        expect(d.right.relaxations.length).toBeGreaterThan(0)
      }),
      { seed: 49, numRuns: 50 },
    )
    expect(infeasibleRuns).toBeGreaterThan(5)
  })
})
