import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import { resolvePolicy } from '../../src/domain/policy.js'
import type { Scenario } from '../../src/domain/types.js'
import { formulate } from '../../src/model/index.js'
import { createSession, diagnose, solve, solveModel } from '../../src/proposals/index.js'
import { PAIR_FLAG } from '../../src/rules/index.js'
import { generateScenario } from '../../src/sample/index.js'
import type { Solver } from '../../src/solvers/solver.js'
import { withoutTeamRules } from '../arbitraries.js'

// A small generated county: 80 cadres, seed 7 (feasible under the default policy).
const county = (): Scenario => generateScenario({ seed: 7, cadres: 80 })

describe('solve on a generated county', () => {
  it('returns a proven optimal proposal that passes the validator', async () => {
    const s = county()
    const r = await solve(s)
    expect(r._tag).toBe('Right')
    if (r._tag !== 'Right') return
    expect(r.right.status).toBe('optimal')
    expect(r.right.gap).toBe(0)
    expect(r.right.assignments.map((a) => a.postId)).toEqual(s.openPosts)
    expect(validateProposal(s, r.right)).toEqual([])
  })

  it('lists the moves it implies: every newcomer and every incumbent who leaves', async () => {
    const s = county()
    const r = await solve(s)
    if (r._tag !== 'Right') throw new Error('expected a proposal')
    for (const a of r.right.assignments) {
      if (a.cadreId !== null && a.cadreId !== a.incumbentId)
        expect(r.right.moves).toContainEqual(
          expect.objectContaining({ cadreId: a.cadreId, toPostId: a.postId }),
        )
      const placed = r.right.assignments.some((b) => b.cadreId === a.incumbentId)
      if (a.incumbentId !== null && !placed)
        expect(r.right.moves).toContainEqual({ cadreId: a.incumbentId, fromPostId: a.postId, toPostId: null })
    }
  })

  it('reports the parts of the objective consistently', async () => {
    const r = await solve(county())
    if (r._tag !== 'Right') throw new Error('expected a proposal')
    const p = r.right
    expect(p.objective).toBeCloseTo(p.parts.fit - p.parts.vacancies - p.parts.penalties, 6)
    expect(p.parts.fit).toBeCloseTo(
      p.assignments.reduce((s, a) => s + a.fit, 0),
      6,
    )
  })
})

describe('impossible policies and locks', () => {
  it('names the team and the rule when a quota can never be met', async () => {
    const s = county()
    const strict = { ...s, policy: resolvePolicy({ structure: { women: { min: 9 } } }) }
    const r = await solve(strict)
    expect(r._tag).toBe('Left')
    if (r._tag !== 'Left' || r.left._tag !== 'Infeasible') throw new Error('expected Infeasible')
    expect(r.left.conflicts.length).toBeGreaterThan(0)
    expect(r.left.conflicts.every((c) => c.code === 'structure.women')).toBe(true)
    expect(r.left.conflicts[0]!.message).toMatch(/^team .+ \(T\d+\): needs ≥ 9 women/)
  })

  it('names a lock on a blocked pair with the rule that blocks it', async () => {
    const s = county()
    const post = s.teams
      .flatMap((t) => t.posts)
      .find((p) => s.openPosts.includes(p.id) && p.rank === 'section-chief')!
    const junior = s.cadres.find((c) => c.currentPost === null && c.rank === 'section-member')!
    const r = await solve({ ...s, locks: [{ cadreId: junior.id, postId: post.id }] })
    if (r._tag !== 'Left' || r.left._tag !== 'Infeasible') throw new Error('expected Infeasible')
    expect(r.left.conflicts).toEqual([
      expect.objectContaining({ code: 'lock', cadreId: junior.id, postId: post.id }),
    ])
    expect(r.left.conflicts[0]!.message).toMatch(/rungs up/)
  })

  it('keeps a lock on an eligible pair', async () => {
    const s = county()
    const model = formulate(s)
    const e = model.eligibility
    const pair = e.pairAt([...e.flags].findIndex((f) => (f & PAIR_FLAG.stay) === 0))
    const lock = { cadreId: s.cadres[pair.cadre]!.id, postId: s.openPosts[pair.post]! }
    const r = await solve({ ...s, locks: [lock] })
    if (r._tag !== 'Right') throw new Error('expected a proposal')
    expect(r.right.assignments.find((a) => a.postId === lock.postId)!.cadreId).toBe(lock.cadreId)
  })
})

