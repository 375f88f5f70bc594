/**
 * The rotation plan (交流预判): rounds over years, each a proposal on the
 * county as it will be then — older, with retirements — that moves everyone
 * who must rotate (`people.mustRotate`, ten years in a post by default) by
 * the last round before their deadline, lets those who should rotate
 * (`people.shouldRotate`) move where the round allows, and keeps every rule
 * of the round (the stability rules among them: at most a third of a team
 * changed, the two heads not both). Round by round with look-ahead: each
 * round opens the posts of those whose deadline falls before the next round
 * and forbids them to stay. Anyone who must rotate and cannot is reported
 * with what stops it.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { Proposal } from '../domain/proposal.js'
import { monthsAfter, monthsBetween } from '../domain/time.js'
import type { Cadre, Pair, Scenario, YearMonth } from '../domain/types.js'
import { placeProposal } from '../pool/compare.js'
import { solve, type SolveError, type SolveOptions } from '../proposals/solve.js'
import { retiredBy } from './simulate.js'

/** Options of {@link planRotation}. @category Planning */
export interface RotationOptions {
  /** Years the plan covers, 1–10. @defaultValue 3 */
  readonly years?: number
  /** Rounds a year, 1–4, the first at the scenario's month. @defaultValue 1 */
  readonly roundsPerYear?: number
  /** Options of each round's solve. */
  readonly solve?: SolveOptions
}

/** One round of a rotation plan. @category Planning */
export interface RotationRound {
  readonly at: YearMonth
  /** The posts the round opens: vacant (retirements included), of those who must move now, of those who should. */
  readonly openPosts: readonly string[]
  /** Who must move in this round: their deadline falls before the next round (or the plan's end). */
  readonly mustMove: readonly string[]
  /** Who should move (past `shouldRotate` years) and whose post the round opens. */
  readonly shouldMove: readonly string[]
  /** Cadres who reached retirement age by this round and left their posts. */
  readonly retired: readonly string[]
  /** The round's proposal, on the county as it is at `at`. */
  readonly proposal: Proposal
  /** The county at `at` the proposal was made for (`openPosts`, `forbidden` and the policy as the round made them). */
  readonly scenario: Scenario
  /**
   * Why the round's structure rules were made soft (each a conflict of the
   * round as it should have been), when its open posts could not meet them;
   * empty when the round keeps every rule as the policy says.
   */
  readonly relaxed: readonly string[]
}

/** Someone who must rotate within the plan and is not moved by their deadline. @category Planning */
export interface UnmetRotation {
  readonly cadreId: string
  readonly postId: string
  /** The month they reach `mustRotate` years in the post. */
  readonly due: YearMonth
  /** The round that had to move them. */
  readonly round: YearMonth
  /** What stops it, from the round's diagnosis (rule labels), or `stays` when the round kept them. */
  readonly why: string
}

/** A rotation plan. @category Planning */
export interface RotationPlan {
  readonly method: 'round-by-round'
  readonly rounds: readonly RotationRound[]
  readonly unmet: readonly UnmetRotation[]
}

/** Why a plan was not made. @category Planning */
export type PlanningError = { readonly _tag: 'InvalidPlanOptions'; readonly message: string } | SolveError

/**
 * Plans rotation over `years`, `roundsPerYear` rounds a year from the
 * scenario's month, round by round with look-ahead (see the module). Each
 * round is solved exactly on its own county; a round whose must-moves
 * cannot all be met is solved without forcing them, and they are reported
 * with the rules in the way.
 *
 * @param scenario - a decoded scenario (its `openPosts` are the first round's besides the rotation's own)
 * @param options - years, rounds a year, solve options
 * @category Planning
 */
