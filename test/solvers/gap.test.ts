import { describe, expect, it } from 'vitest'
import { generalizedAssignment, gapModel } from '../../src/solvers/gap.js'
import type { GapInput } from '../../src/solvers/gap.js'
import { jsLpSolver } from '../../src/solvers/jslp.js'
import { loadGap } from '../fixtures/orlib/gap.js'
import type { NamedGap } from '../fixtures/orlib/gap.js'

/** Feasibility of an assignment, re-checked from the instance alone. */
function feasible(input: GapInput, assignment: Int32Array): boolean {
  const load = new Float64Array(input.capacity.length)
  for (let j = 0; j < assignment.length; j++) {
    const i = assignment[j]!
    if (i < 0 || i >= load.length) return false
    load[i]! += input.weight[i]![j]!
  }
  return load.every((l, i) => l <= input.capacity[i]!)
}

// The first problem of each file keeps the suite fast; the bench (bench/orlib.bench.ts) runs all 40, both senses.
const SMALL = (['gap1', 'gap2', 'gap3', 'gap4', 'gap5', 'gap6', 'gap7', 'gap8'] as const).map(
  (f) => loadGap(f)[0]!,
)

describe('generalizedAssignment on OR-Library gap1–gap8', () => {
  // Optima: OR-Library gapinfo (max) and fontanf/generalizedassignmentsolver data.csv (min); see test/fixtures/orlib/README.md.
  it.each(SMALL.map((g) => [g.name, g] as [string, NamedGap]))(
    'reproduces the max and min optima of %s',
    async (_, { problem, optimum }) => {
      for (const sense of ['max', 'min'] as const) {
        const input = { ...problem, sense }
        const r = await generalizedAssignment(input, { timeLimitMs: 30_000 })
        if (r._tag === 'Left') throw new Error(r.left.message)
        expect(r.right.status).toBe('optimal')
        expect(r.right.objective).toBe(sense === 'max' ? optimum.optimum : optimum.optimum_min)
        expect(r.right.bound).toBe(r.right.objective)
        expect(feasible(input, r.right.assignment)).toBe(true)
      }
    },
  )
})

describe('generalizedAssignment on gapa/gapb (minimisation)', () => {
  // The smallest of each set, with a limit: 5 agents × 100 jobs. Larger ones are in the bench, recorded there.
  it.each([loadGap('gapa')[0]!, loadGap('gapb')[0]!].map((g) => [g.name, g] as [string, NamedGap]))(
    '%s is solved to the published optimum or stops with an honest bound',
    async (_, { problem, optimum }) => {
      const input = { ...problem, sense: 'min' as const }
      const r = await generalizedAssignment(input, { timeLimitMs: 2_000 })
      if (r._tag === 'Left') throw new Error(r.left.message)
      expect(feasible(input, r.right.assignment)).toBe(true)
      if (r.right.status === 'optimal') expect(r.right.objective).toBe(optimum.optimum)
      else {
        expect(r.right.objective).toBeGreaterThanOrEqual(optimum.optimum)
        expect(r.right.bound!).toBeLessThanOrEqual(optimum.optimum + 1e-6)
      }
    },
  )
})

describe('generalizedAssignment', () => {
  const tiny: GapInput = {
    cost: [
      [5, 6, 4],
      [3, 8, 7],
    ],
    weight: [
      [2, 2, 2],
      [1, 3, 3],
    ],
    capacity: [4, 3],
    sense: 'min',
  }

  it('solves the TSDoc example with either backend', async () => {
    for (const backend of [undefined, jsLpSolver]) {
      const r = await generalizedAssignment(tiny, backend === undefined ? {} : { backend })
      if (r._tag === 'Left') throw new Error(r.left.message)
      expect([Array.from(r.right.assignment), r.right.objective, r.right.gap]).toEqual([[1, 0, 0], 13, 0])
    }
  })

  it('reports infeasibility as a value', async () => {
    const r = await generalizedAssignment({ ...tiny, capacity: [1, 1] })
    expect(r._tag === 'Left' && r.left._tag).toBe('Infeasible')
  })

  it('names the ragged entry of an invalid instance', async () => {
    const r = await generalizedAssignment({
      ...tiny,
      weight: [
        [2, 2, 2],
        [1, 3],
      ],
    })
    expect(r._tag === 'Left' && r.left).toMatchObject({ _tag: 'InvalidInstance', path: ['weight', 1] })
    const nan = await generalizedAssignment({
      ...tiny,
      cost: [
        [5, NaN, 4],
        [3, 8, 7],
      ],
    })
    expect(nan._tag === 'Left' && nan.left).toMatchObject({ _tag: 'InvalidInstance', path: ['cost', 0, 1] })
  })

  it('builds a minimisation as a maximisation of negated costs', () => {
    const m = gapModel(tiny)
    expect(Array.from(m.colCost)).toEqual([-5, -6, -4, -3, -8, -7])
    expect(m.rowNames).toEqual([
      'job:0:assigned',
      'job:1:assigned',
      'job:2:assigned',
      'agent:0:capacity',
      'agent:1:capacity',
    ])
  })
})

