import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Policy, RuleSwitch } from '../../src/domain/policy.js'
import type { Scenario } from '../../src/domain/types.js'
import { explainProposal, forcePair, type PostExplanation } from '../../src/proposals/explain.js'
import { eligibilityOf } from '../../src/scoring/index.js'
import { solve } from '../../src/proposals/index.js'
import { smallScenario } from '../arbitraries.js'
import { allStaffings } from '../oracle.js'

/** Where each priced rule lives in the policy, to switch it off for the oracle. */
const SWITCH: Record<string, readonly [keyof Policy, string]> = {
  'structure.women': ['structure', 'women'],
  'structure.young': ['structure', 'young'],
  'structure.young-town': ['structure', 'youngTown'],
  'structure.minority': ['structure', 'minority'],
  'structure.titular': ['structure', 'titular'],
  'structure.non-party': ['structure', 'nonParty'],
  'structure.age-bands': ['structure', 'ageBands'],
  'structure.average-age': ['structure', 'averageAge'],
  'structure.specialty-coverage': ['structure', 'specialtyCoverage'],
  'structure.specialty-cap': ['structure', 'specialtyCap'],
  'structure.temperament': ['structure', 'temperament'],
  'stability.max-changed': ['stability', 'maxChanged'],
  'stability.heads-not-both': ['stability', 'headsNotBoth'],
  'rotation.should-move': ['people', 'shouldRotate'],
  'ladder.step-down': ['people', 'stepDown'],
}

function without(s: Scenario, code: string): Scenario | null {
  const at = SWITCH[code]
  if (at === undefined) return null
  const [section, key] = at
  const group = s.policy[section] as unknown as Record<string, RuleSwitch>
  return { ...s, policy: { ...s.policy, [section]: { ...group, [key]: { ...group[key]!, enabled: false } } } }
}

const best = (s: Scenario) => allStaffings(s)[0]?.objective ?? null

describe('explainProposal', () => {
  it('prices each rule exactly: its cost is the brute-force gain of switching it off', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 5, maxOpen: 3 }), async (scenario) => {
        const r = await solve(scenario)
        if (r._tag === 'Left') return
        const e = await explainProposal(scenario, r.right)
        if (e._tag === 'Left') throw new Error(e.left.message)
        expect(e.right.posts.map((p) => p.postId)).toEqual(scenario.openPosts)
        for (const rc of e.right.ruleCosts) {
          const relaxed = without(scenario, rc.code)
          if (relaxed === null) continue
          const expected = best(relaxed)! - r.right.objective
          expect(Math.abs(rc.cost - expected)).toBeLessThan(1e-6)
        }
      }),
      { seed: 46, numRuns: 40 },
    )
  })

  it('estimates rule costs from one LP: the same rules, each at least the penalties the proposal pays for it', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 6, maxOpen: 3 }), async (scenario) => {
        const r = await solve(scenario)
        if (r._tag === 'Left') return
        const exact = await explainProposal(scenario, r.right)
        const est = await explainProposal(scenario, r.right, { costs: 'estimate' })
        if (exact._tag === 'Left' || est._tag === 'Left') throw new Error('explanation failed')
        expect(est.right.ruleCosts.map((c) => c.code).sort()).toEqual(
          exact.right.ruleCosts.map((c) => c.code).sort(),
        )
        for (const rc of est.right.ruleCosts) {
          expect(rc.method).toBe('estimate')
          const paid = r.right.penalties.filter((x) => x.code === rc.code).reduce((t, x) => t + x.amount, 0)
          expect(rc.cost).toBeGreaterThanOrEqual(paid - 1e-6)
        }
      }),
      { seed: 48, numRuns: 30 },
    )
  })

  it('asks for a backend with duals to estimate', async () => {
    const scenario = (await import('../../src/sample/index.js')).generateScenario({ seed: 2, cadres: 60 })
    const r = await solve(scenario)
    if (r._tag === 'Left') throw new Error(r.left.message)
    const e = await explainProposal(scenario, r.right, { costs: 'estimate', backend: 'javascript-lp-solver' })
    expect(e._tag === 'Left' && e.left._tag).toBe('SolverFailure')
  })

  it('names why each runner-up lost, consistently with the proposal', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 6, maxOpen: 3 }), async (scenario) => {
        const r = await solve(scenario)
        if (r._tag === 'Left') return
        const e = await explainProposal(scenario, r.right, { costs: 'none' })
        if (e._tag === 'Left') throw new Error(e.left.message)
        const placed = new Map(r.right.assignments.map((a) => [a.cadreId, a.postId]))
        for (const post of e.right.posts)
          for (const ru of post.runnersUp) {
            expect(ru.cadreId).not.toBe(post.cadreId)
            if (ru.outcome._tag === 'PlacedElsewhere') expect(placed.get(ru.cadreId)).toBe(ru.outcome.postId)
            if (ru.outcome._tag === 'LowerFit') expect(ru.fit).toBeLessThanOrEqual(post.fit)
            if (ru.outcome._tag === 'Locked')
              expect(scenario.locks.some((l) => l.postId === post.postId)).toBe(true)
            if (ru.outcome._tag === 'Penalised') {
              expect(ru.fit).toBeGreaterThan(post.fit)
              expect(ru.outcome.amount).toBeGreaterThanOrEqual(ru.fit - post.fit)
            }
          }
        netValuesAgree(scenario, e.right.posts)
      }),
      { seed: 47, numRuns: 40 },
    )
  })

  it('blames the team rules, not a lower fit, for a runner-up worth more net of its penalties', async () => {
    // Two scenarios where the chosen cadre's fit is higher but its soft penalties make it worth less.
    const samples = fc.sample(smallScenario({ maxCadres: 6, maxOpen: 3 }), { seed: 77, numRuns: 300 })
    for (const scenario of [samples[50]!, samples[286]!]) {
      const r = await solve(scenario)
      if (r._tag === 'Left') throw new Error(r.left.message)
      const e = await explainProposal(scenario, r.right, { costs: 'none', runnersUp: 10 })
      if (e._tag === 'Left') throw new Error(e.left.message)
      expect(netValuesAgree(scenario, e.right.posts)).toBeGreaterThan(0)
    }
  })
})

