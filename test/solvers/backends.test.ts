import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { highsSolver } from '../../src/solvers/highs.js'
import { jsLpSolver } from '../../src/solvers/jslp.js'
import { MilpBuilder } from '../../src/model/milp.js'
import type { Milp } from '../../src/model/milp.js'
import type { ProgressEvent } from '../../src/solvers/solver.js'
import { gapMilp as gap } from './gap-milp.js'

/** max x + 2y, x + y ≤ 1, binaries: y = 1, objective 2. */
function tiny(): Milp {
  const b = new MilpBuilder()
  const x = b.addColumn('x', 1, 0, 1, true)
  const y = b.addColumn('y', 2, 0, 1, true)
  b.addRow('r', [x, y], [1, 1], -Infinity, 1)
  return b.build()
}

describe.each([highsSolver, jsLpSolver])('$name backend', (solver) => {
  it('solves a tiny model to optimality', async () => {
    const r = await solver.solve(tiny(), {})
    expect(r.status).toBe('optimal')
    expect(r.objective).toBeCloseTo(2, 9)
    expect(Array.from(r.values!, (v) => (v > 0.5 ? 1 : 0))).toEqual([0, 1])
  })

  it('reports an infeasible model as a status, not an exception', async () => {
    const b = new MilpBuilder()
    const x = b.addColumn('x', 1, 0, 1, true)
    b.addRow('impossible', [x], [1], 2, Infinity)
    expect((await solver.solve(b.build(), {})).status).toBe('infeasible')
  })

  it('returns at once when the signal is already aborted', async () => {
    const c = new AbortController()
    c.abort()
    expect((await solver.solve(tiny(), { signal: c.signal })).status).toBe('interrupted')
  })
})

describe('limits', () => {
  it('HiGHS honours the time limit and returns its incumbent with a bound', async () => {
    const started = Date.now()
    const r = await highsSolver.solve(gap(20, 200, 7), { timeLimitMs: 300 })
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(r.status).toBe('time-limit')
    // Stopped by the watchdog before HiGHS reported a bound, the bound is unknown (null), never wrong.
    if (r.values !== null && r.bound !== null) expect(r.bound).toBeGreaterThanOrEqual(r.objective! - 1e-6)
  })

  it('HiGHS stops when onProgress aborts the signal', async () => {
    const c = new AbortController()
    const events: ProgressEvent[] = []
    const r = await highsSolver.solve(gap(20, 200, 7), {
      timeLimitMs: 20_000,
      signal: c.signal,
      onProgress: (e) => {
        events.push(e)
        c.abort()
      },
    })
    expect(events.length).toBeGreaterThan(0)
    expect(events[0]!.incumbent).not.toBeNull()
    expect(r.status).toBe('interrupted')
    expect(r.values).not.toBeNull()
  })

  it('HiGHS leaves the event loop free and stops on an abort from a timer', async () => {
    const c = new AbortController()
    let ticks = 0
    const tick = setInterval(() => ticks++, 20)
    setTimeout(() => c.abort(), 300)
    const started = Date.now()
    const r = await highsSolver.solve(gap(25, 250, 5), { timeLimitMs: 60_000, signal: c.signal })
    clearInterval(tick)
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(r.status).toBe('interrupted')
    expect(ticks).toBeGreaterThan(5)
  })

  it('javascript-lp-solver is terminated at the time limit even inside a long solve', async () => {
    const started = Date.now()
    // 4,000 binaries: within the size guard, and far past the limit in branch and bound.
    const r = await jsLpSolver.solve(gap(20, 200, 7), { timeLimitMs: 500 })
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(r.status).toBe('time-limit')
  })

  it('javascript-lp-solver is terminated on abort', async () => {
    const c = new AbortController()
    setTimeout(() => c.abort(), 200)
    const started = Date.now()
    const r = await jsLpSolver.solve(gap(20, 200, 7), { timeLimitMs: 60_000, signal: c.signal })
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(r.status).toBe('interrupted')
  })
})

describe('javascript-lp-solver size guard', () => {
  it('refuses at once a model whose dense tableau cannot be allocated', async () => {
    const b = new MilpBuilder()
    const cols = Array.from({ length: 40_000 }, (_, j) => b.addColumn(`x${j}`, 1, 0, 1, true))
    b.addRow(
      'r',
      cols,
      cols.map(() => 1),
      -Infinity,
      1,
    )
    const started = Date.now()
    const r = await jsLpSolver.solve(b.build(), { timeLimitMs: 60_000 })
    expect(Date.now() - started).toBeLessThan(2_000)
    expect(r.status).toBe('error')
    expect(r.message).toMatch(/too large for javascript-lp-solver/)
  })
})

/** A model of one row (or none) over literal columns [name, cost, lower, upper, integer]. */
function model(
  cols: readonly (readonly [string, number, number, number, boolean])[],
  rows: readonly (readonly [number[], number[], number, number])[] = [],
): Milp {
  const b = new MilpBuilder()
  for (const [name, cost, lo, hi, int] of cols) b.addColumn(name, cost, lo, hi, int)
  rows.forEach(([idx, val, lo, hi], i) => b.addRow(`r${i}`, idx, val, lo, hi))
  return b.build()
}

