import { describe, expect, it } from 'vitest'
import { generalizedAssignment, gapModel } from '../../src/solvers/gap.js'
import type { GapInput } from '../../src/solvers/gap.js'
import { jsLpSolver } from '../../src/solvers/jslp.js'
import { loadGap } from '../fixtures/orlib/gap.js'
import type { NamedGap } from '../fixtures/orlib/gap.js'
import { units } from './exact-sum.js'

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

/** Whether every agent's load, summed without rounding (as bigints of 2^−1074), is within its capacity. */
function fitsExactly(input: GapInput, assignment: Int32Array): boolean {
  const load = Array.from(input.capacity, (c) => -units(c))
  assignment.forEach((i, j) => (load[i]! += units(input.weight[i]![j]!)))
  return load.every((l) => l <= 0n)
}

describe('generalizedAssignment keeps every capacity exactly', () => {
  // Job 1 on agent 0 would load it 0.5 + (0.5 + eps) > 1: the only feasible answer pays 1 (HiGHS alone took 0 up to eps 5e-7).
  it.each([1e-9, 1e-8, 1e-7, 5e-7])('weights 0.5 and 0.5 + %s on a capacity of 1', async (eps) => {
    const input: GapInput = {
      cost: [
        [0, 0],
        [1, 1],
      ],
      weight: [
        [0.5, 0.5 + eps],
        [1, 1],
      ],
      capacity: [1, 2],
      sense: 'min',
    }
    for (const backend of [undefined, jsLpSolver]) {
      const r = await generalizedAssignment(input, backend === undefined ? {} : { backend })
      if (r._tag === 'Left') throw new Error(r.left.message)
      expect(fitsExactly(input, r.right.assignment)).toBe(true)
      expect([r.right.status, r.right.objective]).toEqual(['optimal', 1])
    }
  })

  it('weights of 1e-12: one job fits agent 0, not two (both backends overloaded it 100 %)', async () => {
    const input: GapInput = {
      cost: [
        [5, 5],
        [1, 1],
      ],
      weight: [
        [2e-12, 2e-12],
        [1, 1],
      ],
      capacity: [2e-12, 2],
      sense: 'max',
    }
    for (const backend of [undefined, jsLpSolver]) {
      const r = await generalizedAssignment(input, backend === undefined ? {} : { backend })
      if (r._tag === 'Left') throw new Error(r.left.message)
      expect(fitsExactly(input, r.right.assignment)).toBe(true)
      expect([r.right.status, r.right.objective]).toEqual(['optimal', 6])
    }
  })

  it('0.1 + 0.2 exceeds 0.3 (by 2.8e-17, far within any tolerance): the loads are checked exactly and the solve repeated', async () => {
    const input: GapInput = {
      cost: [
        [0, 0],
        [1, 1],
      ],
      weight: [
        [0.1, 0.2],
        [1, 1],
      ],
      capacity: [0.3, 2],
      sense: 'min',
    }
    for (const backend of [undefined, jsLpSolver]) {
      const r = await generalizedAssignment(input, backend === undefined ? {} : { backend })
      if (r._tag === 'Left') throw new Error(r.left.message)
      expect(fitsExactly(input, r.right.assignment)).toBe(true)
      expect([r.right.status, r.right.objective, r.right.bound]).toEqual(['optimal', 1, 1])
    }
    // One agent alone cannot take both: infeasible, not an overloaded 'optimal'.
    const alone = await generalizedAssignment({
      cost: [[0, 0]],
      weight: [[0.1, 0.2]],
      capacity: [0.3],
      sense: 'min',
    })
    expect(alone._tag === 'Left' && alone.left._tag).toBe('Infeasible')
    // A load equal to the capacity fits (0.5 + 0.25 is exactly 0.75).
    const exact = await generalizedAssignment({
      ...input,
      weight: [
        [0.5, 0.25],
        [1, 1],
      ],
      capacity: [0.75, 2],
    })
    expect(exact._tag === 'Right' && [Array.from(exact.right.assignment), exact.right.objective]).toEqual([
      [0, 0],
      0,
    ])
  })
})

