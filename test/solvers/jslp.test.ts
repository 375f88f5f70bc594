/**
 * The javascript-lp-solver backend's worker: an abort made while the worker
 * starts is seen (the solve no longer runs to its time limit), models beyond
 * what it solves in seconds are refused before a worker is started, and a
 * worker that outgrows its heap ends the solve with an error.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { MilpBuilder } from '../../src/model/milp.js'
import type { Milp } from '../../src/model/milp.js'
import { formulate } from '../../src/model/index.js'
import { solve } from '../../src/proposals/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { jsLpSettings, jsLpSolver } from '../../src/solvers/jslp.js'
import { gapMilp } from './gap-milp.js'

/**
 * A generalized assignment instance (10 agents, 100 jobs: 1,000 binaries),
 * small enough for the size guard and hard enough that javascript-lp-solver's
 * branch and bound runs far past the limits below.
 */
const hard = (): Milp => gapMilp(10, 100, 3)

afterEach(() => {
  jsLpSettings.maxHeapMb = 512
})

describe('javascript-lp-solver aborted while its worker starts', () => {
  const ways: [string, (abort: () => void) => void][] = [
    ['right after the call', (abort) => abort()],
    ['in a microtask', (abort) => queueMicrotask(abort)],
    ['in setImmediate', (abort) => setImmediate(abort)],
    ['in a zero timer', (abort) => setTimeout(abort, 0)],
  ]
  for (const [when, schedule] of ways)
    it(`answers interrupted, not at its time limit, when aborted ${when}`, async () => {
      const ac = new AbortController()
      const p = jsLpSolver.solve(hard(), { timeLimitMs: 10_000, signal: ac.signal })
      schedule(() => ac.abort())
      expect((await p).status).toBe('interrupted')
    }, 30_000)
})

describe('javascript-lp-solver size guard', () => {
  it('refuses at once a model beyond a small one, naming its tableau and the HiGHS backend', async () => {
    // 8,000 binaries in one row: a tableau of 8,002 × 8,001 cells (each binary's bound is a row).
    const b = new MilpBuilder()
    const cols = Array.from({ length: 8_000 }, (_, j) => b.addColumn(`x${j}`, 1 + (j % 7), 0, 1, true))
    b.addRow(
      'r',
      cols,
      cols.map(() => 1),
      -Infinity,
      3,
    )
    const r = await jsLpSolver.solve(b.build(), { timeLimitMs: 60_000 })
    expect(r.status).toBe('error')
    expect(r.message).toMatch(
      /^model too large for javascript-lp-solver: its dense tableau would hold 6\.4e\+7 cells/,
    )
    expect(r.message).toMatch(/8,002 rows × 8,001 columns/)
    expect(r.message).toMatch(/use the HiGHS backend$/)
  })

  it('refuses a county of 400 cadres with SolverFailure, and takes one of 60', async () => {
    const big = generateScenario({ seed: 1, cadres: 400 })
    const refused = await solve(big, { backend: 'javascript-lp-solver' })
    expect(refused).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'SolverFailure', backend: 'javascript-lp-solver' },
    })
    if (refused._tag === 'Left') expect(refused.left.message).toMatch(/too large .* use the HiGHS backend/)
    const small = await jsLpSolver.solve(formulate(generateScenario({ seed: 1, cadres: 60 })).milp, {})
    expect(small.status).toBe('optimal')
  }, 30_000)
})

describe('javascript-lp-solver worker limits', () => {
  it('ends a worker that outgrows its heap with an error naming the limit; the next solve works', async () => {
    jsLpSettings.maxHeapMb = 2
    const r = await jsLpSolver.solve(hard(), { timeLimitMs: 20_000 })
    expect(r.status).toBe('error')
    expect(r.message).toBe('javascript-lp-solver ran out of its 2 MB heap; use the HiGHS backend')
    jsLpSettings.maxHeapMb = 512
    const b = new MilpBuilder()
    const x = b.addColumn('x', 1, 0, 1, true)
    const y = b.addColumn('y', 2, 0, 1, true)
    b.addRow('r', [x, y], [1, 1], -Infinity, 1)
    expect((await jsLpSolver.solve(b.build(), {})).objective).toBeCloseTo(2, 9)
  }, 30_000)
})
