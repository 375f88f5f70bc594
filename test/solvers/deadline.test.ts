/**
 * The time limit holds even where HiGHS checks no interrupt for long
 * (completing a MIP start, a large root LP): the worker is made to block after
 * sending its first incumbent, as HiGHS does in such a phase, and the solve
 * must still answer soon after its limit — with that incumbent, feasible, its
 * bound (if any) above the optimum — and the next solve must work as before.
 * An abort it cannot see is answered the same way, after the abort's grace.
 */
import { afterEach, describe, expect, it } from 'vitest'
import { formulate } from '../../src/model/index.js'
import { solveModel, validateProposal } from '../../src/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { workerSettings } from '../../src/solvers/highs-worker.js'

afterEach(() => {
  workerSettings.stallMs = 0
})

describe('the HiGHS worker past its time limit', () => {
  for (const method of ['core', 'direct'] as const)
    it(`answers with its last incumbent soon after the limit (${method})`, async () => {
      const scenario = generateScenario({ seed: 11, cadres: 160 })
      const model = formulate(scenario)
      const exact = await solveModel(model, { method })
      expect(exact._tag).toBe('Right')
      if (exact._tag !== 'Right') return

      workerSettings.stallMs = 20_000
      const started = performance.now()
      const stopped = await solveModel(model, { method, timeLimitMs: 500 })
      const seconds = (performance.now() - started) / 1000
      workerSettings.stallMs = 0
      // 0.5 s of limit and 1 s of grace, then the answer (without the deadline: 20 s of stall).
      expect(seconds).toBeLessThan(5)
      expect(stopped._tag).toBe('Right')
      if (stopped._tag !== 'Right') return
      const p = stopped.right
      expect(p.status).toBe('time-limit')
      expect(validateProposal(scenario, p)).toEqual([])
      expect(p.objective).toBeLessThanOrEqual(exact.right.objective + 1e-6)
      if (p.bound !== null) expect(p.bound).toBeGreaterThanOrEqual(exact.right.objective - 1e-6)

      // The worker it stopped is gone; the next solve gets another.
      const again = await solveModel(model, { method })
      expect(again._tag).toBe('Right')
      if (again._tag === 'Right') expect(again.right.objective).toBeCloseTo(exact.right.objective, 6)
    }, 60_000)

  it('answers an abort HiGHS does not see with its last incumbent', async () => {
    const scenario = generateScenario({ seed: 11, cadres: 160 })
    const model = formulate(scenario)
    workerSettings.stallMs = 20_000
    const ac = new AbortController()
    const started = performance.now()
    // Aborted at the first incumbent, while the worker is blocked after sending it.
    const stopped = await solveModel(model, {
      method: 'direct',
      signal: ac.signal,
      onProgress: (e) => {
        if (e.incumbent !== null) ac.abort()
      },
    })
    const seconds = (performance.now() - started) / 1000
    workerSettings.stallMs = 0
    // 3 s of grace after the abort (without it: 20 s of stall, then no proposal).
    expect(seconds).toBeLessThan(8)
    expect(stopped._tag).toBe('Right')
    if (stopped._tag !== 'Right') return
    expect(stopped.right.status).toBe('interrupted')
    expect(validateProposal(scenario, stopped.right)).toEqual([])
  }, 60_000)
})
