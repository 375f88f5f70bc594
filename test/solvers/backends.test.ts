import { describe, expect, it } from 'vitest'
import { MilpBuilder } from '../../src/model/milp.js'
import type { Milp } from '../../src/model/milp.js'
import { highsSolver } from '../../src/solvers/highs.js'
import { jsLpSolver } from '../../src/solvers/jslp.js'
import type { ProgressEvent } from '../../src/solvers/solver.js'

/** Seeded LCG so the instance is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

/**
 * A generalized assignment instance (jobs to capacitated agents, maximise),
 * hard enough that branch and bound takes far longer than the limits below.
 */
function gap(agents: number, jobs: number, seed: number): Milp {
  const r = rng(seed)
  const b = new MilpBuilder()
  const x: number[][] = []
  for (let i = 0; i < agents; i++) {
    x.push([])
    for (let j = 0; j < jobs; j++)
      x[i]!.push(b.addColumn(`x:${i}:${j}`, 10 + Math.floor(r() * 40), 0, 1, true))
  }
  for (let j = 0; j < jobs; j++)
    b.addRow(
      `job:${j}`,
      x.map((row) => row[j]!),
      x.map(() => 1),
      1,
      1,
    )
  for (let i = 0; i < agents; i++) {
    const w = x[i]!.map(() => 5 + Math.floor(r() * 20))
    const cap = Math.floor((w.reduce((s, v) => s + v, 0) / agents) * 0.8)
    b.addRow(`agent:${i}`, x[i]!, w, -Infinity, cap)
  }
  return b.build()
}

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
    if (r.values !== null) expect(r.bound!).toBeGreaterThanOrEqual(r.objective! - 1e-6)
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
    const r = await jsLpSolver.solve(gap(30, 300, 11), { timeLimitMs: 500 })
    expect(Date.now() - started).toBeLessThan(3_000)
    expect(r.status).toBe('time-limit')
  })

  it('javascript-lp-solver is terminated on abort', async () => {
    const c = new AbortController()
    setTimeout(() => c.abort(), 200)
    const started = Date.now()
    const r = await jsLpSolver.solve(gap(30, 300, 11), { timeLimitMs: 60_000, signal: c.signal })
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
