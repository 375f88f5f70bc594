import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import type { Scenario } from '../../src/domain/types.js'
import { editMilp, formulate } from '../../src/model/index.js'
import { planRotation } from '../../src/planning/index.js'
import { heldFit, openRound, opensOf, roundMonths } from '../../src/planning/rounds.js'
import { placeProposal } from '../../src/pool/compare.js'
import { solveModel } from '../../src/proposals/solve.js'
import { generateScenario } from '../../src/sample/index.js'

/** A generated county cut down to its first `teams` teams, their holders and `free` cadres without a post. */
function shrink(s: Scenario, teams: number, free: number): Scenario {
  const kept = s.teams.slice(0, teams).map((t) => ({ ...t, supervisedBy: [] }))
  const posts = new Set(kept.flatMap((t) => t.posts.map((p) => p.id)))
  const holders = s.cadres.filter((c) => c.currentPost !== null && posts.has(c.currentPost.postId))
  const others = s.cadres.filter((c) => c.currentPost === null).slice(0, free)
  const ids = new Set([...holders, ...others].map((c) => c.id))
  const cadres = s.cadres
    .filter((c) => ids.has(c.id))
    .map((c) => ({ ...c, kin: c.kin.filter((k) => ids.has(k.cadreId)) }))
  const pair = (x: { cadreId: string; postId: string }) => ids.has(x.cadreId) && posts.has(x.postId)
  return {
    ...s,
    cadres,
    teams: kept,
    openPosts: s.openPosts.filter((p) => posts.has(p)),
    locks: s.locks.filter(pair),
    forbidden: s.forbidden.filter(pair),
  }
}

/**
 * The best value of any plan keeping every rule of every round, by
 * enumerating every assignment of every round's open posts (each post: one
 * of its eligible cadres, or vacant) on the county the earlier rounds left;
 * each round's objective read from its own model with the assignment fixed,
 * and each round re-checked by the validator. `null`: no such plan; `NaN`:
 * more than `limit` assignments (too large to enumerate).
 */
async function bruteForce(scenario: Scenario, years: number, limit: number): Promise<number | null> {
  const months = roundMonths(scenario.asOf, years, 1)
  const opens = opensOf(scenario, months)
  let visited = 0
  const go = async (county: Scenario, r: number): Promise<number | null> => {
    if (r === months.length - 1) return 0
    const o = openRound(scenario, county, r, months[r]!, months[r + 1]!)
    const model = formulate(o.scenario)
    const el = model.eligibility
    const held = heldFit(o.scenario, opens, r)
    let best: number | null = null
    const chosen = new Int32Array(o.openPosts.length).fill(-1)
    const used = new Set<number>()
    const assign = async (i: number): Promise<void> => {
      if (i === o.openPosts.length) {
        if (++visited > limit) throw new RangeError('too many')
        const colBounds: [number, number, number][] = []
        o.openPosts.forEach((_, j) => {
          for (let k = el.postStart[j]!; k < el.postStart[j + 1]!; k++) {
            const v = chosen[j] === k ? 1 : 0
            colBounds.push([model.pairCol[k]!, v, v])
          }
          const vac = chosen[j] === -1 ? 1 : 0
          colBounds.push([model.vacancyCol[j]!, vac, vac])
        })
        const p = await solveModel(
          { ...model, milp: editMilp(model.milp, { colBounds }) },
          { fastPath: false },
        )
        if (p._tag === 'Left') return
        expect(validateProposal(o.scenario, p.right)).toEqual([])
        const rest = await go(placeProposal(o.scenario, p.right), r + 1)
        if (rest !== null) best = Math.max(best ?? -Infinity, p.right.objective + held + rest)
        return
      }
      chosen[i] = -1
      await assign(i + 1)
      for (let k = el.postStart[i]!; k < el.postStart[i + 1]!; k++) {
        const c = el.cadre[k]!
        if (used.has(c)) continue
        used.add(c)
        chosen[i] = k
        await assign(i + 1)
        used.delete(c)
      }
      chosen[i] = -1
    }
    await assign(0)
    return best
  }
  try {
    return await go(scenario, 0)
  } catch (e) {
    if (e instanceof RangeError) return NaN
    throw e
  }
}

