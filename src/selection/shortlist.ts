/**
 * Shortlists for inspection (差额考察): for each open post, the candidates
 * worth inspecting, ranked by the exact cost to the county of placing each
 * there — the best staffing with that candidate in the post, against the best
 * staffing of all — with the other posts that move because of it, the soft
 * rules it pays beyond the best, and the candidate's recommendation support.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { PenaltyPaid, Proposal } from '../domain/proposal.js'
import type { Recommendation, Scenario } from '../domain/types.js'
import { createSession, sessionInternals, type StaffingSession } from '../proposals/session.js'
import type { SolveError, SolveOptions } from '../proposals/solve.js'
import { supportReading } from '../scoring/support.js'
import { anyOption, checkOptions, objectOption, type OptionSpec, scenarioIssue } from '../io/door.js'
import { renderValue } from '../io/errors.js'
import { byColumn, nearBest } from './near.js'
import type { RoundRecommendation } from './types.js'

/** Options of {@link shortlist}. @category Selection */
export interface ShortlistOptions {
  /** The open posts to shortlist, in the order wanted. @defaultValue every open post */
  readonly posts?: readonly string[]
  /** Candidates per post (差额: more than one per post). @defaultValue 3 */
  readonly perPost?: number
  /**
   * Recommendations to count as support: a round's (for their post only) or
   * reserve recommendations (`decodeRecommendations`, for any post).
   * @defaultValue the scenario's tallies (`scenario.recommendations`)
   */
  readonly recommendations?: readonly (RoundRecommendation | Recommendation)[]
  /** Options of each solve (time limit, backend, …). */
  readonly solve?: SolveOptions
}

/** A candidate's recommendation support. @category Selection */
export interface Support {
  /** Recommendations counted: records given, or the tallies' vote entries and named recommenders. */
  readonly recommendations: number
  /** Votes of democratic recommendations. */
  readonly votes: number
  /** Real-name recommenders, sorted. */
  readonly recommenders: readonly string[]
  /**
   * The mean vote share over the rater groups that voted on the post, as the
   * fit's support component and the gate read it from the scenario's tallies
   * (0 without tallies).
   */
  readonly share: number
}

/** One candidate of a post's shortlist. @category Selection */
export interface ShortlistCandidate {
  readonly cadreId: string
  readonly name: string
  /**
   * What placing the candidate in the post costs: the best proposal's
   * objective minus that of the best proposal with the candidate there (0 for
   * the best proposal's own choice).
   */
  readonly loss: number
  /** Both solves proven optimal, so `loss` is exact. */
  readonly exact: boolean
  /**
   * What placing the candidate moves next to the post: where the best
   * proposal's choice goes instead, and which post the candidate leaves (the
   * one the best proposal gave them) and who takes it. Further posts may
   * differ too, among staffings of equal value.
   */
  readonly chain: Chain
  /** Soft rules that staffing pays beyond the best proposal, by rule. */
  readonly rules: readonly { readonly code: PenaltyPaid['code']; readonly amount: number }[]
  readonly support: Support
}

/** The posts next to a candidate's placement. @category Selection */
export interface Chain {
  /** The best proposal's choice for the post (`null`: it left the post vacant, or it is this candidate). */
  readonly displaced: string | null
  /** Where the displaced cadre goes in the candidate's staffing (`null`: no open post). */
  readonly displacedTo: string | null
  /** The post the best proposal gave the candidate (`null`: none). */
  readonly leaves: string | null
  /** Who takes that post in the candidate's staffing (`null`: left vacant, or no such post). */
  readonly leavesTo: string | null
}

/** The shortlist of one post. @category Selection */
export interface PostShortlist {
  readonly postId: string
  readonly teamId: string
  readonly team: string
  readonly title: string
  /** By loss, least first. */
  readonly candidates: readonly ShortlistCandidate[]
  /** Fewer than `perPost` candidates can take the post under the hard rules. */
  readonly short: boolean
}

