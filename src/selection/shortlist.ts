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
import { createSession } from '../proposals/session.js'
import type { SolveError, SolveOptions } from '../proposals/solve.js'
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
   */
  readonly recommendations?: readonly (RoundRecommendation | Recommendation)[]
  /** Options of each solve (time limit, backend, …). */
  readonly solve?: SolveOptions
}

/** A candidate's recommendation support. @category Selection */
export interface Support {
  readonly recommendations: number
  /** Votes of democratic recommendations. */
  readonly votes: number
  /** Real-name recommenders, sorted. */
  readonly recommenders: readonly string[]
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

function supportOf(
  recs: readonly (RoundRecommendation | Recommendation)[],
  cadreId: string,
  postId: string,
): Support {
  let n = 0
  let votes = 0
  const names = new Set<string>()
  for (const r of recs) {
    if (r.cadreId !== cadreId || ('postId' in r && r.postId !== postId)) continue
    n++
    if ('kind' in r && r.kind === 'democratic') votes += r.votes ?? 0
    else names.add(r.recommender)
  }
  return { recommendations: n, votes, recommenders: [...names].sort() }
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
 * Each further candidate costs one re-solve: a few tenths of a second at
 * county scale (see docs/selection.md for measured figures).
 *
 * @param scenario - a decoded scenario
 * @param options - posts, candidates per post, recommendations, solve options
 * @returns the shortlists, or why the best proposal or a re-solve failed
 * @category Selection
 */
export async function shortlist(
  scenario: Scenario,
  options: ShortlistOptions = {},
): Promise<Either<SolveError | InvalidShortlistOptions, Shortlist>> {
  const invalid = (message: string) =>
    left<InvalidShortlistOptions>({ _tag: 'InvalidShortlistOptions', message })
  if (typeof scenario !== 'object' || scenario === null || !Array.isArray(scenario.openPosts))
    return invalid('scenario: expected a decoded scenario (call decodeScenario first)')
  const perPost = options.perPost ?? 3
  if (typeof perPost !== 'number' || !Number.isInteger(perPost) || perPost < 1 || perPost > 20)
    return invalid(`options.perPost: expected a whole number in 1–20, got ${JSON.stringify(perPost)}`)
  const open = new Set(scenario.openPosts)
  const posts = options.posts ?? scenario.openPosts
  if (!Array.isArray(posts)) return invalid('options.posts: expected an array of open post ids')
  for (const [i, id] of (posts as readonly unknown[]).entries())
    if (typeof id !== 'string' || !open.has(id))
      return invalid(`options.posts[${i}]: expected an open post of the scenario, got ${JSON.stringify(id)}`)
  const recs = options.recommendations ?? []
  if (!Array.isArray(recs)) return invalid('options.recommendations: expected an array of recommendations')

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
  const out: PostShortlist[] = []
  for (const postId of posts as readonly string[]) {
    const candidates: ShortlistCandidate[] = []
    const forbidden: string[] = []
    let vacancyClosed = false
    let current = best
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
          support: supportOf(recs as readonly (RoundRecommendation | Recommendation)[], occupant, postId),
        })
        if (candidates.length >= perPost) break
        // A post the scenario locks to its occupant has no other candidate.
        if (locked.has(`${occupant} ${postId}`)) {
          short = true
          break
        }
        forbidden.push(occupant)
        session.forbid(occupant, postId)
      } else {
        // The best staffing left the post vacant: from here on it must be filled.
        vacancyClosed = true
        session.allowVacancy(postId, false)
      }
      const next = await session.solve(solveOptions)
      if (next._tag === 'Left') {
        if (next.left._tag !== 'Infeasible') return next
        short = true
        break
      }
      current = next.right
    }
    for (const c of forbidden) session.release(c, postId)
    if (vacancyClosed) session.allowVacancy(postId, true)
    const w = where.get(postId)!
    out.push({ postId, teamId: w.team.id, team: w.team.name, title: w.post.title, candidates, short })
  }
  return right({ best, posts: out })
}