describe('planRotation, exact over the whole horizon', () => {
  for (const seed of [1, 6]) {
    it(`seed ${seed}: every round of the exact plan passes the validator on its county, and its value is the model's optimum`, async () => {
      const scenario = generateScenario({ seed, cadres: 40, teams: 4, openShare: 0.2 })
      const r = await planRotation(scenario, { years: 3, method: 'exact' })
      if (r._tag === 'Left') throw new Error(r.left.message)
      const plan = r.right
      expect(plan.method).toBe('exact')
      expect(plan.status).toBe('optimal')
      expect(plan.rounds).toHaveLength(3)
      for (const round of plan.rounds) {
        expect(validateProposal(round.scenario, round.proposal)).toEqual([])
        expect(round.relaxed).toEqual([])
      }
      // The horizon model's optimum is the value of the plan replayed round by round.
      expect(plan.bound).not.toBeNull()
      expect(Math.abs(plan.bound! - plan.value)).toBeLessThan(1e-5)
      expect(plan.value).toBeCloseTo(
        plan.rounds.reduce((s, x) => s + x.value, 0),
        5,
      )
    }, 60_000)
  }

  it('is never worse than round by round on random small counties that round by round staffs keeping every rule', async () => {
    let compared = 0
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 20, max: 40 }),
        fc.integer({ min: 2, max: 4 }),
        fc.integer({ min: 1, max: 3 }),
        async (seed, cadres, teams, years) => {
          const scenario = generateScenario({ seed, cadres, teams, openShare: 0.2 })
          const rbr = await planRotation(scenario, { years, method: 'round-by-round' })
          if (rbr._tag === 'Left') throw new Error(rbr.left.message)
          const exact = await planRotation(scenario, { years, method: 'exact' })
          const kept = rbr.right.unmet.length === 0 && rbr.right.rounds.every((x) => x.relaxed.length === 0)
          if (exact._tag === 'Left') {
            // No plan keeps every rule: then round by round cannot have kept them all either.
            expect(exact.left._tag).toBe('Infeasible')
            expect(kept).toBe(false)
            return
          }
          for (const round of exact.right.rounds)
            expect(validateProposal(round.scenario, round.proposal)).toEqual([])
          if (!kept) return
          expect(exact.right.value).toBeGreaterThanOrEqual(rbr.right.value - 1e-6)
          compared++
        },
      ),
      { numRuns: 25, seed: 20261205 },
    )
    expect(compared).toBeGreaterThanOrEqual(6)
  }, 120_000)

  it('equals brute force on tiny counties (every assignment of every round enumerated)', async () => {
    // One team, its holders and two cadres without a post: small enough to enumerate every plan.
    const cases: readonly (readonly [seed: number, years: number])[] = [
      [2, 3],
      [9, 3],
      [14, 3],
      [2, 2],
      [5, 2],
    ]
    for (const [seed, years] of cases) {
      const scenario = shrink(generateScenario({ seed, cadres: 20, teams: 2, openShare: 0.3 }), 1, 2)
      const best = await bruteForce(scenario, years, 400)
      expect(best).not.toBeNaN()
      const exact = await planRotation(scenario, { years, method: 'exact' })
      if (best === null) {
        expect(exact._tag).toBe('Left')
        continue
      }
      if (exact._tag === 'Left') throw new Error(exact.left.message)
      expect(exact.right.value).toBeCloseTo(best, 5)
    }
  }, 120_000)

  it('is deterministic: the same county gives the same plan, byte for byte', async () => {
    const scenario = generateScenario({ seed: 4, cadres: 40, teams: 4, openShare: 0.2 })
    const a = await planRotation(scenario, { years: 2, method: 'exact' })
    const b = await planRotation(scenario, { years: 2, method: 'exact' })
    expect(a._tag).toBe('Right')
    expect(JSON.stringify(b)).toBe(JSON.stringify(a))
  }, 60_000)

  it('auto takes the exact plan where it fits and says why not where it does not', async () => {
    const scenario = generateScenario({ seed: 2, cadres: 40, teams: 4, openShare: 0.2 })
    const auto = await planRotation(scenario, { years: 2 })
    expect(auto).toMatchObject({ _tag: 'Right', right: { method: 'exact', fallback: null } })
    const small = await planRotation(scenario, { years: 2, maxColumns: 100 })
    if (small._tag === 'Left') throw new Error(small.left.message)
    expect(small.right.method).toBe('round-by-round')
    expect(small.right.fallback).toMatch(/^the exact plan's model has more than 100 columns/)
    expect(await planRotation(scenario, { years: 2, method: 'exact', maxColumns: 100 })).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'HorizonTooLarge' },
    })
    // Six years: an appointee of the first round would be due to rotate again (five years) within it.
    expect(await planRotation(scenario, { years: 6, method: 'exact' })).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'HorizonTooLarge' },
    })
    const long = await planRotation(scenario, { years: 6 })
    if (long._tag === 'Left') throw new Error(long.left.message)
    expect(long.right.method).toBe('round-by-round')
    expect(long.right.fallback).toMatch(/due to rotate again/)
  }, 60_000)

  it('says "planned round by round" only where it did, and names the time limit that stopped the exact plan', async () => {
    const scenario = generateScenario({ seed: 2, cadres: 40, teams: 4, openShare: 0.2 })
    const small = await planRotation(scenario, { years: 2, maxColumns: 100 })
    if (small._tag === 'Left') throw new Error(small.left.message)
    expect(small.right.fallback).toMatch(
      /^the exact plan's model has more than 100 columns .*: planned round by round$/,
    )
    const refused = await planRotation(scenario, { years: 2, method: 'exact', maxColumns: 100 })
    if (refused._tag === 'Right') throw new Error('expected HorizonTooLarge')
    expect(refused.left.message).toMatch(/^the exact plan's model has more than 100 columns \(.*\)$/)
    // 12,000 columns: no plan in a millisecond.
    const county = generateScenario({ seed: 3, cadres: 150 })
    const stopped = await planRotation(county, { years: 3, method: 'exact', solve: { timeLimitMs: 1 } })
    expect(stopped).toEqual({
      _tag: 'Left',
      left: {
        _tag: 'TimeLimit',
        bound: null,
        message: "the exact plan's solve stopped at its time limit (1 ms) before it found a plan",
      },
    })
  }, 60_000)

  it('reports the progress of the exact plan’s solves', async () => {
    const scenario = generateScenario({ seed: 2, cadres: 40, teams: 4, openShare: 0.2 })
    let events = 0
    const r = await planRotation(scenario, {
      years: 2,
      method: 'exact',
      solve: { onProgress: () => events++ },
    })
    if (r._tag === 'Left') throw new Error(r.left.message)
    expect(r.right.method).toBe('exact')
    expect(events).toBeGreaterThan(0)
  }, 60_000)

  it('names bad options', async () => {
    const scenario = generateScenario({ seed: 3, cadres: 20, teams: 2 })
    expect(await planRotation(scenario, { method: 'best' as 'exact' })).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'InvalidPlanOptions',
        message: `options.method: expected 'exact', 'round-by-round' or 'auto', got "best"`,
      },
    })
    expect(await planRotation(scenario, { maxColumns: 0 })).toMatchObject({
      _tag: 'Left',
      left: {
        _tag: 'InvalidPlanOptions',
        message: 'options.maxColumns: expected a positive whole number, got 0',
      },
    })
    expect(await planRotation(scenario, { method: 'exact', years: 11 })).toMatchObject({
      _tag: 'Left',
      left: { _tag: 'InvalidPlanOptions', message: 'options.years: expected a whole number in 1–10, got 11' },
    })
  })
})
