import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import { solve, solveMany } from '../../src/proposals/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { highsSolver } from '../../src/solvers/highs.js'
import type { Solver } from '../../src/solvers/solver.js'

describe('solveMany', () => {
  const counties = [11, 12, 13, 14, 15].map((seed) =>
    generateScenario({ seed, cadres: 60 + 20 * (seed % 3) }),
  )

  it('returns, in order, what solve returns for each scenario', async () => {
    const seen: number[] = []
    const many = await solveMany(counties, { concurrency: 2, onResult: (i) => seen.push(i) })
    expect(many).toHaveLength(counties.length)
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4])
    for (const [i, scenario] of counties.entries()) {
      const one = await solve(scenario)
      const got = many[i]!
      expect(got._tag).toBe(one._tag)
      if (got._tag === 'Right' && one._tag === 'Right') {
        expect(got.right).toEqual(one.right)
        expect(validateProposal(scenario, got.right)).toEqual([])
      }
    }
  }, 60_000)

  it('runs at most `concurrency` solves at once, and uses both lanes', async () => {
    let inFlight = 0
    let most = 0
    const counting: Solver = {
      name: 'highs',
      async solve(m, o) {
        inFlight++
        most = Math.max(most, inFlight)
        try {
          return await highsSolver.solve(m, o)
        } finally {
          inFlight--
        }
      },
    }
    const r = await solveMany(counties, { concurrency: 2, backend: counting })
    expect(most).toBe(2)
    expect(r.every((x) => x._tag === 'Right')).toBe(true)
    most = 0
    await solveMany(counties.slice(0, 3), { concurrency: 1, backend: counting })
    expect(most).toBe(1)
  }, 60_000)

  it('ends the scenarios not started with Aborted once the signal is aborted', async () => {
    const controller = new AbortController()
    controller.abort()
    const r = await solveMany(counties, { signal: controller.signal })
    expect(r.every((x) => x._tag === 'Left' && x.left._tag === 'Aborted')).toBe(true)
  })

  it('takes an empty batch', async () => {
    expect(await solveMany([])).toEqual([])
  })
})