/** Shortlists of the posts, and the best proposal they are measured against. @category Selection */
export interface Shortlist {
  readonly best: Proposal
  readonly posts: readonly PostShortlist[]
}

/** Options {@link shortlist} cannot work with. @category Selection */
export interface InvalidShortlistOptions {
  readonly _tag: 'InvalidShortlistOptions'
  readonly message: string
}

const round6 = (x: number): number => Math.round(x * 1e6) / 1e6

/**
 * The keys of {@link ShortlistOptions}: `posts`, `perPost` and
 * `recommendations` are read by {@link shortlistBy}, which names them in an
 * {@link InvalidShortlistOptions}; `solve` is an object (its keys are the
 * session's solve's to check).
 */
const SHORTLIST_OPTION_SPEC: OptionSpec = {
  posts: anyOption,
  perPost: anyOption,
  recommendations: anyOption,
  solve: objectOption,
}

function supportOf(
  scenario: Scenario,
  recs: readonly (RoundRecommendation | Recommendation)[] | undefined,
  cadreId: string,
  postId: string,
): Support {
  const { share } = supportReading(scenario, cadreId, postId)
  let n = 0
  let votes = 0
  const names = new Set<string>()
  if (recs === undefined) {
    // The scenario's tallies for the post and for any post.
    for (const t of scenario.recommendations ?? []) {
      if (t.cadreId !== cadreId || (t.postId !== null && t.postId !== postId)) continue
      for (const v of t.votes) {
        n++
        votes += v.votes
      }
      for (const name of t.recommenders) names.add(name)
    }
    return { recommendations: n + names.size, votes, recommenders: [...names].sort(), share }
  }
  for (const r of recs) {
    if (r.cadreId !== cadreId || ('postId' in r && r.postId !== postId)) continue
    n++
    if ('kind' in r && r.kind === 'democratic') votes += r.votes ?? 0
    else names.add(r.recommender)
  }
  return { recommendations: n, votes, recommenders: [...names].sort(), share }
}

/** The posts next to placing `cadreId` in `postId`: who is displaced, which post is left. */
function chainOf(best: Proposal, p: Proposal, postId: string, cadreId: string): Chain {
  const occupant = (q: Proposal, post: string) =>
    q.assignments.find((a) => a.postId === post)?.cadreId ?? null
  const postOf = (q: Proposal, cadre: string) =>
    q.assignments.find((a) => a.cadreId === cadre)?.postId ?? null
  const first = occupant(best, postId)
  const displaced = first === cadreId ? null : first
  const leaves = postOf(best, cadreId)
  return {
    displaced,
    displacedTo: displaced === null ? null : postOf(p, displaced),
    leaves: leaves === postId ? null : leaves,
    leavesTo: leaves === null || leaves === postId ? null : occupant(p, leaves),
  }
}

/** Soft-rule amounts `p` pays beyond `best`, by rule, largest first. */
function extraRules(best: Proposal, p: Proposal): ShortlistCandidate['rules'] {
  const sum = (q: Proposal) => {
    const m = new Map<PenaltyPaid['code'], number>()
    for (const x of q.penalties) m.set(x.code, (m.get(x.code) ?? 0) + x.amount)
    return m
  }
  const b = sum(best)
  return [...sum(p)]
    .map(([code, amount]) => ({ code, amount: round6(amount - (b.get(code) ?? 0)) }))
    .filter((x) => x.amount > 1e-9)
    .sort((x, y) => y.amount - x.amount || (x.code < y.code ? -1 : 1))
}

/** The nonzero entries of a column vector. */
function sparse(values: Float64Array): { indices: Int32Array; values: Float64Array } {
  const indices: number[] = []
  for (let j = 0; j < values.length; j++) if (values[j] !== 0) indices.push(j)
  return { indices: Int32Array.from(indices), values: Float64Array.from(indices, (j) => values[j]!) }
}

