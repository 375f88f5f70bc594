import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import { editMilp, formulate } from '../../src/model/index.js'
import { rankModel } from '../../src/proposals/rank.js'
import { sampleScenario } from '../../src/sample/index.js'
import { highsSolver } from '../../src/solvers/highs.js'
import type { Solver } from '../../src/solvers/solver.js'

describe('ranking among ties', () => {
  it('takes an exchange that keeps the optimum without a solve, and every proposal stays valid', async () => {
    const scenario = sampleScenario()
    const model = formulate(scenario)
    let solves = 0
    const counting: Solver = {
      name: 'highs',
      solve: (m, o) => {
        solves++
        return highsSolver.solve(m, o)
      },
    }
    const r = await rankModel(model, { k: 10, backend: counting })
    if (r._tag === 'Left') throw new Error(r.left.message)
    expect(r.right).toHaveLength(10)
    // The sample county's optimum has many equal-value exchanges: most ranks need no solve.
    expect(solves).toBeLessThan(10)
    const best = r.right[0]!.proposal.objective
    const keys = new Set<string>()
    for (const { proposal } of r.right) {
      expect(proposal.status).toBe('optimal')
      expect(proposal.objective).toBeLessThanOrEqual(best + 1e-9)
      expect(validateProposal(scenario, proposal)).toEqual([])
      keys.add(proposal.assignments.map((a) => a.cadreId ?? '').join('|'))
    }
    expect(keys.size).toBe(10)
    r.right.forEach((x, i) => {
      if (i > 0) expect(x.proposal.objective).toBeLessThanOrEqual(r.right[i - 1]!.proposal.objective + 1e-9)
    })
    // They are the 10 best: with all 10 cut off, no staffing beats the last of them. (Ten distinct
    // feasible staffings, none outside them better than their least, are ten best ones.)
    const rows = r.right.map(({ proposal }, n) => {
      const cols = proposal.assignments.map((a, i) =>
        a.cadreId === null
          ? model.vacancyCol[i]!
          : model.pairCol[model.eligibility.indexOf(model.ctx.cadreIndex.get(a.cadreId)!, i)]!,
      )
      return {
        name: `test:cut:${n}`,
        cols,
        coefs: cols.map(() => 1),
        lower: -Infinity,
        upper: cols.length - 1,
      }
    })
    const rest = await highsSolver.solve(editMilp(model.milp, { rows }), {})
    expect(rest.status).toBe('optimal')
    expect(rest.objective!).toBeLessThanOrEqual(r.right[9]!.proposal.objective + 1e-6)
  }, 120_000)

  it('still takes the ties, which cost no solve, once the time is up', async () => {
    // Before, a ranking whose first solve used up its time stopped there, one proposal long, while
    // the sample county's optimum has many equal-value exchanges that need no solve.
    const scenario = sampleScenario()
    const model = formulate(scenario)
    let solves = 0
    const limit = 1500
    const slow: Solver = {
      name: 'highs',
      solve: async (m, o) => {
        solves++
        const started = performance.now()
        const r = await highsSolver.solve(m, o)
        // The answer arrives after the ranking's time is up.
        const wait = limit + 100 - (performance.now() - started)
        if (wait > 0) await new Promise((done) => setTimeout(done, wait))
        return r
      },
    }
    const r = await rankModel(model, { k: 5, backend: slow, timeLimitMs: limit })
    if (r._tag === 'Left') throw new Error(r.left.message)
    expect(solves).toBe(1)
    expect(r.right).toHaveLength(5)
    expect(r.right.complete).toBe(true)
    const best = r.right[0]!.proposal.objective
    for (const { proposal } of r.right) {
      expect(proposal.status).toBe('optimal')
      expect(proposal.objective).toBeCloseTo(best, 9)
      expect(validateProposal(scenario, proposal)).toEqual([])
    }
  }, 120_000)
})
