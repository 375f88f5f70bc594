import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { solve } from '../../src/proposals/index.js'
import { editMilp, formulate } from '../../src/model/index.js'
import { solveModel } from '../../src/proposals/index.js'
import { smallScenario, withoutTeamRules } from '../arbitraries.js'

const RUNS = { seed: 42, numRuns: 40 }

describe('solve on random small scenarios', () => {
  it('HiGHS and javascript-lp-solver agree on feasibility and on the optimal objective', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario(), async (scenario) => {
        const a = await solve(scenario, { backend: 'highs' })
        const b = await solve(scenario, { backend: 'javascript-lp-solver' })
        expect(a._tag).toBe(b._tag)
        if (a._tag === 'Right' && b._tag === 'Right') {
          expect(a.right.status).toBe('optimal')
          expect(b.right.status).toBe('optimal')
          expect(Math.abs(a.right.objective - b.right.objective)).toBeLessThan(1e-6)
        }
      }),
      { ...RUNS, numRuns: 25 },
    )
  })

  it('the assignment fast path equals HiGHS when no team rule applies', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 8 }).map(withoutTeamRules), async (scenario) => {
        const fast = await solve(scenario)
        const exact = await solve(scenario, { backend: 'highs' })
        expect(fast._tag).toBe(exact._tag)
        if (fast._tag === 'Right' && exact._tag === 'Right') {
          expect(fast.right.backend).toBe('lap')
          expect(Math.abs(fast.right.objective - exact.right.objective)).toBeLessThan(1e-6)
        }
      }),
      RUNS,
    )
  })

  it('the fast path on an edited model equals HiGHS on it, or leaves it to HiGHS', async () => {
    // editMilp is public: a closed pair, a lock, a moved row bound.
    const edit = fc.record({ pair: fc.nat(), kind: fc.constantFrom('close', 'lock', 'row'), row: fc.nat() })
    let fast = 0
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 8 }).map(withoutTeamRules), edit, async (scenario, e) => {
        const model = formulate(scenario)
        if (model.pairCol.length === 0) return
        const j = model.pairCol[e.pair % model.pairCol.length]!
        const r = e.row % model.milp.rowLower.length
        const milp = editMilp(
          model.milp,
          e.kind === 'row'
            ? { rowBounds: [[r, 0, 1]] }
            : { colBounds: [[j, e.kind === 'lock' ? 1 : 0, e.kind === 'lock' ? 1 : 0]] },
        )
        const edited = { ...model, milp }
        const a = await solveModel(edited)
        const b = await solveModel(edited, { backend: 'highs' })
        expect(a._tag).toBe(b._tag)
        if (a._tag === 'Right' && b._tag === 'Right') {
          expect(Math.abs(a.right.objective - b.right.objective)).toBeLessThan(1e-6)
          if (a.right.backend === 'lap') fast++
          // A moved row bound is not an assignment any more: HiGHS answers.
          if (e.kind === 'row') expect(a.right.backend).toBe('highs')
        }
      }),
      RUNS,
    )
    expect(fast).toBeGreaterThan(0)
  })

  it('is deterministic: the same scenario gives byte-identical proposals', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario(), async (scenario) => {
        const a = await solve(scenario)
        const b = await solve(structuredClone(scenario))
        expect(JSON.stringify(b)).toBe(JSON.stringify(a))
      }),
      RUNS,
    )
  })
})
