/**
 * `generalizedAssignment` against brute force: on tiny random instances
 * (up to 3 agents × 5 jobs, 243 assignments) it finds the best feasible
 * objective in both senses, or says infeasible exactly when none fits.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generalizedAssignment } from '../../src/solvers/gap.js'
import type { GapInput } from '../../src/solvers/gap.js'

function bruteForce(input: GapInput): number | null {
  const agents = input.capacity.length
  const jobs = input.cost[0]!.length
  let best: number | null = null
  const pick = new Array<number>(jobs).fill(0)
  for (let code = 0; code < agents ** jobs; code++) {
    let c = code
    for (let j = 0; j < jobs; j++) {
      pick[j] = c % agents
      c = Math.floor(c / agents)
    }
    const load = new Array<number>(agents).fill(0)
    let total = 0
    pick.forEach((i, j) => {
      load[i]! += input.weight[i]![j]!
      total += input.cost[i]![j]!
    })
    if (load.some((l, i) => l > input.capacity[i]!)) continue
    if (best === null || (input.sense === 'max' ? total > best : total < best)) best = total
  }
  return best
}

const arbGap: fc.Arbitrary<GapInput> = fc
  .record({ agents: fc.integer({ min: 1, max: 3 }), jobs: fc.integer({ min: 1, max: 5 }) })
  .chain(({ agents, jobs }) =>
    fc.record({
      cost: fc.array(fc.array(fc.integer({ min: -10, max: 30 }), { minLength: jobs, maxLength: jobs }), {
        minLength: agents,
        maxLength: agents,
      }),
      weight: fc.array(fc.array(fc.integer({ min: 1, max: 9 }), { minLength: jobs, maxLength: jobs }), {
        minLength: agents,
        maxLength: agents,
      }),
      capacity: fc.array(fc.integer({ min: 0, max: 20 }), { minLength: agents, maxLength: agents }),
      sense: fc.constantFrom('min' as const, 'max' as const),
    }),
  )

describe('generalizedAssignment is exact', () => {
  it('equals brute force, or is infeasible exactly when no assignment fits', async () => {
    await fc.assert(
      fc.asyncProperty(arbGap, async (input) => {
        const expected = bruteForce(input)
        const r = await generalizedAssignment(input)
        if (expected === null) {
          expect(r._tag === 'Left' && r.left._tag).toBe('Infeasible')
          return
        }
        if (r._tag === 'Left') throw new Error(r.left.message)
        expect(r.right.status).toBe('optimal')
        expect(r.right.objective).toBe(expected)
      }),
      { seed: 6, numRuns: 40 },
    )
  })
})
