import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { explainProposal } from '../../src/proposals/explain.js'
import { solve } from '../../src/proposals/index.js'
import { smallScenario } from '../arbitraries.js'
import { stoppedBackend } from './stopped-backend.js'

/**
 * A `bounded` rule cost lies in `[cost, upper]`, and `upper` is the stopped
 * re-solve's bound less the proposal's objective: that bound is on the model
 * without the rule, whose penalties cost nothing there already, so nothing is
 * added back to it.
 */
describe('explainProposal, a rule cost from a stopped re-solve', () => {
  it('holds the true cost between its cost and its upper end, the re-solve bound less the objective', async () => {
    let bounded = 0
    let binding = 0
    await fc.assert(
      fc.asyncProperty(
        smallScenario({ maxCadres: 6, maxOpen: 3 }),
        fc.integer({ min: 1, max: 9 }),
        async (scenario, margin) => {
          const r = await solve(scenario, { backend: 'highs' })
          if (r._tag === 'Left') return
          // The true costs: every re-solve proven optimal.
          const exact = await explainProposal(scenario, r.right, { backend: 'highs', runnersUp: 0 })
          if (exact._tag === 'Left') throw new Error(exact.left.message)
          const truth = new Map(exact.right.ruleCosts.map((c) => [c.code, c] as const))
          // Every re-solve stopped: the optimum's staffing with its auxiliary columns at their worst,
          // and a bound `margin` above the optimum of the model without the rule.
          const e = await explainProposal(scenario, r.right, {
            backend: stoppedBackend(margin),
            runnersUp: 0,
          })
          if (e._tag === 'Left') throw new Error(e.left.message)
          expect(e.right.ruleCosts.map((c) => c.code).sort()).toEqual([...truth.keys()].sort())
          for (const rc of e.right.ruleCosts) {
            const t = truth.get(rc.code)!
            expect(t.method).toBe('exact')
            expect(rc).toMatchObject({ method: 'bounded', status: 'time-limit' })
            expect(rc.upper).not.toBeNull()
            expect(rc.cost).toBeLessThanOrEqual(t.cost + 1e-6)
            expect(t.cost).toBeLessThanOrEqual(rc.upper! + 1e-6)
            // The stopped re-solve staffs like the optimum without the rule: its cost is the true one.
            expect(Math.abs(rc.cost - t.cost)).toBeLessThan(1e-6)
            // No looser than the bound allows: the relaxed optimum plus the margin, less the objective.
            expect(Math.abs(rc.upper! - (t.cost + margin))).toBeLessThan(3e-6)
            bounded++
            if (t.cost > 1e-6) binding++
          }
        },
      ),
      { seed: 2029, numRuns: 40 },
    )
    expect(bounded).toBeGreaterThan(30)
    expect(binding).toBeGreaterThan(5)
  }, 240_000)
})
