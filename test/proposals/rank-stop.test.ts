/**
 * A ranking a stop ends early says so. Fewer than k proposals come back both
 * when fewer exist and when the time limit, an abort or a failure stopped the
 * ranking after its first proposal; only `complete` (with `stopped` and
 * `nextBound`) tells the two apart. Each stop is made deterministic by a
 * backend that wraps HiGHS: it aborts, sleeps past the deadline, or answers a
 * round as a solve the time limit stopped.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { formulate } from '../../src/model/index.js'
import { rankModel, rankProposals } from '../../src/proposals/rank.js'
import { generateScenario } from '../../src/sample/index.js'
import { highsSolver } from '../../src/solvers/highs.js'
import type { Solver, SolverResult } from '../../src/solvers/solver.js'
import { smallScenario } from '../arbitraries.js'
import { allStaffings, teamDifference } from '../oracle.js'

/** HiGHS, with `after(call, result)` given each result (numbered from 1) to answer in its place. */
function wrapped(after: (call: number, r: SolverResult) => SolverResult | Promise<SolverResult>): Solver {
  let calls = 0
  return {
    name: 'highs',
    solve: async (m, o) => after(++calls, await highsSolver.solve(m, o)),
  }
}

const model = formulate(generateScenario({ seed: 1, cadres: 120 }))
const objectives = (r: readonly { proposal: { objective: number } }[]) => r.map((x) => x.proposal.objective)

describe('a stopped ranking', () => {
  it('an abort right after the first solve: one proposal, not complete, stopped by the abort', async () => {
    const full = await rankModel(model, { k: 5 })
    if (full._tag === 'Left') throw new Error(full.left.message)
    expect(full.right).toHaveLength(5)
    expect(full.right).toMatchObject({ complete: true, stopped: null, nextBound: null })

    const ac = new AbortController()
    const aborting = wrapped((call, r) => {
      if (call === 1) ac.abort()
      return r
    })
    const r = await rankModel(model, { k: 5, backend: aborting, signal: ac.signal })
    if (r._tag === 'Left') throw new Error(r.left.message)
    expect(r.right).toHaveLength(1)
    expect(r.right[0]!.proposal.status).toBe('optimal')
    expect(r.right).toMatchObject({ complete: false, stopped: 'aborted' })
    // The bound on the proposals it did not reach holds against the unstopped ranking's second.
    expect(r.right.nextBound).not.toBeNull()
    expect(r.right.nextBound!).toBeGreaterThanOrEqual(full.right[1]!.proposal.objective - 1e-6)
  })

  it('the deadline passing between two rounds: fewer than k, not complete, stopped by the time limit', async () => {
    const timeLimitMs = 300
    // The first solve, given all the time it needs, ends past the whole ranking's deadline.
    const slow: Solver = {
      name: 'highs',
      solve: async (m, o) => {
        const started = performance.now()
        const r = await highsSolver.solve(m, { ...o, timeLimitMs: 60_000 })
        const late = timeLimitMs + 50 - (performance.now() - started)
        if (late > 0) await new Promise((resolve) => setTimeout(resolve, late))
        return r
      },
    }
    const r = await rankModel(model, { k: 5, backend: slow, timeLimitMs })
    if (r._tag === 'Left') throw new Error(r.left.message)
    // Past the deadline only the ties of the first proposal are taken (they need no solve): the
    // rest of the ranking, which would, is not reached.
    expect(r.right.length).toBeGreaterThanOrEqual(1)
    expect(r.right.length).toBeLessThan(5)
    for (const x of r.right) expect(x.proposal.objective).toBeCloseTo(r.right[0]!.proposal.objective, 9)
    expect(r.right).toMatchObject({ complete: false, stopped: 'time-limit' })
    expect(r.right.nextBound).toBeCloseTo(r.right[0]!.proposal.bound!, 9)
  })

  // Diverse by 3 posts: no exchange of two occupants reaches the next proposal, so every round solves.
  const diverse = { k: 4, mode: 'diverse', minDifference: 3 } as const

  it("a later round's solve stopped without a proposal: its bound is kept, and the ranking is not complete", async () => {
    const full = await rankModel(model, diverse)
    if (full._tag === 'Left') throw new Error(full.left.message)
    expect(full.right).toHaveLength(4)
    expect(full.right.complete).toBe(true)

    let second: number | null = null
    const noIncumbent = wrapped((call, r) => {
      if (call !== 2) return r
      second = r.bound
      return { status: 'time-limit', values: null, objective: null, bound: r.bound, timeMs: r.timeMs }
    })
    const r = await rankModel(model, { ...diverse, backend: noIncumbent })
    if (r._tag === 'Left') throw new Error(r.left.message)
    expect(objectives(r.right)).toEqual(objectives(full.right).slice(0, 1))
    expect(r.right).toMatchObject({ complete: false, stopped: 'time-limit' })
    expect(second).not.toBeNull()
    expect(r.right.nextBound).toBe(Math.min(second!, r.right[0]!.proposal.bound!))
    expect(r.right.nextBound!).toBeGreaterThanOrEqual(full.right[1]!.proposal.objective - 1e-6)
  })

  it('a later round that stopped with an unproven proposal: k proposals, the last unproven, not complete', async () => {
    const stopped = wrapped((call, r) =>
      call === 2 ? { ...r, status: 'time-limit', bound: (r.objective ?? 0) + 5 } : r,
    )
    const r = await rankModel(model, { ...diverse, k: 2, backend: stopped })
    if (r._tag === 'Left') throw new Error(r.left.message)
    expect(r.right).toHaveLength(2)
    expect(r.right[1]!.proposal.status).toBe('time-limit')
    expect(r.right).toMatchObject({ complete: false, stopped: 'time-limit' })
    expect(r.right.nextBound).toBe(Math.min(r.right[0]!.proposal.bound!, r.right[1]!.proposal.bound!))
  })

  it('a solver failure in a later round: not complete, stopped by the failure', async () => {
    const failing = wrapped((call, r) =>
      call === 2
        ? { status: 'error', values: null, objective: null, bound: null, timeMs: r.timeMs, message: 'boom' }
        : r,
    )
    const r = await rankModel(model, { ...diverse, backend: failing })
    if (r._tag === 'Left') throw new Error(r.left.message)
    expect(r.right).toHaveLength(1)
    expect(r.right).toMatchObject({ complete: false, stopped: 'solver-failure' })
  })

  it('fewer than k because fewer exist is complete (small scenarios, against brute force)', async () => {
    let fewer = 0
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 4, maxOpen: 2 }), async (scenario) => {
        const r = await rankProposals(scenario, { k: 6 })
        if (r._tag === 'Left') return
        expect(r.right.length).toBe(Math.min(6, allStaffings(scenario).length))
        if (r.right.length < 6) fewer++
        expect(r.right).toMatchObject({ complete: true, stopped: null, nextBound: null })
      }),
      { seed: 61, numRuns: 40 },
    )
    expect(fewer).toBeGreaterThan(0)
  })
})