describe('generalizedAssignment on weights and capacities of any magnitude', () => {
  const swap = (weight: number[][], capacity: number[], sense: 'min' | 'max'): GapInput => ({
    cost: [
      [1, 2],
      [2, 1],
    ],
    weight,
    capacity,
    sense,
  })

  it.each([
    // A capacity of 1e20 or more read as infinite by HiGHS ("row 2: row upper bound 1e20 is beyond what HiGHS takes").
    [
      'capacity 1e20',
      swap(
        [
          [1, 1],
          [1, 1],
        ],
        [1e20, 1],
        'min',
      ),
      [0, 1],
      2,
    ],
    [
      'capacity 1e300',
      swap(
        [
          [1, 1],
          [1, 1],
        ],
        [1e300, 1],
        'min',
      ),
      [0, 1],
      2,
    ],
    // Weights of 1e15 or more refused by HiGHS ("matrix entry 4: coefficient 1e15 is beyond what HiGHS takes").
    [
      'weights 1e15',
      swap(
        [
          [1e15, 2e15],
          [1, 1],
        ],
        [3e15, 1],
        'max',
      ),
      [1, 0],
      4,
    ],
    [
      'weights 1e300',
      swap(
        [
          [1e300, 2e300],
          [1, 1],
        ],
        [2.5e300, 1],
        'max',
      ),
      [1, 0],
      4,
    ],
    [
      'weights 1.7e308, summing past the largest double',
      swap(
        [
          [1.7e308, 1.7e308],
          [1, 1],
        ],
        [1.7e308, 1],
        'max',
      ),
      [1, 0],
      4,
    ],
    [
      'weights 1e-12',
      swap(
        [
          [1e-12, 2e-12],
          [1, 1],
        ],
        [2.5e-12, 3],
        'max',
      ),
      [1, 0],
      4,
    ],
    [
      'weights 5e-324, the least double',
      swap(
        [
          [5e-324, 5e-324],
          [1, 1],
        ],
        [5e-324, 1],
        'min',
      ),
      [0, 1],
      2,
    ],
  ] as const)('%s', async (_, input, assignment, objective) => {
    const r = await generalizedAssignment(input)
    if (r._tag === 'Left') throw new Error(r.left.message)
    expect([r.right.status, Array.from(r.right.assignment), r.right.objective]).toEqual([
      'optimal',
      assignment,
      objective,
    ])
    expect(fitsExactly(input, r.right.assignment)).toBe(true)
  })

  it('names the capacity no assignment can meet, below the sum of the agent’s negative weights', async () => {
    const r = await generalizedAssignment(
      swap(
        [
          [-1, 2],
          [1, 1],
        ],
        [-1e20, 2],
        'min',
      ),
    )
    expect(r._tag === 'Left' && r.left).toMatchObject({ _tag: 'Infeasible' })
    expect(r._tag === 'Left' && r.left.message).toContain('capacity[0]: -100000000000000000000 is below')
  })
})

describe('generalizedAssignment reports progress in the instance’s sense', () => {
  it('when minimising: incumbents are total costs, never below the optimum; bounds never above it', async () => {
    const { problem } = SMALL[7]!
    const events: { incumbent: number | null; bound: number | null; gap: number | null }[] = []
    const r = await generalizedAssignment(
      { ...problem, sense: 'min' },
      { timeLimitMs: 30_000, onProgress: (e) => events.push(e) },
    )
    if (r._tag === 'Left') throw new Error(r.left.message)
    const optimum = r.right.objective
    const incumbents = events.flatMap((e) => (e.incumbent === null ? [] : [e.incumbent]))
    expect(incumbents.length).toBeGreaterThan(0)
    for (const v of incumbents) expect(v).toBeGreaterThanOrEqual(optimum - 1e-6)
    expect(Math.min(...incumbents)).toBeCloseTo(optimum, 6)
    for (const e of events) {
      if (e.bound !== null) expect(e.bound).toBeLessThanOrEqual(optimum + 1e-6)
      if (e.gap !== null) expect(e.gap).toBeGreaterThanOrEqual(0)
    }
  })
})

describe('generalizedAssignment names a bad entry with its value quoted', () => {
  it.each([
    [
      { cost: [['1']], weight: [[1]], capacity: [1] },
      ['cost', 0, 0],
      'cost[0][0]: expected a finite number, got "1"',
    ],
    [
      { cost: [[1]], weight: [[1]], capacity: ['1'] },
      ['capacity', 0],
      'capacity[0]: expected a finite number, got "1"',
    ],
    [
      { cost: [[1]], weight: [[NaN]], capacity: [1] },
      ['weight', 0, 0],
      'weight[0][0]: expected a finite number, got NaN',
    ],
  ])('%j', async (input, path, message) => {
    const r = await generalizedAssignment({ ...input, sense: 'min' } as unknown as GapInput)
    expect(r._tag === 'Left' && r.left).toMatchObject({ _tag: 'InvalidInstance', path })
    expect(r._tag === 'Left' && r.left.message).toBe(`generalizedAssignment: ${message}`)
  })
})