/**
 * Shortlists for inspection (差额考察): for each open post, the `perPost`
 * candidates whose placement there costs the county least, each with that
 * exact cost. The first is the best proposal's choice (cost 0); each next one
 * is found by re-solving with the ones before it kept out of the post (warm
 * re-solves of one session, each proven optimal), so the k-th candidate's
 * staffing is the best staffing with anyone else in the post and its loss is
 * exact. A post the best proposal leaves vacant is shortlisted as if it had
 * to be filled; a post the scenario locks has only its locked cadre.
 *
 * A next candidate is first looked for near the last staffing (someone else
 * moved into the post, the chain of posts behind them repaired): when that
 * staffing loses nothing against the last one it is the optimum, proven
 * without a re-solve (keeping a cadre out can only lower the optimum);
 * otherwise it is the re-solve's first incumbent. Posts are dealt to two
 * sessions solved at once. A few tenths of a second per post at county
 * scale, half the runners-up needing no re-solve (see docs/selection.md for
 * measured figures).
 *
 * @param scenario - a decoded scenario
 * @param options - posts, candidates per post, recommendations, solve options
 * @returns the shortlists, or why the best proposal or a re-solve failed; `InvalidOptions` for
 * options that are not an object, a key misspelt by case, British spelling or a missing unit
 * (`options.perpost: expected a known option (did you mean "perPost"?), got 2`), or `solve` not
 * an object; {@link InvalidShortlistOptions} for a value out of its range
 * @category Selection
 */
export function shortlist(
  scenario: Scenario,
  options: ShortlistOptions = {},
): Promise<Either<SolveError | InvalidShortlistOptions, Shortlist>> {
  return shortlistBy(scenario, options, { near: true, lanes: 2 })
}

/** How {@link shortlistBy} finds the candidates after the first. @internal */
export interface ShortlistMethod {
  /** Look near the last staffing first (false: a re-solve for every candidate). */
  readonly near: boolean
  /** Sessions solved at once (1 or 2). */
  readonly lanes: number
}

/**
 * {@link shortlist} by a given method: with `{ near: false, lanes: 1 }`, the
 * plain method (one warm re-solve of one session per candidate), against
 * which tests check the faster one. @internal
 */