/**
 * Checks each runner-up's outcome against net values (fit less soft pair
 * penalties, from `eligibilityOf`): one worth no more than the chosen pair
 * lost on fit or penalties, one worth more lost to the team's rules. Returns
 * how many runners-up were worth more.
 */
function netValuesAgree(scenario: Scenario, posts: readonly PostExplanation[]): number {
  const eligible = eligibilityOf(scenario)
  let more = 0
  posts.forEach((post, i) => {
    const net = new Map(eligible[i]!.eligible.map((x) => [x.cadreId, x.net]))
    const chosen = post.cadreId === null ? -scenario.policy.vacancy.penalty : net.get(post.cadreId)!
    for (const ru of post.runnersUp) {
      const worth = net.get(ru.cadreId)
      if (worth === undefined || ru.outcome._tag === 'PlacedElsewhere' || ru.outcome._tag === 'Locked')
        continue
      if (worth > chosen + 1e-9) {
        more++
        expect(ru.outcome._tag).toBe('TeamRules')
      } else expect(['LowerFit', 'Penalised']).toContain(ru.outcome._tag)
    }
  })
  return more
}

describe('forcePair', () => {
  it('costs exactly the brute-force difference, or names the rules that forbid the pair', async () => {
    await fc.assert(
      fc.asyncProperty(
        smallScenario({ maxCadres: 5, maxOpen: 3 }),
        fc.nat(),
        fc.nat(),
        async (scenario, ci, pi) => {
          const r = await solve(scenario)
          if (r._tag === 'Left') return
          const cadre = scenario.cadres[ci % scenario.cadres.length]!
          const postId = scenario.openPosts[pi % scenario.openPosts.length]!
          const f = await forcePair(scenario, r.right, cadre.id, postId)
          if (f._tag === 'Left') throw new Error(f.left.message)
          const i = scenario.openPosts.indexOf(postId)
          const withPair = allStaffings(scenario).filter((s) => s.choice[i] === cadre.id)
          switch (f.right._tag) {
            case 'AlreadyThere':
              expect(r.right.assignments[i]!.cadreId).toBe(cadre.id)
              break
            case 'Blocked':
            case 'Infeasible':
              expect(withPair).toEqual([])
              break
            case 'Cost':
              expect(Math.abs(f.right.cost - (r.right.objective - withPair[0]!.objective))).toBeLessThan(1e-6)
              expect(f.right.forced.assignments[i]!.cadreId).toBe(cadre.id)
          }
        },
      ),
      { seed: 48, numRuns: 60 },
    )
  })
})
