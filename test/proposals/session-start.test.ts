/**
 * A session re-solve starts from the session's last solution whenever the
 * edits leave it feasible, whatever method found it: a re-solve stopped early
 * (a time limit of a few milliseconds, an abort) answers at least as well as
 * that solution — here, the session's own proven optimum — rather than with no
 * proposal or a worse one.
 */
import { describe, expect, it } from 'vitest'
import type { Pair } from '../../src/domain/types.js'
import { createSession, sessionInternals } from '../../src/proposals/session.js'
import { generateScenario } from '../../src/sample/index.js'

describe('a session re-solve stopped early', () => {
  const scenario = generateScenario({ seed: 1, cadres: 120 })

  it('answers the last proven optimum, still feasible after the edit, though the first solve kept no warm start', async () => {
    const session = createSession(scenario)
    // The default first solve of a model this size takes the direct method: no priced-core warm start.
    const first = await session.solve()
    if (first._tag === 'Left') throw new Error(first.left.message)
    expect(first.right.status).toBe('optimal')
    const optimum = first.right.objective
    expect(sessionInternals(session).state().warmStart).toBeUndefined()
    // Forbid a pair the optimum leaves unused: the optimum stays feasible, and optimal.
    const m = session.model
    const x = sessionInternals(session).state().values!
    const k = Array.from(m.pairCol.keys()).find((q) => x[m.pairCol[q]!]! < 0.5)!
    const unused: Pair = {
      cadreId: scenario.cadres[m.eligibility.cadre[k]!]!.id,
      postId: scenario.openPosts[m.eligibility.post[k]!]!,
    }
    expect(session.forbid(unused.cadreId, unused.postId)._tag).toBe('Right')
    for (const method of ['direct', 'core'] as const)
      for (const timeLimitMs of [1, 5, 40]) {
        const r = await session.solve({ method, timeLimitMs })
        if (r._tag === 'Left')
          throw new Error(`${method}, ${timeLimitMs} ms: ${r.left._tag} ${r.left.message}`)
        expect(r.right.objective, `${method}, ${timeLimitMs} ms`).toBeCloseTo(optimum, 6)
        expect(r.right.bound === null || r.right.bound >= optimum - 1e-6).toBe(true)
        expect(
          r.right.assignments.some((a) => a.cadreId === unused.cadreId && a.postId === unused.postId),
        ).toBe(false)
      }
    for (const method of ['direct', 'core'] as const) {
      const ac = new AbortController()
      const p = session.solve({ method, signal: ac.signal })
      setTimeout(() => ac.abort(), 0)
      const r = await p
      if (r._tag === 'Left') throw new Error(`${method}, aborted: ${r.left._tag} ${r.left.message}`)
      expect(r.right.objective).toBeCloseTo(optimum, 6)
    }
  }, 60_000)

  it('answers the last solution, still feasible after the edit, to an abort made before the call', async () => {
    const session = createSession(scenario)
    const first = await session.solve()
    if (first._tag === 'Left') throw new Error(first.left.message)
    const optimum = first.right.objective
    // Loosen a quota: the optimum stays feasible.
    const m = session.model
    const rule = m.ruleRows.find((r) => r.hard && m.milp.rowLower[r.row]! > 0)!
    expect(session.setRowBounds(m.milp.rowNames[rule.row]!, 0, Infinity)._tag).toBe('Right')
    const ac = new AbortController()
    ac.abort()
    for (const method of ['direct', 'core'] as const) {
      const r = await session.solve({ method, signal: ac.signal })
      if (r._tag === 'Left') throw new Error(`${method}: ${r.left._tag} ${r.left.message}`)
      expect(r.right.status).toBe('interrupted')
      expect(r.right.objective).toBeCloseTo(optimum, 6)
      expect(r.right.bound).toBeNull()
    }
  })

  it('does not start from a last solution the edit makes infeasible', async () => {
    const session = createSession(scenario)
    const first = await session.solve()
    if (first._tag === 'Left') throw new Error(first.left.message)
    const used = first.right.assignments.find((a) => a.cadreId !== null)!
    session.forbid(used.cadreId!, used.postId)
    const r = await session.solve({ method: 'direct', timeLimitMs: 1 })
    // Stopped without a solution of its own, or with one that keeps the forbid: never the old optimum.
    if (r._tag === 'Right')
      expect(r.right.assignments.some((a) => a.cadreId === used.cadreId && a.postId === used.postId)).toBe(
        false,
      )
    else expect(r.left._tag).toBe('TimeLimit')
  })
})
