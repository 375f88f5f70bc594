import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formulate } from '../../src/model/index.js'
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
        const lock = conflict[0]!
        if (
          conflict.length === 1 &&
          lock.kind === 'lock' &&
          !formulate(scenario).lockCols.some((l) => l.cadreId === lock.cadreId && l.postId === lock.postId)
        ) {
          // A lock on a pair a hard rule blocks has no column to enforce (feasibleWithOnly cannot
          // check it): infeasible on its own. Its relaxation drops it at a lock's price, and whatever
          // the scenario without it still needs — nothing more exactly when brute force finds one.
          const others = scenario.locks.filter((l) => l.cadreId !== lock.cadreId || l.postId !== lock.postId)
          const freed = allStaffings({ ...scenario, locks: others }).length > 0
          expect(d.right.relaxations[0]).toEqual({ member: lock, violation: 1, cost: 1e5 })
          expect(Number.isFinite(d.right.relaxationCost)).toBe(true)
          if (freed) expect(d.right.relaxationCost).toBe(1e5)
          else expect(d.right.relaxationCost).toBeGreaterThan(1e5)
          return
        }
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
