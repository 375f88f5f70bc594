import { describe, expect, it } from 'vitest'
import type { Proposal } from '../../src/domain/proposal.js'
import { explainProposal, forcePair, type ForcedPair } from '../../src/proposals/explain.js'
import { whyNotChosen } from '../../src/proposals/why-not-chosen.js'
import { solve } from '../../src/proposals/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { highsSolver } from '../../src/solvers/highs.js'
import type { Solver } from '../../src/solvers/solver.js'

/** Rule costs say how sure they are: exact only from a proven re-solve, never clamped. */
describe('explainProposal rule costs and the re-solves behind them', () => {
  const scenario = generateScenario({ seed: 1, cadres: 60 })

  const solved = async (): Promise<Proposal> => {
    const r = await solve(scenario, { backend: 'highs' })
    if (r._tag === 'Left') throw new Error(r.left.message)
    return r.right
  }

  it('labels costs from proven re-solves exact, with their status and upper end equal to the cost', async () => {
    const p = await solved()
    const e = await explainProposal(scenario, p, { backend: 'highs' })
    if (e._tag === 'Left') throw new Error(e.left.message)
    expect(e.right.ruleCosts.length).toBeGreaterThan(0)
    for (const rc of e.right.ruleCosts) {
      expect(rc.method).toBe('exact')
      expect(rc.status).toBe('optimal')
      expect(rc.upper).toBe(rc.cost)
      expect(rc.cost).toBeGreaterThanOrEqual(0)
    }
  }, 60_000)

  it('labels costs from re-solves that stopped bounded, with the stopped bound as their upper end', async () => {
    // A backend whose every solve "stops" with HiGHS's optimum as incumbent and a bound 5 above it.
    const stopping: Solver = {
      name: 'stopping',
      async solve(model, options) {
        const r = await highsSolver.solve(model, options)
        return r.status === 'optimal' ? { ...r, status: 'time-limit', bound: r.objective! + 5 } : r
      },
    }
    const p = await solved()
    const e = await explainProposal(scenario, p, { backend: stopping })
    if (e._tag === 'Left') throw new Error(e.left.message)
    expect(e.right.ruleCosts.length).toBeGreaterThan(0)
    for (const rc of e.right.ruleCosts) {
      expect(rc.method).toBe('bounded')
      expect(rc.status).toBe('time-limit')
      expect(rc.upper).not.toBeNull()
      expect(rc.upper! - rc.cost).toBeGreaterThan(5 - 1e-5)
    }
  }, 60_000)

  it('reports a negative cost as found: a proposal claiming more than the optimum', async () => {
    const p = await solved()
    const claimed: Proposal = { ...p, objective: p.objective + 10 }
    const e = await explainProposal(scenario, claimed, { backend: 'highs' })
    if (e._tag === 'Left') throw new Error(e.left.message)
    expect(e.right.ruleCosts.length).toBeGreaterThan(0)
    // Without the rule the optimum is at least the proposal's true objective: each cost is then
    // at least −10, and the non-binding rules show exactly −10 rather than a silent 0.
    for (const rc of e.right.ruleCosts) expect(rc.cost).toBeGreaterThanOrEqual(-10 - 1e-6)
    expect(e.right.ruleCosts.some((rc) => Math.abs(rc.cost + 10) < 1e-6)).toBe(true)
  }, 60_000)
})

/** The cost of forcing a pair says whether the re-solve behind it was proven. */
describe('forcePair and whyNotChosen after a stopped re-solve', () => {
  const scenario = generateScenario({ seed: 1, cadres: 60 })
  const stopping: Solver = {
    name: 'stopping',
    async solve(model, options) {
      const r = await highsSolver.solve(model, options)
      return r.status === 'optimal' ? { ...r, status: 'time-limit', bound: r.objective! + 5 } : r
    },
  }

  it('marks a cost from a stopped re-solve inexact, with the range its bound proves', async () => {
    const r = await solve(scenario, { backend: 'highs' })
    if (r._tag === 'Left') throw new Error(r.left.message)
    const p = r.right
    // The first open post and an eligible cadre the proposal does not place there.
    const postId = scenario.openPosts[0]!
    const placed = new Set(p.assignments.map((a) => a.cadreId))
    let found: { cadreId: string; exact: ForcedPair } | null = null
    for (const c of scenario.cadres) {
      if (placed.has(c.id)) continue
      const f = await forcePair(scenario, p, c.id, postId, { backend: 'highs' })
      if (f._tag === 'Right' && f.right._tag === 'Cost') {
        found = { cadreId: c.id, exact: f.right }
        break
      }
    }
    expect(found).not.toBeNull()
    const exact = found!.exact
    if (exact._tag !== 'Cost') throw new Error('no cost')
    expect(exact).toMatchObject({ exact: true, lower: exact.cost })
    const stopped = await forcePair(scenario, p, found!.cadreId, postId, { backend: stopping })
    if (stopped._tag === 'Left' || stopped.right._tag !== 'Cost') throw new Error('no cost')
    expect(stopped.right.exact).toBe(false)
    expect(stopped.right.cost).toBeCloseTo(exact.cost, 6)
    expect(stopped.right.lower).toBeCloseTo(Math.max(0, exact.cost - 5), 6)
    const why = await whyNotChosen(scenario, p, found!.cadreId, postId, { backend: stopping })
    if (why._tag === 'Left') throw new Error(why.left.message)
    expect(why.right.forced).toMatchObject({ _tag: 'Cost', exact: false })
  }, 60_000)

  it('answers an aborted explanation Aborted, as every solve does', async () => {
    const r = await solve(scenario, { backend: 'highs' })
    if (r._tag === 'Left') throw new Error(r.left.message)
    const abort = new AbortController()
    abort.abort()
    const e = await explainProposal(scenario, r.right, { signal: abort.signal })
    expect(e._tag === 'Left' && e.left._tag).toBe('Aborted')
  }, 60_000)
})

describe('the teams a rule binds in', () => {
  it('counts a soft rule met exactly where it binds, as a hard one', async () => {
    // Before, only hard rows' tightness counted: the age bands (3.9) and specialty coverage (13.0)
    // of this county were said to bind in 0 teams beside their costs.
    const scenario = generateScenario({ seed: 7, cadres: 120, recordYears: 3 })
    const p = await solve(scenario)
    if (p._tag === 'Left') throw new Error(p.left.message)
    const e = await explainProposal(scenario, p.right, { costs: 'exact' })
    if (e._tag === 'Left') throw new Error(e.left.message)
    const of = (code: string) => e.right.ruleCosts.find((c) => c.code === code)!
    for (const code of ['structure.age-bands', 'structure.specialty-coverage']) {
      expect(of(code).cost).toBeGreaterThan(0)
      expect(of(code).teamIds.length).toBeGreaterThan(0)
    }
    const teams = new Set(scenario.teams.map((t) => t.id))
    for (const c of e.right.ruleCosts) for (const t of c.teamIds) expect(teams.has(t)).toBe(true)
  }, 60_000)
})
