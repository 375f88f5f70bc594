/**
 * `generalizedAssignment` against brute force: on tiny random instances
 * (up to 3 agents × 5 jobs, 243 assignments) it finds the best feasible
 * objective in both senses, or says infeasible exactly when none fits.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { generalizedAssignment } from '../../src/solvers/gap.js'
import type { GapInput } from '../../src/solvers/gap.js'
import { units } from './exact-sum.js'

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

/** Whether every load, summed without rounding, is within its capacity lowered by `slack` (a fraction of the agent's largest |entry|). */
function fits(input: GapInput, pick: ArrayLike<number>, slack = 0): boolean {
  return Array.from(input.capacity, (cap, i) => {
    const w = Array.from(input.weight[i]!)
    const largest = Math.max(Math.abs(cap), ...w.map(Math.abs))
    let load = -units(cap - slack * largest)
    for (let j = 0; j < pick.length; j++) if (pick[j] === i) load += units(w[j]!)
    return load <= 0n
  }).every(Boolean)
}

/** The best objective over the assignments that fit (see {@link fits}), or null. */
function bestFitting(input: GapInput, slack: number): number | null {
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
    if (!fits(input, pick, slack)) continue
    let total = 0
    pick.forEach((i, j) => (total += input.cost[i]![j]!))
    if (best === null || (input.sense === 'max' ? total > best : total < best)) best = total
  }
  return best
}

// Decimal weights (0.1 … 0.9, not exact in binary) and capacities that are the rounded sum of some
// of the agent's weights: loads land within an ulp of their capacity, on either side, where a
// solver's tolerance (HiGHS: 1e-6) cannot tell.
const arbTight: fc.Arbitrary<GapInput> = fc
  .record({ agents: fc.integer({ min: 1, max: 3 }), jobs: fc.integer({ min: 1, max: 5 }) })
  .chain(({ agents, jobs }) =>
    fc.record({
      cost: fc.array(fc.array(fc.integer({ min: -10, max: 30 }), { minLength: jobs, maxLength: jobs }), {
        minLength: agents,
        maxLength: agents,
      }),
      weight: fc.array(
        fc.array(
          fc.integer({ min: 1, max: 9 }).map((k) => k / 10),
          { minLength: jobs, maxLength: jobs },
        ),
        { minLength: agents, maxLength: agents },
      ),
      subsets: fc.array(fc.array(fc.boolean(), { minLength: jobs, maxLength: jobs }), {
        minLength: agents,
        maxLength: agents,
      }),
      sense: fc.constantFrom('min' as const, 'max' as const),
    }),
  )
  .map(({ cost, weight, subsets, sense }) => ({
    cost,
    weight,
    capacity: subsets.map((s, i) => s.reduce((sum, on, j) => (on ? sum + weight[i]![j]! : sum), 0)),
    sense,
  }))

describe('generalizedAssignment on loads within an ulp of their capacity', () => {
  it('never overloads an agent (exactly), and is optimal but for loads within 1.6e-8 of a capacity', async () => {
    await fc.assert(
      fc.asyncProperty(arbTight, async (input) => {
        // The best over exact fits, and over fits with every capacity lowered by 1.6e-8 of the agent's
        // largest entry: what a re-solve with a tightened row (see generalizedAssignment) may miss.
        const exact = bestFitting(input, 0)
        const lowered = bestFitting(input, 1.6e-8)
        const r = await generalizedAssignment(input)
        if (r._tag === 'Left') {
          expect(r.left._tag).toBe('Infeasible')
          expect(lowered).toBeNull()
          return
        }
        expect(fits(input, r.right.assignment)).toBe(true)
        expect(r.right.status).toBe('optimal')
        const better = (a: number, b: number) => (input.sense === 'max' ? a > b : a < b)
        expect(exact).not.toBeNull()
        expect(better(r.right.objective, exact!)).toBe(false)
        if (lowered !== null) expect(better(lowered, r.right.objective)).toBe(false)
      }),
      { seed: 7, numRuns: 60 },
    )
  })
})
