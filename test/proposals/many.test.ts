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

  it('answers SolverFailure in the place of a scenario whose onResult throws, and solves the others', async () => {
    const seen: number[] = []
    const many = await solveMany(counties, {
      onResult: (i) => {
        seen.push(i)
        if (i === 0) throw new Error('callback bug')
      },
    })
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4])
    expect(many[0]).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'SolverFailure',
        backend: 'highs',
        message: 'onResult threw on scenarios[0], given its proposal (optimal): Error: callback bug',
      },
    })
    expect(many.slice(1).every((r) => r._tag === 'Right' && r.right.status === 'optimal')).toBe(true)
    // Nothing left solving once it resolved: no more results come.
    await new Promise((resolve) => setTimeout(resolve, 300))
    expect(seen).toHaveLength(5)
  }, 60_000)

  it('awaits an async onResult, and answers SolverFailure where its promise rejects', async () => {
    const done: number[] = []
    const many = await solveMany(counties.slice(0, 3), {
      onResult: async (i, r) => {
        await new Promise((resolve) => setTimeout(resolve, 50))
        done.push(i)
        if (i === 1) throw new Error(`cannot store ${r._tag}`)
      },
    })
    expect([...done].sort()).toEqual([0, 1, 2])
    expect(many[1]).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'SolverFailure',
        message: 'onResult rejected on scenarios[1], given its proposal (optimal): Error: cannot store Right',
      },
    })
    expect(many[0]!._tag).toBe('Right')
    expect(many[2]!._tag).toBe('Right')
  }, 60_000)

  it('takes an empty batch', async () => {
    expect(await solveMany([])).toEqual([])
  })
})
