import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import type { Proposal } from '../../src/domain/proposal.js'
import type { Pair, Scenario } from '../../src/domain/types.js'
import { formulate } from '../../src/model/index.js'
import type { StaffingModel } from '../../src/model/index.js'
import { createSession, solveModel } from '../../src/proposals/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { highsSolver } from '../../src/solvers/highs.js'
import { withoutTeamRules } from '../arbitraries.js'

const CORE = { backend: 'highs', method: 'core' } as const

/** The pair of an eligible column (`x:C…:P…`). */
const pairOf = (model: StaffingModel, col: number): Pair => {
  const [, cadreId, postId] = model.milp.colNames[col]!.split(':') as [string, string, string]
  return { cadreId, postId }
}

/** The direct solve of the session's current model: the oracle. */
const direct = async (model: StaffingModel) => solveModel(model, { backend: 'highs', method: 'direct' })

/** The pairs of a proposal (vacancies left out). */
const filled = (p: Proposal): Pair[] =>
  p.assignments.flatMap((a) => (a.cadreId === null ? [] : [{ cadreId: a.cadreId, postId: a.postId }]))

const has = (p: Proposal, pair: Pair) =>
  p.assignments.some((a) => a.cadreId === pair.cadreId && a.postId === pair.postId)

describe('createSession', () => {
  const scenario = generateScenario({ seed: 21, cadres: 200 })

  it('locks a pair: the warm re-solve keeps it, is optimal for the edited model and passes the validator', async () => {
    const session = createSession(scenario)
    const first = await session.solve(CORE)
    if (first._tag === 'Left') throw new Error(first.left.message)
    // The dearest pair of the first open post that the optimum leaves out.
    const { postStart } = session.model.eligibility
    let col = -1
    for (let k = postStart[0]!; k < postStart[1]!; k++) {
      const c = session.model.pairCol[k]!
      if (has(first.right, pairOf(session.model, c))) continue
      if (col < 0 || session.model.milp.colCost[c]! > session.model.milp.colCost[col]!) col = c
    }
    const pair = pairOf(session.model, col)
    const edited = session.lock(pair.cadreId, pair.postId)
    expect(edited._tag).toBe('Right')
    const next = await session.solve(CORE)
    const oracle = await direct(session.model)
    if (next._tag === 'Left' || oracle._tag === 'Left') throw new Error('expected proposals')
    expect(next.right.status).toBe('optimal')
    expect(has(next.right, pair)).toBe(true)
    expect(Math.abs(next.right.objective - oracle.right.objective)).toBeLessThan(1e-6)
    expect(next.right.objective).toBeLessThanOrEqual(first.right.objective + 1e-6)
    expect(validateProposal({ ...scenario, locks: [...scenario.locks, pair] }, next.right)).toEqual([])

    // Released: the first optimum's value again.
    session.release(pair.cadreId, pair.postId)
    const back = await session.solve(CORE)
    if (back._tag === 'Left') throw new Error(back.left.message)
    expect(Math.abs(back.right.objective - first.right.objective)).toBeLessThan(1e-6)
  })

  it('forbids a pair the optimum uses, and raises a quota, each re-solve equal to the direct solve', async () => {
    const session = createSession(formulate(scenario))
    const first = await session.solve(CORE)
    if (first._tag === 'Left') throw new Error(first.left.message)
    const used = filled(first.right)[0]!
    expect(session.forbid(used.cadreId, used.postId)._tag).toBe('Right')
    const a = await session.solve(CORE)
    if (a._tag === 'Left') throw new Error(a.left.message)
    expect(has(a.right, used)).toBe(false)
    const oa = await direct(session.model)
    if (oa._tag === 'Left') throw new Error(oa.left.message)
    expect(Math.abs(a.right.objective - oa.right.objective)).toBeLessThan(1e-6)
    expect(validateProposal({ ...scenario, forbidden: [...scenario.forbidden, used] }, a.right)).toEqual([])

    const quota = session.model.ruleRows.find((r) => r.hard && /women>=1$/.test(r.detail))!
    const name = session.model.milp.rowNames[quota.row]!
    expect(session.setRowBounds(name, 2, Infinity)._tag).toBe('Right')
    const b = await session.solve(CORE)
    const ob = await direct(session.model)
    expect(b._tag).toBe(ob._tag)
    if (b._tag === 'Right' && ob._tag === 'Right') {
      expect(Math.abs(b.right.objective - ob.right.objective)).toBeLessThan(1e-6)
      // A tighter quota: the scenario's own rules still hold.
      expect(validateProposal({ ...scenario, forbidden: [...scenario.forbidden, used] }, b.right)).toEqual([])
    }
  })

  it('refuses edits it cannot make, naming what is wrong, and leaves the model as it was', () => {
    const session = createSession(scenario)
    const before = session.model
    const post = scenario.openPosts[0]!
    const cadre = scenario.cadres[0]!.id
    const tags = [
      session.lock('nobody', post),
      session.forbid(cadre, 'no-such-post'),
      session.setRowBounds('team:T9999:women>=1', 1, 2),
      session.setRowBounds(before.milp.rowNames[before.ruleRows[0]!.row]!, 3, 2),
      session.setRowBounds(before.milp.rowNames[before.ruleRows[0]!.row]!, Number.NaN, 2),
      // A post's own row and a cadre's one-post row are not rules: moved, a cadre held two posts.
      session.setRowBounds(before.milp.rowNames[before.postRow[0]!]!, 2, 2),
      session.setRowBounds(before.milp.rowNames[[...before.cadreRow].find((r) => r >= 0)!]!, 0, 2),
    ].map((r) => (r._tag === 'Left' ? r.left : null))
    expect(tags.map((t) => t?._tag)).toEqual([
      'UnknownCadre',
      'UnknownPost',
      'UnknownRow',
      'InvalidBounds',
      'InvalidBounds',
      'UnknownRow',
      'UnknownRow',
    ])
    expect(tags[5]!.message).toContain('is not a row of a rule')
    expect(tags[6]!.message).toContain('is not a row of a rule')
    expect(tags[0]!.message).toContain('nobody')
    expect(tags[1]!.message).toContain('no-such-post')
    expect(tags[2]!.message).toContain('team:T9999:women>=1')
    expect(session.model).toBe(before)
    // A pair a hard rule blocks cannot be locked.
    const { eligibility } = before
    let blocked: Pair | null = null
    for (let c = 0; c < scenario.cadres.length && blocked === null; c++)
      if (eligibility.indexOf(c, 0) < 0) blocked = { cadreId: scenario.cadres[c]!.id, postId: post }
    const r = session.lock(blocked!.cadreId, blocked!.postId)
    expect(r._tag === 'Left' && r.left._tag).toBe('IneligiblePair')
    expect(session.model).toBe(before)
  })

  it('names a row an edit makes impossible on its own, without a solve', async () => {
    const session = createSession(scenario)
    const quota = session.model.ruleRows.find((r) => r.hard && /women>=1$/.test(r.detail))!
    session.setRowBounds(session.model.milp.rowNames[quota.row]!, 99, Infinity)
    const r = await session.solve(CORE)
    expect(r._tag).toBe('Left')
    if (r._tag === 'Right' || r.left._tag !== 'Infeasible') throw new Error('expected Infeasible')
    expect(r.left.conflicts).toHaveLength(1)
    expect(r.left.conflicts[0]).toMatchObject({
      code: 'structure.women',
      teamId: quota.teamId,
      row: quota.row,
    })
    expect(r.left.message).toContain('needs at least 99')

    // Two locks on one post.
    const two = createSession(scenario)
    const { postStart, cadre } = two.model.eligibility
    const [a, b] = [cadre[postStart[0]!]!, cadre[postStart[0]! + 1]!].map((c) => scenario.cadres[c]!.id)
    two.lock(a!, scenario.openPosts[0]!)
    two.lock(b!, scenario.openPosts[0]!)
    const t = await two.solve(CORE)
    if (t._tag === 'Right' || t.left._tag !== 'Infeasible') throw new Error('expected Infeasible')
    expect(t.left.conflicts.map((c) => c.code)).toContain('lock')
    // In the words of the post, not its row's name.
    const post = scenario.teams
      .flatMap((tm) => tm.posts.map((p) => [tm, p] as const))
      .find(([, p]) => p.id === scenario.openPosts[0])!
    expect(t.left.message).toContain(
      `post ${post[0].name} ${post[1].title} (${post[1].id}) holds one cadre; this session locks 2 to it`,
    )
    expect(t.left.conflicts.find((c) => c.postId === post[1].id)).toMatchObject({
      code: 'lock',
      teamId: post[0].id,
    })
  })

  it('a pair the scenario locks cannot be forbidden: the re-solve names the lock, the release restores it', async () => {
    const base = createSession(scenario)
    const first = await base.solve(CORE)
    if (first._tag === 'Left') throw new Error(first.left.message)
    const pair = filled(first.right)[0]!
    const locked: Scenario = { ...scenario, locks: [pair] }
    const session = createSession(locked)
    expect(session.forbid(pair.cadreId, pair.postId)._tag).toBe('Right')
    const r = await session.solve(CORE)
    if (r._tag === 'Right' || r.left._tag !== 'Infeasible') throw new Error('expected Infeasible')
    expect(r.left.conflicts).toMatchObject([{ code: 'lock', cadreId: pair.cadreId, postId: pair.postId }])
    session.release(pair.cadreId, pair.postId)
    const back = await session.solve(CORE)
    if (back._tag === 'Left') throw new Error(back.left.message)
    expect(has(back.right, pair)).toBe(true)
    expect(validateProposal(locked, back.right)).toEqual([])
  })

  it('keeps its edits when asked for the assignment fast path', async () => {
    // No team rule: the first solve takes the fast path; after a forbid it must not.
    const plain = withoutTeamRules(generateScenario({ seed: 3, cadres: 60 }))
    const session = createSession(plain)
    expect(session.model.hasTeamRows).toBe(false)
    const first = await session.solve()
    if (first._tag === 'Left') throw new Error(first.left.message)
    const used = filled(first.right)[0]!
    session.forbid(used.cadreId, used.postId)
    const next = await session.solve({ fastPath: true })
    if (next._tag === 'Left') throw new Error(next.left.message)
    expect(has(next.right, used)).toBe(false)
    expect(validateProposal({ ...plain, forbidden: [...plain.forbidden, used] }, next.right)).toEqual([])
  })

  it('never throws on arbitrary edits: each is a Right with the edited model or a Left naming the problem', () => {
    const session = createSession(scenario)
    const ids = scenario.cadres.slice(0, 5).map((c) => c.id)
    const posts = scenario.openPosts.slice(0, 5)
    const rows = session.model.milp.rowNames.slice(0, 5)
    fc.assert(
      fc.property(
        fc.constantFrom('lock', 'forbid', 'release', 'rows'),
        fc.oneof(fc.constantFrom(...ids), fc.string()),
        fc.oneof(fc.constantFrom(...posts), fc.string()),
        fc.oneof(fc.constantFrom(...rows), fc.string()),
        fc.double(),
        fc.double(),
        (kind, cadreId, postId, row, lower, upper) => {
          const before = session.model
          const r =
            kind === 'rows'
              ? session.setRowBounds(row, lower, upper)
              : session[kind as 'lock' | 'forbid' | 'release'](cadreId, postId)
          if (r._tag === 'Left') {
            expect(r.left.message.length).toBeGreaterThan(0)
            expect(session.model).toBe(before)
          } else expect(r.right).toBe(session.model)
        },
      ),
      { seed: 31, numRuns: 300 },
    )
  })

  it('diagnoses the model as edited: its locks and bounds are members of the conflict', async () => {
    const session = createSession(scenario)
    const { postStart, cadre } = session.model.eligibility
    const post = scenario.openPosts[0]!
    const [a, b] = [cadre[postStart[0]!]!, cadre[postStart[0]! + 1]!].map((c) => scenario.cadres[c]!.id)
    session.lock(a!, post)
    session.lock(b!, post)
    const d = await session.diagnose()
    if (d._tag === 'Left') throw new Error(d.left.message)
    expect(d.right.feasible).toBe(false)
    expect(d.right.conflict).toHaveLength(2)
    expect(
      d.right.conflict.map((m) => (m.kind === 'lock' ? `${m.cadreId}→${m.postId}` : m.kind)).sort(),
    ).toEqual([`${a}→${post}`, `${b}→${post}`].sort())
    // Released, the session is feasible again.
    session.release(b!, post)
    const ok = await session.diagnose()
    if (ok._tag === 'Left') throw new Error(ok.left.message)
    expect(ok.right.feasible).toBe(true)

    // A quota raised beyond reach is the conflict, with the session's bound.
    const quota = session.model.ruleRows.find((r) => r.hard && /women>=1$/.test(r.detail))!
    session.setRowBounds(session.model.milp.rowNames[quota.row]!, 40, Infinity)
    const q = await session.diagnose()
    if (q._tag === 'Left') throw new Error(q.left.message)
    expect(q.right.feasible).toBe(false)
    expect(q.right.conflict).toEqual([
      expect.objectContaining({ kind: 'rule', code: 'structure.women', teamId: quota.teamId }),
    ])
    expect(q.right.conflict[0]!.label).toContain('now ≥ 40')
  })

  it('is deterministic: the same edits and solves give the same proposals', async () => {
    const run = async () => {
      const session = createSession(scenario)
      const out: string[] = []
      const first = await session.solve(CORE)
      if (first._tag === 'Left') throw new Error(first.left.message)
      out.push(JSON.stringify(first.right.assignments))
      const used = filled(first.right)[1]!
      session.forbid(used.cadreId, used.postId)
      const next = await session.solve(CORE)
      if (next._tag === 'Left') throw new Error(next.left.message)
      out.push(JSON.stringify(next.right.assignments))
      return out
    }
    expect(await run()).toEqual(await run())
  })

  it('equals the direct solve after random locks, forbids and tightened quotas on generated counties', async () => {
    let warm = 0
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 60, max: 160 }),
        fc.array(fc.tuple(fc.constantFrom('lock', 'forbid', 'quota'), fc.nat()), {
          minLength: 1,
          maxLength: 3,
        }),
        async (seed, cadres, edits) => {
          const scenario: Scenario = generateScenario({ seed, cadres })
          const session = createSession(scenario)
          const first = await session.solve(CORE)
          if (first._tag === 'Left') return
          let locks = scenario.locks
          let forbidden = scenario.forbidden
          let last = first.right
          for (const [kind, n] of edits) {
            const m = session.model
            if (kind === 'quota') {
              const rows = m.ruleRows.filter((r) => Number.isFinite(m.milp.rowLower[r.row]!))
              if (rows.length === 0) continue
              const r = rows[n % rows.length]!.row
              session.setRowBounds(m.milp.rowNames[r]!, m.milp.rowLower[r]! + 1, m.milp.rowUpper[r]!)
            } else {
              const pairs = [...m.pairCol].filter((c) => m.milp.colUpper[c] === 1 && m.milp.colLower[c] === 0)
              // Forbid a pair in use; lock one that is not.
              const pick = pairs.filter((c) => has(last, pairOf(m, c)) === (kind === 'forbid'))
              if (pick.length === 0) continue
              const pair = pairOf(m, pick[n % pick.length]!)
              if (kind === 'lock') {
                session.lock(pair.cadreId, pair.postId)
                locks = [...locks, pair]
              } else {
                session.forbid(pair.cadreId, pair.postId)
                forbidden = [...forbidden, pair]
              }
            }
            const next = await session.solve(CORE)
            const oracle = await direct(session.model)
            expect(next._tag).toBe(oracle._tag)
            if (next._tag === 'Left' || oracle._tag === 'Left') return
            warm++
            expect(next.right.status).toBe('optimal')
            expect(Math.abs(next.right.objective - oracle.right.objective)).toBeLessThan(1e-6)
            expect(validateProposal({ ...scenario, locks, forbidden }, next.right)).toEqual([])
            last = next.right
          }
        },
      ),
      { seed: 23, numRuns: 12 },
    )
    expect(warm).toBeGreaterThan(8)
  }, 120_000)

  it('passes the warm start through the solver: an unchanged model is re-proved from its own optimum', async () => {
    const model = formulate(generateScenario({ seed: 8, cadres: 300 }))
    const first = await highsSolver.solve(model.milp, { method: 'core' })
    const again = await highsSolver.solve(model.milp, { method: 'core', warmStart: first.warmStart! })
    expect(again.status).toBe('optimal')
    expect(again.objective).toBe(first.objective)
    expect(again.core!.pricingRounds).toBe(1)
    expect(again.core!.milpRounds).toBe(1)
  })
})