describe('limits and failures are values', () => {
  it('an aborted signal gives Aborted before any work', async () => {
    const c = new AbortController()
    c.abort()
    const r = await solve(county(), { signal: c.signal })
    expect(r).toEqual({
      _tag: 'Left',
      left: { _tag: 'Aborted', message: 'aborted before the solve started' },
    })
  })

  it('a backend failure gives SolverFailure naming the backend', async () => {
    const broken: Solver = {
      name: 'broken',
      solve: async () => ({
        status: 'error',
        values: null,
        objective: null,
        bound: null,
        timeMs: 0,
        message: 'boom',
      }),
    }
    const r = await solve(county(), { backend: broken })
    expect(r).toEqual({ _tag: 'Left', left: { _tag: 'SolverFailure', backend: 'broken', message: 'boom' } })
  })

  it('a time limit without a solution gives TimeLimit; with one, a proposal and its gap', async () => {
    const none: Solver = {
      name: 'slow',
      solve: async () => ({ status: 'time-limit', values: null, objective: null, bound: 99, timeMs: 5 }),
    }
    const r1 = await solve(county(), { backend: none, timeLimitMs: 5 })
    expect(r1._tag === 'Left' && r1.left._tag).toBe('TimeLimit')
    const model = formulate(county())
    const values = new Float64Array(model.milp.colNames.length)
    model.vacancyCol.forEach((col) => (values[col] = 1)) // every post vacant: feasible when no quota binds
    const some: Solver = {
      name: 'partial',
      solve: async () => ({ status: 'time-limit', values, objective: null, bound: 0, timeMs: 5 }),
    }
    const r2 = await solveModel(model, { backend: some })
    if (r2._tag !== 'Right') throw new Error('expected a proposal')
    expect(r2.right.status).toBe('time-limit')
    expect(r2.right.gap).toBeGreaterThan(0)
  })
})

describe('a solve stopped before it starts, on a model the assignment fast path could take', () => {
  // No team rule: solveModel and a session take the fast path (backend 'lap') unless stopped.
  const model = formulate(withoutTeamRules(generateScenario({ seed: 3, cadres: 60 })))

  it('answers Aborted to a signal already aborted, as solve does', async () => {
    expect(model.hasTeamRows).toBe(false)
    const fast = await solveModel(model)
    expect(fast._tag === 'Right' && fast.right.backend).toBe('lap')
    const c = new AbortController()
    c.abort()
    expect(await solveModel(model, { signal: c.signal })).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'Aborted' },
    })
    expect(await createSession(model).solve({ signal: c.signal })).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'Aborted' },
    })
  })

  it('answers a zero time limit as the backend does, not with the fast path’s optimum', async () => {
    const r = await solveModel(model, { timeLimitMs: 0 })
    // HiGHS is given its least limit (1 ms): no proposal, or what it found in that time.
    if (r._tag === 'Left') expect(r.left._tag).toBe('TimeLimit')
    else expect(r.right.backend).toBe('highs')
  })
})

describe('what an assignment means', () => {
  it('a cadre moved at the same rank is lateral, whether or not he or she held a post of these teams', async () => {
    const scenario = generateScenario({ seed: 17, cadres: 200 })
    const r = await solve(scenario)
    if (r._tag === 'Left') throw new Error(r.left.message)
    const ladder = ['section-member', 'section-deputy', 'section-chief', 'division-deputy', 'division-chief']
    const cadres = new Map(scenario.cadres.map((c) => [c.id, c]))
    const posts = new Map(scenario.teams.flatMap((t) => t.posts.map((p) => [p.id, p])))
    let outsiders = 0
    for (const a of r.right.assignments) {
      if (a.cadreId === null) {
        expect(a.change).toBe('vacant')
        continue
      }
      const c = cadres.get(a.cadreId)!
      const rungs = ladder.indexOf(posts.get(a.postId)!.rank) - ladder.indexOf(c.rank)
      const want =
        c.currentPost?.postId === a.postId
          ? 'stays'
          : rungs > 0
            ? 'promotion'
            : rungs < 0
              ? 'demotion'
              : 'lateral'
      expect(a.change, `${a.cadreId} → ${a.postId}`).toBe(want)
      if (want === 'lateral' && c.currentPost === null) outsiders++
    }
    expect(outsiders).toBeGreaterThan(0)
  })
})

describe('labels of a diagnosis', () => {
  it('name the rule and show the row’s own number, never a number of their own', async () => {
    for (const min of [4, 5]) {
      const base = generateScenario({ seed: 7, cadres: 80 })
      const policy = resolvePolicy({ structure: { women: { min } } })
      const d = await diagnose({ ...base, policy })
      if (d._tag === 'Left') throw new Error(d.left.message)
      expect(d.right.feasible).toBe(false)
      const women = d.right.conflict.filter((m) => m.kind === 'rule' && m.code === 'structure.women')
      expect(women.length).toBeGreaterThan(0)
      for (const m of women) {
        expect(m.label).toContain(`at least ${min} women / 至少${min}名女干部`)
        expect(m.label).not.toMatch(/\bone\b|一名/)
      }
      // Shortages are said in Chinese too.
      expect(d.right.supply.length).toBeGreaterThan(0)
      for (const f of d.right.supply) expect(f.zh).toMatch(/女干部须至少|共需女干部/)
      // Posts are named by their team and title, the id in brackets.
      for (const m of d.right.conflict.filter((x) => x.kind !== 'rule'))
        expect(m.label).not.toMatch(/post P\d/)
    }
  })
})
