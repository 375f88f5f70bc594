/**
 * The greedy baseline of the benchmarks (bench/greedy.ts) against banzi: on
 * small scenarios a greedy proposal that passes the validator never has a
 * higher audited objective than banzi's optimum, and whatever the greedy
 * breaks is reported exactly as the independent validator finds it.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { greedy } from '../../bench/greedy.js'
import { auditProposal, validateProposal } from '../../src/check/index.js'
import type { Scenario } from '../../src/domain/types.js'
import { solve } from '../../src/proposals/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { smallScenario } from '../arbitraries.js'

// Objectives are sums of fits rounded to 1e-6; compare with that tolerance.
const EPS = 1e-6

async function check(scenario: Scenario): Promise<void> {
  const g = greedy(scenario)
  expect(g.violations).toEqual(validateProposal(scenario, g.proposal))
  expect(g.objective).toBeCloseTo(auditProposal(scenario, g.proposal).objective, 9)
  const best = await solve(scenario)
  if (best._tag === 'Left') {
    // No proposal meets every hard rule, so the greedy cannot either.
    if (best.left._tag === 'Infeasible') expect(g.violations.length).toBeGreaterThan(0)
    return
  }
  if (g.violations.length === 0) expect(g.objective).toBeLessThanOrEqual(best.right.objective + EPS)
}

describe('greedy baseline', () => {
  it('never beats banzi on small random scenarios, and its violations are the validator’s', async () => {
    await fc.assert(fc.asyncProperty(smallScenario(), check), { seed: 2026, numRuns: 40 })
  })

  it('never beats banzi on small generated counties', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 30, max: 80 }),
        (seed, cadres) => check(generateScenario({ seed, cadres })),
      ),
      { seed: 7, numRuns: 8 },
    )
  })
})
