/**
 * A HiGHS solve given a feasible start and stopped — by its time limit or an
 * abort — answers at least that start, on both methods: HiGHS takes a start
 * only once its MIP search begins, and a run stopped before has no incumbent
 * of its own. A start that is no solution of the model is never answered.
 */
import { describe, expect, it } from 'vitest'
import { editMilp, formulate } from '../../src/model/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { checkedStart } from '../../src/solvers/highs-run.js'
import { highsSolver } from '../../src/solvers/highs.js'

const sparse = (values: Float64Array) => {
  const indices = Int32Array.from(values.keys()).filter((j) => values[j] !== 0)
  return { indices, values: Float64Array.from(indices, (j) => values[j]!) }
}

describe('a stopped HiGHS solve with a feasible start', () => {
  const model = formulate(generateScenario({ seed: 1, cadres: 120 }))

  it('answers the start at least, with no bound below it, on both methods', async () => {
    const exact = await highsSolver.solve(model.milp, { method: 'direct' })
    expect(exact.status).toBe('optimal')
    const start = sparse(exact.values!)
    for (const method of ['direct', 'core'] as const) {
      for (const timeLimitMs of [1, 5]) {
        const r = await highsSolver.solve(model.milp, { method, start, timeLimitMs })
        expect(r.values, `${method}, ${timeLimitMs} ms`).not.toBeNull()
        expect(r.objective!).toBeGreaterThanOrEqual(exact.objective! - 1e-6)
        expect(checkedStart(model.milp, sparse(r.values!))).not.toBeNull()
        if (r.status !== 'optimal') expect(r.bound === null || r.bound > r.objective! + 1e-9).toBe(true)
      }
      const ac = new AbortController()
      const p = highsSolver.solve(model.milp, { method, start, signal: ac.signal })
      setTimeout(() => ac.abort(), 0)
      const r = await p
      expect(r.values, `${method}, aborted`).not.toBeNull()
      expect(r.objective!).toBeGreaterThanOrEqual(exact.objective! - 1e-6)
    }
  }, 60_000)

  it('never answers a start the model does not admit', async () => {
    const exact = await highsSolver.solve(model.milp, { method: 'direct' })
    const used = model.pairCol.find((c) => exact.values![c]! > 0.5)!
    const edited = editMilp(model.milp, { colBounds: [[used, 0, 0]] })
    expect(checkedStart(edited, sparse(exact.values!))).toBeNull()
    const r = await highsSolver.solve(edited, {
      method: 'direct',
      start: sparse(exact.values!),
      timeLimitMs: 1,
    })
    if (r.values !== null) {
      expect(r.values[used]).toBe(0)
      expect(checkedStart(edited, sparse(r.values))).not.toBeNull()
    }
  })
})
