/**
 * The brute-force oracle: every staffing of a small scenario, judged by the
 * independent validator (feasibility) and its audit (soft costs), with fits
 * recomputed here from the scenario. Shares no code with the model or the
 * solvers. The fit's components (specialty match, assessment, experience, age)
 * are taken from the scoring module, which defines them (docs/rules.md); their
 * weighting, scaling and rounding are written out here rather than read from
 * `fitScore`, which the model uses.
 */
import { auditProposal, validateProposal } from '../src/check/index.js'
import type { Assignment, Proposal } from '../src/domain/proposal.js'
import { RANKS, type Cadre, type Post, type Scenario, type Team } from '../src/domain/types.js'
import { fitComponents } from '../src/scoring/fit.js'

/** The fit of a cadre in a post: the policy's weighted mean of the components, scaled, to 1e-6. */
export function oracleFit(scenario: Scenario, cadre: Cadre, post: Post, team: Team): number {
  const c = fitComponents(scenario, cadre, post, team)
  const w = scenario.policy.fit.weights
  const combined = w.combined > 0 ? w.combined : 0
  const support = w.support > 0 ? w.support : 0
  const sum = w.specialty + w.assessment + w.experience + w.age + combined + support
  if (!(sum > 0)) return 0
  let weighted =
    w.specialty * c.specialty + w.assessment * c.assessment + w.experience * c.experience + w.age * c.age
  if (combined > 0) weighted += combined * (c.combined ?? 0.5)
  if (support > 0) weighted += support * oracleSupport(scenario, cadre.id, post.id)
  return Math.round((weighted / sum) * scenario.policy.fit.scale * 1e6) / 1e6
}

/**
 * The support component written out from the tallies (docs/rules.md): the
 * mean over the rater groups that voted on the post or on any post of the
 * cadre's best share in each, and the real-name recommenders, weighted by
 * `policy.fit.support`.
 */
export function oracleSupport(scenario: Scenario, cadreId: string, postId: string): number {
  const tallies = (scenario.recommendations ?? []).filter((t) => t.postId === null || t.postId === postId)
  const groups = [...new Set(tallies.flatMap((t) => t.votes.map((v) => v.group)))].sort()
  const mine = tallies.filter((t) => t.cadreId === cadreId)
  const shares = groups.map((g) =>
    Math.max(0, ...mine.flatMap((t) => t.votes.filter((v) => v.group === g).map((v) => v.votes / v.voters))),
  )
  const share =
    groups.length === 0 ? 0 : Math.round((shares.reduce((a, b) => a + b, 0) / groups.length) * 1e9) / 1e9
  const named = new Set(mine.flatMap((t) => t.recommenders)).size
  const p = scenario.policy.fit.support
  if (!(p.votes + p.named > 0)) return 0
  const full = p.namedForFull > 0 ? Math.min(1, named / p.namedForFull) : 0
  return (p.votes * share + p.named * full) / (p.votes + p.named)
}

/** Months from `from` to `to`, both `YYYY-MM`. */
const monthsBetween = (from: string, to: string): number =>
  12 * (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) + Number(to.slice(5, 7)) - Number(from.slice(5, 7))

/**
 * Whether the cadre takes the post by exceptional promotion (破格), which the
 * proposal records: a promotion before the years at rank, approved.
 */
function waivesYears(scenario: Scenario, cadre: Cadre, post: Post): boolean {
  if (!cadre.exceptionalPromotion || cadre.currentPost?.postId === post.id) return false
  if (RANKS.indexOf(post.rank) <= RANKS.indexOf(cadre.rank)) return false
  const years = scenario.policy.people.ladder.minYearsAtRank[cadre.rank]
  return monthsBetween(cadre.rankSince, scenario.asOf) < 12 * years
}

/** A proposal holding only who sits where, with each pair's fit and its record of 破格. */
export function bareProposal(scenario: Scenario, choice: readonly (string | null)[]): Proposal {
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
      fit: cadre === undefined ? 0 : oracleFit(scenario, cadre, post, team),
      components: null,
      exceptional: cadre !== undefined && waivesYears(scenario, cadre, post),
    }
  })
  const parts = { fit: 0, vacancies: 0, penalties: 0 }
  return {
    assignments,
    objective: 0,
    parts,
    penalties: [],
    moves: [],
    status: 'optimal',
    bound: 0,
    gap: 0,
    backend: 'brute-force',
  }
}

/** A feasible staffing and its audited objective. */
export interface Staffing {
  readonly choice: readonly (string | null)[]
  readonly objective: number
}

/** Every staffing that passes the validator, best first. */
export function allStaffings(scenario: Scenario): Staffing[] {
  const open = new Set(scenario.openPosts)
  const candidates = scenario.cadres
    .filter((c) => c.currentPost === null || open.has(c.currentPost.postId))
    .map((c) => c.id)
  const out: Staffing[] = []
  const choice: (string | null)[] = []
  const used = new Set<string>()
  const visit = (i: number) => {
    if (i === scenario.openPosts.length) {
      const proposal = bareProposal(scenario, choice)
      if (validateProposal(scenario, proposal).length > 0) return
      const audit = auditProposal(scenario, proposal)
      out.push({
        choice: [...choice],
        objective: proposal.assignments.reduce((s, a) => s + a.fit, 0) - audit.softCost,
      })
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
  return out.sort((a, b) => b.objective - a.objective)
}

/**
 * The objective of a proposal recomputed, not trusted: who sits where is read
 * from it, each fit recomputed from the scenario ({@link oracleFit}), the soft
 * costs (vacancies included) from the independent audit of that staffing.
 */
export function recomputedObjective(scenario: Scenario, proposal: Proposal): number {
  const bare = bareProposal(
    scenario,
    proposal.assignments.map((a) => a.cadreId),
  )
  return bare.assignments.reduce((s, a) => s + a.fit, 0) - auditProposal(scenario, bare).softCost
}

/** Posts in which two staffings differ. */
export const difference = (a: readonly (string | null)[], b: readonly (string | null)[]): number =>
  a.reduce((n, x, i) => n + (x === b[i] ? 0 : 1), 0)

/**
 * Team places of `b` lost in `a`: people `b` puts in an open post of a team
 * who, in `a`, are not in an open post of that team. From an empty `b`, the
 * people `a` places.
 */
export function teamDifference(
  scenario: Scenario,
  a: readonly (string | null)[],
  b: readonly (string | null)[],
): number {
  const teamOf = new Map(scenario.teams.flatMap((t) => t.posts.map((p) => [p.id, t.id] as const)))
  const where = (choice: readonly (string | null)[]) => {
    const m = new Map<string, string>()
    choice.forEach((c, i) => c !== null && m.set(c, teamOf.get(scenario.openPosts[i]!)!))
    return m
  }
  const inA = where(a)
  const inB = where(b)
  if (inB.size === 0) return inA.size
  return [...inB].filter(([c, t]) => inA.get(c) !== t).length
}