export async function planRotation(
  scenario: Scenario,
  options: RotationOptions = {},
): Promise<Either<PlanningError, RotationPlan>> {
  const invalid = (message: string) => left<PlanningError>({ _tag: 'InvalidPlanOptions', message })
  if (typeof scenario !== 'object' || scenario === null || !Array.isArray(scenario.cadres))
    return invalid('scenario: expected a decoded scenario (call decodeScenario first)')
  const years = options.years ?? 3
  const perYear = options.roundsPerYear ?? 1
  if (typeof years !== 'number' || !Number.isInteger(years) || years < 1 || years > 10)
    return invalid(`options.years: expected a whole number in 1–10, got ${JSON.stringify(years)}`)
  if (typeof perYear !== 'number' || !Number.isInteger(perYear) || perYear < 1 || perYear > 4)
    return invalid(`options.roundsPerYear: expected a whole number in 1–4, got ${JSON.stringify(perYear)}`)
  const step = 12 / perYear
  const count = years * perYear
  const people = scenario.policy.people
  const exempt = new Set(
    scenario.teams.flatMap((t) => t.posts.filter((p) => p.rotationExempt).map((p) => p.id)),
  )
  const allPosts = scenario.teams.flatMap((t) => t.posts.map((p) => p.id))
  const rounds: RotationRound[] = []
  const unmet: UnmetRotation[] = []
  let county: Scenario = scenario
  for (let r = 0; r < count; r++) {
    const at = monthsAfter(scenario.asOf, Math.round(r * step))
    const next = monthsAfter(scenario.asOf, Math.round((r + 1) * step))
    // Retirements: cadres at retirement age leave the roster (incumbents their posts), and the
    // kin links that name them go with them.
    const retiring = (c: Cadre) => retiredBy(county, c, at)
    const retired = county.cadres.filter((c) => c.currentPost !== null && retiring(c)).map((c) => c.id)
    const gone = new Set(county.cadres.filter(retiring).map((c) => c.id))
    const aged = county.cadres
      .filter((c) => !gone.has(c.id))
      .map((c) =>
        c.kin.some((k) => gone.has(k.cadreId)) ? { ...c, kin: c.kin.filter((k) => !gone.has(k.cadreId)) } : c,
      )
    const held = new Map(
      aged.flatMap((c) => (c.currentPost === null ? [] : [[c.currentPost.postId, c] as const])),
    )
    const must: Pair[] = []
    const should: Pair[] = []
    for (const [postId, c] of held) {
      if (exempt.has(postId)) continue
      const since = c.currentPost!.since
      // Must move now: the deadline falls before the next round (the last round: by the plan's end).
      if (people.mustRotate.enabled && monthsBetween(since, next) >= people.mustRotate.years * 12)
        must.push({ cadreId: c.id, postId })
      else if (people.shouldRotate.enabled && monthsBetween(since, at) >= people.shouldRotate.years * 12)
        should.push({ cadreId: c.id, postId })
    }
    const open = new Set<string>(r === 0 ? scenario.openPosts : [])
    for (const p of allPosts) if (!held.has(p)) open.add(p)
    for (const x of [...must, ...should]) open.add(x.postId)
    const openPosts = allPosts.filter((p) => open.has(p))
    const base: Scenario = {
      ...county,
      asOf: at,
      cadres: aged,
      openPosts,
      locks: r === 0 ? scenario.locks : [],
      forbidden: r === 0 ? scenario.forbidden : [],
    }
    const forced: Scenario = { ...base, forbidden: [...base.forbidden, ...must] }
    // The round as it should be; if its rules cannot all be met with the posts it opens (a team
    // whose structure its open posts cannot mend), with the structure rules soft (reported); and
    // if the must-moves still cannot all be made, without forcing them (reported).
    let round = forced
    let solved = await solve(forced, options.solve)
    let relaxed: string[] = []
    const conflicts = (e: SolveError) =>
      e._tag === 'Infeasible'
        ? e.conflicts.length > 0
          ? e.conflicts.map((c) => c.message)
          : [e.message]
        : []
    if (solved._tag === 'Left' && solved.left._tag === 'Infeasible') {
      relaxed = conflicts(solved.left)
      round = softStructure(forced)
      solved = await solve(round, options.solve)
    }
    if (solved._tag === 'Left' && solved.left._tag === 'Infeasible' && must.length > 0) {
      const why = conflicts(solved.left).join('; ')
      round = softStructure(base)
      solved = await solve(round, options.solve)
      if (solved._tag === 'Right')
        for (const m of must)
          if (solved.right.assignments.some((a) => a.postId === m.postId && a.cadreId === m.cadreId))
            unmet.push({
              ...m,
              due: monthsAfter(held.get(m.postId)!.currentPost!.since, people.mustRotate.years * 12),
              round: at,
              why,
            })
    }
    if (solved._tag === 'Left') return solved
    rounds.push({
      at,
      openPosts,
      mustMove: must.map((m) => m.cadreId),
      shouldMove: should.map((m) => m.cadreId),
      retired,
      proposal: solved.right,
      scenario: round,
      relaxed,
    })
    county = placeProposal(round, solved.right)
  }
  return right({ method: 'round-by-round', rounds, unmet })
}

/** The scenario with its team structure rules soft (each at its policy penalty). */
function softStructure(s: Scenario): Scenario {
  const structure = Object.fromEntries(
    Object.entries(s.policy.structure).map(([k, r]) => [k, { ...(r as object), hard: false }]),
  ) as unknown as Scenario['policy']['structure']
  return { ...s, policy: { ...s.policy, structure } }
}
