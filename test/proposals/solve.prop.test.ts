import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { solve } from '../../src/proposals/index.js'
import type { Policy } from '../../src/domain/policy.js'
import type { Scenario } from '../../src/domain/types.js'
import { smallScenario } from '../arbitraries.js'

/** The scenario with every team rule switched off: a pure assignment. */
function withoutTeamRules(s: Scenario): Scenario {
  const offAll = <T extends object>(rules: T): T =>
    Object.fromEntries(Object.entries(rules).map(([k, v]) => [k, { ...v, enabled: false }])) as T
  const policy: Policy = {
    ...s.policy,
    structure: offAll(s.policy.structure),
    stability: offAll(s.policy.stability),
    people: {
      ...s.policy.people,
      kinAvoidance: { ...s.policy.people.kinAvoidance, enabled: false },
      // Keeping a short-tenure incumbent is a row of its own (src/model/tenure-rows.ts), not a pair cost.
      shortTenure: { ...s.policy.people.shortTenure, enabled: false },
    },
  }
  return { ...s, policy }
}

const RUNS = { seed: 42, numRuns: 40 }

describe('solve on random small scenarios', () => {
  it('HiGHS and javascript-lp-solver agree on feasibility and on the optimal objective', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario(), async (scenario) => {
        const a = await solve(scenario, { backend: 'highs' })
        const b = await solve(scenario, { backend: 'javascript-lp-solver' })
        expect(a._tag).toBe(b._tag)
        if (a._tag === 'Right' && b._tag === 'Right') {
          expect(a.right.status).toBe('optimal')
          expect(b.right.status).toBe('optimal')
          expect(Math.abs(a.right.objective - b.right.objective)).toBeLessThan(1e-6)
        }
      }),
      { ...RUNS, numRuns: 25 },
    )
  })

  it('the assignment fast path equals HiGHS when no team rule applies', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 8 }).map(withoutTeamRules), async (scenario) => {
        const fast = await solve(scenario)
        const exact = await solve(scenario, { backend: 'highs' })
        expect(fast._tag).toBe(exact._tag)
        if (fast._tag === 'Right' && exact._tag === 'Right') {
          expect(fast.right.backend).toBe('lap')
          expect(Math.abs(fast.right.objective - exact.right.objective)).toBeLessThan(1e-6)
        }
      }),
      RUNS,
    )
  })

  it('is deterministic: the same scenario gives byte-identical proposals', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario(), async (scenario) => {
        const a = await solve(scenario)
        const b = await solve(structuredClone(scenario))
        expect(JSON.stringify(b)).toBe(JSON.stringify(a))
      }),
      RUNS,
    )
  })
})
