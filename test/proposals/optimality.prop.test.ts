/**
 * The exactness oracle: on random small scenarios, `solve` must equal brute
 * force over every staffing — feasibility judged by the independent validator,
 * objective by its audit — or report infeasible exactly when no staffing passes.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { auditProposal, validateProposal } from '../../src/check/index.js'
import type { Assignment, Proposal } from '../../src/domain/proposal.js'
import type { Scenario } from '../../src/domain/types.js'
import { solve } from '../../src/proposals/index.js'
import { fitComponents, fitScore } from '../../src/scoring/fit.js'
import { smallScenario } from '../arbitraries.js'

function bareProposal(scenario: Scenario, choice: (string | null)[]): Proposal {
  const teamOf = new Map(scenario.teams.flatMap((t) => t.posts.map((p) => [p.id, t] as const)))
  const assignments: Assignment[] = scenario.openPosts.map((postId, i) => {
    const cadreId = choice[i] ?? null
    const team = teamOf.get(postId)!
    const post = team.posts.find((p) => p.id === postId)!
    const cadre = scenario.cadres.find((c) => c.id === cadreId)
    const incumbent = scenario.cadres.find((c) => c.currentPost?.postId === postId)
    return {
      postId,
      teamId: team.id,
      cadreId,
      incumbentId: incumbent?.id ?? null,
      change: cadre === undefined ? 'vacant' : 'lateral',
      fit: cadre === undefined ? 0 : fitScore(scenario, fitComponents(scenario, cadre, post)),
      components: null,
      exceptional: false,
    }
  })
  const empty = { fit: 0, vacancies: 0, penalties: 0 }
  return {
    assignments,
    objective: 0,
    parts: empty,
    penalties: [],
    moves: [],
    status: 'optimal',
    bound: 0,
    gap: 0,
    backend: 'brute-force',
  }
}

/** Best audited objective over every staffing, or null if none passes the validator. */
function bruteForce(scenario: Scenario): number | null {
  const open = new Set(scenario.openPosts)
  const candidates = scenario.cadres
    .filter(
      (c) =>
        c.currentPost === null ||
        open.has(c.currentPost.postId) ||
        !scenario.teams.some((t) => t.posts.some((p) => p.id === c.currentPost!.postId)),
    )
    .map((c) => c.id)
  let best: number | null = null
  const choice: (string | null)[] = []
  const used = new Set<string>()
  const visit = (i: number) => {
    if (i === scenario.openPosts.length) {
      const proposal = bareProposal(scenario, choice)
      if (validateProposal(scenario, proposal).length > 0) return
      const audit = auditProposal(scenario, proposal)
      const value = proposal.assignments.reduce((s, a) => s + a.fit, 0) - audit.softCost
      if (best === null || value > best) best = value
      return
    }
    choice[i] = null
    visit(i + 1)
    for (const c of candidates) {
      if (used.has(c)) continue
      used.add(c)
      choice[i] = c
      visit(i + 1)
      used.delete(c)
    }
    choice.length = i
  }
  visit(0)
  return best
}

describe('solve is exact', () => {
  it('equals brute force, or is infeasible exactly when brute force finds nothing', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario({ maxCadres: 6, maxOpen: 4 }), async (scenario) => {
        const expected = bruteForce(scenario)
        const result = await solve(scenario)
        if (expected === null) {
          expect(result._tag).toBe('Left')
          if (result._tag === 'Left') expect(result.left._tag).toBe('Infeasible')
          return
        }
        expect(result._tag).toBe('Right')
        if (result._tag !== 'Right') return
        expect(result.right.status).toBe('optimal')
        expect(Math.abs(result.right.objective - expected)).toBeLessThan(1e-6)
      }),
      { seed: 42, numRuns: 120 },
    )
  })

  it('every proposal passes the validator and its audited objective equals the reported one', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario(), async (scenario) => {
        const result = await solve(scenario)
        if (result._tag === 'Left') return
        expect(validateProposal(scenario, result.right)).toEqual([])
        const audit = auditProposal(scenario, result.right)
        expect(Math.abs(result.right.parts.fit - audit.softCost - result.right.objective)).toBeLessThan(1e-6)
      }),
      { seed: 43, numRuns: 60 },
    )
  })
})