describe('minDifference and the mode', () => {
  it("is refused in exact mode (named), with differ 'teams' or 'posts', by both entry points", async () => {
    const scenario = generateScenario({ seed: 2, cadres: 60 })
    for (const options of [
      { k: 3, differ: 'teams', minDifference: 2 },
      { k: 3, mode: 'exact', differ: 'teams', minDifference: 2 },
      { k: 3, minDifference: 3 },
    ] as const) {
      for (const r of [
        await rankProposals(scenario, options),
        await rankModel(formulate(scenario), options),
      ]) {
        expect(r._tag).toBe('Left')
        if (r._tag !== 'Left' || r.left._tag !== 'InvalidOptions') throw new Error('expected InvalidOptions')
        expect(r.left.issues.map((i) => i.path)).toEqual([['options', 'minDifference']])
        expect(r.left.message).toMatch(/^options\.minDifference: expected 1 or nothing in mode 'exact'/)
      }
    }
    // 1 is what exact means: accepted.
    expect((await rankProposals(scenario, { k: 2, minDifference: 1 }))._tag).toBe('Right')
  })

  it('is honoured in diverse mode by teams: proposals differ pairwise in ≥ minDifference team places', async () => {
    let pairs = 0
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 6, maxOpen: 3 }), async (scenario) => {
        const r = await rankProposals(scenario, { k: 3, mode: 'diverse', differ: 'teams', minDifference: 2 })
        if (r._tag === 'Left') return
        const chosen = r.right.map((x) => x.proposal.assignments.map((a) => a.cadreId))
        for (let a = 0; a < chosen.length; a++)
          for (let b = 0; b < a; b++) {
            pairs++
            expect(teamDifference(scenario, chosen[a]!, chosen[b]!)).toBeGreaterThanOrEqual(2)
          }
      }),
      { seed: 4000, numRuns: 60 },
    )
    expect(pairs).toBeGreaterThan(0)
  })
})
