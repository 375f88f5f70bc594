/**
 * Locks that cannot hold, in a diagnosis: a lock on a pair a hard rule blocks
 * (the model has no column for it) and a pair the scenario locks that a
 * session forbids (its column closed). Each is infeasible on its own — the
 * whole conflict — and the relaxation drops it at a lock's price (1e5), and
 * then whatever the rest needs: finite, never `Infinity`, and exactly 1e5
 * when brute force staffs the scenario without that lock.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Pair, Scenario } from '../../src/domain/types.js'
import { formulate } from '../../src/model/index.js'
import { createSession, diagnose } from '../../src/proposals/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { smallScenario } from '../arbitraries.js'
import { allStaffings } from '../oracle.js'

const LOCK = 1e5

const samePair = (a: Pair) => (b: Pair) => a.cadreId === b.cadreId && a.postId === b.postId

describe('a session forbidding a pair the scenario locks', () => {
  it('is diagnosed infeasible, the lock and the forbid named as solve() names them, with a finite relaxation', async () => {
    let cases = 0
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 6, maxOpen: 3 }), async (scenario) => {
        const lock = scenario.locks[0]
        if (lock === undefined || allStaffings(scenario).length === 0) return
        cases++
        const session = createSession(scenario)
        expect(session.forbid(lock.cadreId, lock.postId)._tag).toBe('Right')
        const message = `the scenario locks cadre ${lock.cadreId} to post ${lock.postId}, and this session forbids the pair`
        const r = await session.solve()
        if (r._tag === 'Right' || r.left._tag !== 'Infeasible') throw new Error('expected Infeasible')
        expect(r.left.conflicts[0]).toMatchObject({ code: 'lock', ...lock, message })
        const d = await session.diagnose()
        if (d._tag === 'Left') throw new Error(d.left.message)
        // Brute force agrees: the lock and the forbid of one pair leave no staffing.
        expect(allStaffings({ ...scenario, forbidden: [...scenario.forbidden, lock] })).toEqual([])
        expect(d.right.feasible).toBe(false)
        const member = { kind: 'lock', cadreId: lock.cadreId, postId: lock.postId, label: message }
        expect(d.right.conflict).toEqual([member])
        // The forbid stands: the relaxation drops the lock, and then what the rest needs.
        expect(d.right.relaxations[0]).toEqual({ member, violation: 1, cost: LOCK })
        const freed =
          allStaffings({
            ...scenario,
            locks: scenario.locks.filter((l) => !samePair(lock)(l)),
            forbidden: [...scenario.forbidden, lock],
          }).length > 0
        expect(Number.isFinite(d.right.relaxationCost)).toBe(true)
        if (freed) expect(d.right.relaxationCost).toBe(LOCK)
        else expect(d.right.relaxationCost).toBeGreaterThan(LOCK)
        // Released, the lock holds again and the scenario is feasible, as it was.
        session.release(lock.cadreId, lock.postId)
        const back = await session.diagnose()
        expect(back._tag === 'Right' && back.right.feasible).toBe(true)
      }),
      { seed: 7, numRuns: 80 },
    )
    expect(cases).toBeGreaterThan(8)
  }, 120_000)

  it('on a generated county: the supply findings stay those of the scenario', async () => {
    const scenario = generateScenario({ seed: 3, cadres: 60 })
    const model = formulate(scenario)
    const col = model.pairCol[0]!
    const [, cadreId, postId] = model.milp.colNames[col]!.split(':') as [string, string, string]
    const locked: Scenario = { ...scenario, locks: [{ cadreId, postId }] }
    const session = createSession(locked)
    const before = await session.diagnose()
    if (before._tag === 'Left') throw new Error(before.left.message)
    expect(before.right.feasible).toBe(true)
    session.forbid(cadreId, postId)
    const d = await session.diagnose()
    if (d._tag === 'Left') throw new Error(d.left.message)
    expect(d.right.feasible).toBe(false)
    expect(d.right.conflict).toMatchObject([{ kind: 'lock', cadreId, postId }])
    expect(d.right.conflict[0]!.label).toContain('this session forbids the pair')
    expect(d.right.relaxations).toMatchObject([{ member: { kind: 'lock', cadreId, postId }, cost: LOCK }])
    expect(d.right.relaxationCost).toBe(LOCK)
    expect(d.right.supply).toEqual(before.right.supply)
  })
})

describe('a scenario lock on a pair a hard rule blocks', () => {
  it('is the whole conflict, and the relaxation drops it at a lock’s price (brute force on small scenarios)', async () => {
    let cases = 0
    let freedCases = 0
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 6, maxOpen: 3 }), async (scenario) => {
        const lock = scenario.locks[0]
        if (lock === undefined || formulate(scenario).lockCols.some(samePair(lock))) return
        cases++
        const d = await diagnose(scenario)
        if (d._tag === 'Left') throw new Error(d.left.message)
        expect(d.right.feasible).toBe(false)
        expect(d.right.conflict).toMatchObject([{ kind: 'lock', cadreId: lock.cadreId, postId: lock.postId }])
        expect(d.right.relaxations[0]).toEqual({ member: d.right.conflict[0], violation: 1, cost: LOCK })
        const freed = allStaffings({ ...scenario, locks: [] }).length > 0
        if (freed) freedCases++
        expect(Number.isFinite(d.right.relaxationCost)).toBe(true)
        if (freed) expect(d.right.relaxationCost).toBe(LOCK)
        else expect(d.right.relaxationCost).toBeGreaterThan(LOCK)
      }),
      { seed: 31, numRuns: 80 },
    )
    expect(cases).toBeGreaterThan(8)
    expect(freedCases).toBeGreaterThan(3)
  }, 120_000)

  it('on a generated county, a lock on a pair the scenario forbids costs the lock alone', async () => {
    const scenario = generateScenario({ seed: 3, cadres: 60 })
    const model = formulate(scenario)
    const [, cadreId, postId] = model.milp.colNames[model.pairCol[0]!]!.split(':') as [string, string, string]
    const pair = { cadreId, postId }
    const d = await diagnose({ ...scenario, locks: [pair], forbidden: [...scenario.forbidden, pair] })
    if (d._tag === 'Left') throw new Error(d.left.message)
    expect(d.right.feasible).toBe(false)
    expect(d.right.conflict).toMatchObject([{ kind: 'lock', cadreId, postId }])
    expect(d.right.relaxations).toEqual([{ member: d.right.conflict[0], violation: 1, cost: LOCK }])
    expect(d.right.relaxationCost).toBe(LOCK)
    // In JSON (the CLI's and the report's), a number, not null.
    expect(JSON.parse(JSON.stringify(d.right)).relaxationCost).toBe(LOCK)
  })
})