export async function shortlistBy(
  scenario: Scenario,
  options: ShortlistOptions,
  method: ShortlistMethod,
): Promise<Either<SolveError | InvalidShortlistOptions, Shortlist>> {
  const invalid = (message: string) =>
    left<InvalidShortlistOptions>({ _tag: 'InvalidShortlistOptions', message })
  const notScenario = scenarioIssue(scenario)
  if (notScenario !== null) return invalid(notScenario.message)
  const checked = checkOptions<ShortlistOptions>(options, SHORTLIST_OPTION_SPEC)
  if (checked._tag === 'Left') return checked
  // Only a key left out (or undefined) takes its default: a null is a value, refused below.
  const perPost = options.perPost === undefined ? 3 : options.perPost
  if (typeof perPost !== 'number' || !Number.isInteger(perPost) || perPost < 1 || perPost > 20)
    return invalid(`options.perPost: expected a whole number in 1–20, got ${renderValue(perPost)}`)
  const open = new Set(scenario.openPosts)
  const posts = options.posts === undefined ? scenario.openPosts : options.posts
  if (!Array.isArray(posts))
    return invalid(`options.posts: expected an array of open post ids, got ${renderValue(posts)}`)
  for (const [i, id] of (posts as readonly unknown[]).entries())
    if (typeof id !== 'string' || !open.has(id))
      return invalid(`options.posts[${i}]: expected an open post of the scenario, got ${renderValue(id)}`)
  const recs = options.recommendations
  if (recs !== undefined && !Array.isArray(recs))
    return invalid(`options.recommendations: expected an array of recommendations, got ${renderValue(recs)}`)

  const session = createSession(scenario)
  const solveOptions = options.solve ?? {}
  const first = await session.solve(solveOptions)
  if (first._tag === 'Left') return first
  const best = first.right
  const names = new Map(scenario.cadres.map((c) => [c.id, c.name]))
  const where = new Map(
    scenario.teams.flatMap((t) => t.posts.map((p) => [p.id, { team: t, post: p }] as const)),
  )
  const locked = new Set(scenario.locks.map((l) => `${l.cadreId} ${l.postId}`))
  const bestState = sessionInternals(session).state()
  const bestValues = bestState.values
  const cols = byColumn(session.model)
  const postIndex = new Map(scenario.openPosts.map((id, i) => [id, i]))
  const wanted = posts as readonly string[]
  const out: PostShortlist[] = new Array<PostShortlist>(wanted.length)

  let failed = false
  // The posts of one lane, in order, on its own session (from the best proposal on).
  const lane = async (own: StaffingSession, at: readonly number[]): Promise<Either<SolveError, null>> => {
    const state = sessionInternals(own)
    state.editInPlace()
    for (const i of at) {
      // The other lane failed: its error is the answer.
      if (failed) return right(null)
      const postId = wanted[i]!
      const candidates: ShortlistCandidate[] = []
      const forbidden: string[] = []
      // Only a filled post lists candidates: its vacancy is closed while it is shortlisted.
      own.allowVacancy(postId, false)
      let current = best
      let values = bestValues
      let short = false
      for (;;) {
        const occupant = current.assignments.find((a) => a.postId === postId)?.cadreId ?? null
        if (occupant !== null) {
          candidates.push({
            cadreId: occupant,
            name: names.get(occupant) ?? occupant,
            loss: Math.max(0, round6(best.objective - current.objective)),
            exact: best.status === 'optimal' && current.status === 'optimal',
            chain: chainOf(best, current, postId, occupant),
            rules: extraRules(best, current),
            support: supportOf(scenario, recs, occupant, postId),
          })
          if (candidates.length >= perPost) break
          // A post the scenario locks to its occupant has no other candidate.
          if (locked.has(`${occupant} ${postId}`)) {
            short = true
            break
          }
          forbidden.push(occupant)
          own.forbid(occupant, postId)
        }
        // The best staffing one move away: the optimum itself when it loses nothing (the edited
        // model's optimum is at most the last one), else the re-solve's first incumbent.
        const near =
          values === null || !method.near ? null : nearBest(own.model, cols, values, postIndex.get(postId)!)
        if (near !== null && current.status === 'optimal' && near.value >= near.before - 1e-9) {
          current = state.adopt(near.values, current.backend)
          values = near.values
          continue
        }
        const next = await own.solve(
          near === null ? solveOptions : { start: sparse(near.values), ...solveOptions },
        )
        if (next._tag === 'Left') {
          if (next.left._tag !== 'Infeasible') {
            failed = true
            return next
          }
          short = true
          break
        }
        current = next.right
        values = state.state().values
      }
      for (const c of forbidden) own.release(c, postId)
      own.allowVacancy(postId, true)
      const w = where.get(postId)!
      out[i] = { postId, teamId: w.team.id, team: w.team.name, title: w.post.title, candidates, short }
    }
    return right(null)
  }
  // Two lanes, posts dealt alternately, each on its own session and solver worker (a 2-core
  // machine solves both at once); a custom backend gets one lane, as it may not run twice at once.
  const lanes = wanted.length > 1 && typeof solveOptions.backend !== 'object' ? Math.max(1, method.lanes) : 1
  const sessions = [session]
  for (let l = 1; l < lanes; l++) {
    const other = createSession(session.model)
    sessionInternals(other).seed(bestState)
    sessions.push(other)
  }
  const done = await Promise.all(
    sessions.map((own, l) =>
      lane(
        own,
        wanted.map((_, i) => i).filter((i) => i % lanes === l),
      ),
    ),
  )
  for (const d of done) if (d._tag === 'Left') return d
  return right({ best, posts: out })
}