describe('generalizedAssignment on costs of any magnitude', () => {
  const swap = (cost: number[][], sense: 'min' | 'max'): GapInput => ({
    cost,
    weight: [
      [1, 1],
      [1, 1],
    ],
    capacity: [1, 1],
    sense,
  })

  it.each([
    // The audit's instance: costs below HiGHS's absolute gap of 1e-7 (HiGHS alone: 0 with [1, 0]).
    [
      'tiny, max',
      [
        [3e-8, 0],
        [0, 5e-8],
      ],
      'max',
      [0, 1],
      8e-8,
    ],
    [
      'tiny, min',
      [
        [5e-8, 9e-8],
        [8e-8, 3e-8],
      ],
      'min',
      [0, 1],
      8e-8,
    ],
    // HiGHS takes a cost of 1e20 or more as infinite (HiGHS alone: objective Infinity).
    [
      '1e20, max',
      [
        [1e20, 0],
        [0, 3e20],
      ],
      'max',
      [0, 1],
      4e20,
    ],
    [
      '1e300, min',
      [
        [5e300, 9e300],
        [8e300, 3e300],
      ],
      'min',
      [0, 1],
      8e300,
    ],
  ] as const)('%s: the true optimum', async (_, cost, sense, assignment, objective) => {
    const r = await generalizedAssignment(
      swap(
        cost.map((row) => [...row]),
        sense,
      ),
    )
    expect(r._tag === 'Right' && r.right.status).toBe('optimal')
    if (r._tag === 'Right') {
      expect(Array.from(r.right.assignment)).toEqual(assignment)
      expect(r.right.objective).toBeCloseTo(objective, 20)
      expect(r.right.objective / objective).toBeCloseTo(1, 12)
      expect(r.right.bound).toBe(r.right.objective)
    }
  })

  it('reports a gap of exactly 0 when optimal', async () => {
    for (const input of [
      { cost: [[-3.1, 0.55, 2.34]], weight: [[5, 3, 4]], capacity: [12], sense: 'min' as const },
      {
        cost: [
          [6, -7, 25, -3],
          [14, 27, 10, 17],
          [1, 7, 17, 13],
        ],
        weight: [
          [5, 5, -1, 0],
          [2, 4, 3, -2],
          [4, -2, 4, 0],
        ],
        capacity: [9, 3, 0],
        sense: 'min' as const,
      },
    ]) {
      const r = await generalizedAssignment(input)
      expect(r._tag === 'Right' && r.right.status).toBe('optimal')
      expect(r._tag === 'Right' && r.right.gap).toBe(0)
    }
  })

  it('reports progress in the instance’s own scale', async () => {
    const seen: number[] = []
    const r = await generalizedAssignment(
      swap(
        [
          [1e6, 0],
          [0, 3e6],
        ],
        'max',
      ),
      { onProgress: (e) => e.incumbent !== null && seen.push(e.incumbent) },
    )
    expect(r._tag === 'Right' && r.right.objective).toBe(4e6)
    // Scaled, the best incumbent would be 0.5 (4e6 × 2^−23).
    if (seen.length > 0) expect(Math.max(...seen)).toBe(4e6)
  })
})