describe('javascript-lp-solver on columns below zero (its variables are all ≥ 0)', () => {
  it.each([
    ['max −x, x ∈ [−3.5, 10]', model([['x', -1, -3.5, 10, false]]), 3.5, [-3.5]],
    [
      'max −x, x free, x + z = 2, z ∈ [0, 4]',
      model(
        [
          ['x', -1, -Infinity, Infinity, false],
          ['z', 0, 0, 4, false],
        ],
        [[[0, 1], [1, 1], 2, 2]],
      ),
      2,
      [-2, 4],
    ],
    ['max −y, y integer ∈ [−5, −1]', model([['y', -1, -5, -1, true]]), 5, [-5]],
    ['max x, x fixed at −1.5', model([['x', 1, -1.5, -1.5, false]]), -1.5, [-1.5]],
    ['max x, x ≤ −2.5 only', model([['x', 1, -Infinity, -2.5, false]]), -2.5, [-2.5]],
    ['max −y, y integer ∈ [−4.5, 3]', model([['y', -1, -4.5, 3, true]]), 4, [-4]],
  ])('%s: optimal, as HiGHS', async (_, m, objective, values) => {
    const [js, hs] = await Promise.all([jsLpSolver.solve(m, {}), highsSolver.solve(m, {})])
    expect(hs.status).toBe('optimal')
    expect(hs.objective).toBeCloseTo(objective, 9)
    expect(js.status).toBe('optimal')
    expect(js.objective).toBeCloseTo(objective, 9)
    expect(Array.from(js.values!)).toEqual(values.map((v) => expect.closeTo(v, 9) as unknown))
  })

  it('refuses a free integer column, whose split need not end branch and bound', async () => {
    const m = model([['y', -1, -Infinity, Infinity, true]], [[[0], [1], -7.5, Infinity]])
    const r = await jsLpSolver.solve(m, {})
    expect(r.status).toBe('error')
    expect(r.message).toMatch(/free integer column 0 \(y\).*HiGHS/)
  })

  it('finds an integer column with no integer in its bounds infeasible, as HiGHS', async () => {
    const m = model([['y', 1, -2.5, -2.2, true]])
    expect((await jsLpSolver.solve(m, {})).status).toBe('infeasible')
    expect((await highsSolver.solve(m, {})).status).toBe('infeasible')
  })

  it('agrees with HiGHS on random models with negative, mirrored, split and fixed columns', async () => {
    const arb = fc.record({
      cols: fc.array(
        fc.record({
          kind: fc.constantFrom('shifted', 'below', 'free', 'fixed', 'binary'),
          lo: fc.integer({ min: -12, max: 4 }),
          width: fc.integer({ min: 0, max: 9 }),
          half: fc.boolean(),
          cost: fc.integer({ min: -6, max: 6 }),
          int: fc.boolean(),
        }),
        { minLength: 1, maxLength: 5 },
      ),
      rows: fc.array(
        fc.record({
          coefs: fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 5, maxLength: 5 }),
          lo: fc.integer({ min: -15, max: 5 }),
          width: fc.integer({ min: 0, max: 12 }),
        }),
        { maxLength: 3 },
      ),
    })
    await fc.assert(
      fc.asyncProperty(arb, async ({ cols, rows }) => {
        // Every model stays bounded: a column open above has a cost ≤ 0, open below ≥ 0, free 0.
        const m = model(
          cols.map((c, j) => {
            const lo = c.lo + (c.half ? 0.5 : 0)
            return c.kind === 'shifted'
              ? [`x${j}`, c.cost, lo, lo + c.width, c.int]
              : c.kind === 'below'
                ? [`x${j}`, Math.abs(c.cost), -Infinity, lo, c.int]
                : c.kind === 'free'
                  ? [`x${j}`, 0, -Infinity, Infinity, false]
                  : c.kind === 'fixed'
                    ? [`x${j}`, c.cost, lo, lo, false]
                    : [`x${j}`, c.cost, 0, 1, true]
          }),
          rows.map((r) => [cols.map((_, j) => j), cols.map((_, j) => r.coefs[j]!), r.lo, r.lo + r.width]),
        )
        const [js, hs] = await Promise.all([jsLpSolver.solve(m, {}), highsSolver.solve(m, {})])
        expect(js.status).toBe(hs.status)
        if (hs.status === 'optimal') expect(js.objective).toBeCloseTo(hs.objective!, 6)
      }),
      { seed: 11, numRuns: 40 },
    )
    // Two workers a model: ≈ 10 s on a quiet machine, four times that under load.
  }, 120_000)
})

describe('HiGHS on numbers it would take as infinite', () => {
  it.each([
    ['a cost of 1e21', model([['x', 1e21, 0, 1, true]]), /column 0: cost 1e\+21 .*\|value\| < 1e20/],
    ['a cost of -1e20', model([['x', -1e20, 0, 1, true]]), /column 0: cost -100000000000000000000 /],
    ['an upper bound of 1e20', model([['x', 1, 0, 1e20, false]]), /column 0: upper bound .*1e20/],
    [
      'a row bound of -1e25',
      model([['x', 1, 0, 1, false]], [[[0], [1], -1e25, 1]]),
      /row 0: row lower bound -1e\+25 /,
    ],
    [
      'a coefficient of 1e15',
      model([['x', 1, 0, 1, false]], [[[0], [1e15], -Infinity, 1]]),
      /matrix entry 0: coefficient .*\|coefficient\| < 1e15/,
    ],
  ])('refuses %s with status error and the limit, never a wrong optimum', async (_, m, message) => {
    // Refused on the direct path and on the priced core's alike.
    for (const method of ['direct', 'core'] as const) {
      const r = await highsSolver.solve(m, { method })
      expect(r.status).toBe('error')
      expect(r.objective).toBeNull()
      expect(r.message).toMatch(message)
    }
  })

  it('takes 9.9e19 and infinite bounds as they are', async () => {
    const r = await highsSolver.solve(
      model(
        [
          ['x', 9.9e19, 0, 1, true],
          ['y', -1, -Infinity, Infinity, false],
        ],
        [[[1], [1], 0, Infinity]],
      ),
      {},
    )
    expect(r.status).toBe('optimal')
    expect(r.objective).toBe(9.9e19)
  })
})
