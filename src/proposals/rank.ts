/**
 * Ranked proposals: the k best distinct staffings (`exact`), or the best
 * sequence of staffings that each differ from every earlier one in at least
 * `minDifference` posts (`diverse`). One formulation serves every solve: each
 * round appends a cut excluding what was found and re-solves.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import type { Proposal } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { editMilp, formulate } from '../model/index.js'
import type { ExtraRow, StaffingModel } from '../model/index.js'
import type { SolveError, SolveOptions } from './solve.js'
import { solveModel } from './solve.js'

/** Options of {@link rankProposals}. @category Proposals */
export interface RankOptions extends SolveOptions {
  /** How many proposals. @defaultValue 3 */
  readonly k?: number
  /**
   * `exact`: the k best distinct proposals, in order of objective.
   * `diverse`: each proposal is the best one differing from every earlier one
   * in at least `minDifference` posts.
   * @defaultValue 'exact'
   */
  readonly mode?: 'exact' | 'diverse'
  /** Posts (or team places, with `differ: 'teams'`) in which diverse proposals differ pairwise. @defaultValue 2 */
  readonly minDifference?: number
  /**
   * What makes two proposals different. `posts`: who sits in which post.
   * `teams`: who sits in which team — moving people between posts of the same
   * team is not a new proposal, so equal-fit reshuffles inside a team (common
   * when posts of one kind want no particular specialty) do not fill the list.
   * A proposal differs in `teams` by the number of people of the other's team
   * compositions (open posts) who are no longer in that team.
   * @defaultValue 'posts'
   */
  readonly differ?: 'posts' | 'teams'
}

/** One post where a proposal differs from the best. @category Proposals */
export interface PostDiff {
  readonly postId: string
  readonly teamId: string
  /** Who the best proposal puts there (`null`: vacant). */
  readonly best: string | null
  /** Who this proposal puts there. */
  readonly here: string | null
}

/** A proposal with its place in the ranking. @category Proposals */
export interface RankedProposal {
  /** 1 for the best. */
  readonly rank: number
  readonly proposal: Proposal
  /** Objective of the best minus this one's (≥ 0). */
  readonly gapToBest: number
  /** Posts where it differs from the best, in `openPosts` order. */
  readonly diff: readonly PostDiff[]
}

const DEFAULTS = { k: 3, mode: 'exact' as const, minDifference: 2, timeLimitMs: 60_000 }

/**
 * The cut excluding proposals within `d − 1` of `p`: Σ over `p`'s chosen items ≤ |items| − d.
 * `posts`: an item is the chosen column of each open post (its pair, or its vacancy).
 * `teams`: an item is a person staying in their team, i.e. every pair column of that cadre in that team.
 */
function cutOf(
  model: StaffingModel,
  p: Proposal,
  differ: 'posts' | 'teams',
  d: number,
  name: string,
): ExtraRow {
  if (differ === 'posts') {
    const cols = chosenColumns(model, p)
    return { name, cols, coefs: cols.map(() => 1), lower: -Infinity, upper: cols.length - d }
  }
  const { scenario, cadreIndex, postLocation } = model.ctx
  const placedIn = new Map<number, number>()
  for (const a of p.assignments)
    if (a.cadreId !== null) placedIn.set(cadreIndex.get(a.cadreId)!, postLocation.get(a.postId)!.team)
  if (placedIn.size === 0) {
    // From an all-vacant proposal, differing means placing at least d people.
    const all = Array.from(model.pairCol)
    return { name, cols: all, coefs: all.map(() => 1), lower: d, upper: Infinity }
  }
  const cols: number[] = []
  model.eligibility.pairs.forEach((pair, k) => {
    if (placedIn.get(pair.cadre) === postLocation.get(scenario.openPosts[pair.post]!)!.team)
      cols.push(model.pairCol[k]!)
  })
  return { name, cols, coefs: cols.map(() => 1), lower: -Infinity, upper: placedIn.size - d }
}

/**
 * A MIP start for the next solve: the last proposal with the occupants of two
 * posts exchanged at equal net value (fits less pair penalties), the first
 * such exchange in post order that yields no proposal already found. Ties are
 * common (see docs/proposals.md), and with a start at the bound the solver only
 * has to prove it; when team rules forbid the exchange, HiGHS drops the start.
 */
function equalSwapStart(
  model: StaffingModel,
  pairIndex: readonly ReadonlyMap<number, number>[],
  found: readonly Proposal[],
  differ: 'posts' | 'teams',
  d: number,
): { indices: Int32Array; values: Float64Array } | undefined {
  if (d > 2) return undefined
  const { scenario, cadreIndex, postLocation } = model.ctx
  const last = found[found.length - 1]!
  const chosen = last.assignments.map((a, i) =>
    a.cadreId === null ? -1 : pairIndex[i]!.get(cadreIndex.get(a.cadreId)!)!,
  )
  const net = (k: number) => model.milp.colCost[model.pairCol[k]!]!
  const team = (i: number) => postLocation.get(scenario.openPosts[i]!)!.team
  const seen = new Set(found.map(keyOf))
  for (let a = 0; a < chosen.length; a++) {
    const ka = chosen[a]!
    if (ka < 0) continue
    for (let b = a + 1; b < chosen.length; b++) {
      const kb = chosen[b]!
      if (kb < 0 || (differ === 'teams' && team(a) === team(b))) continue
      const ca = model.eligibility.pairs[ka]!.cadre
      const cb = model.eligibility.pairs[kb]!.cadre
      const k1 = pairIndex[b]!.get(ca)
      const k2 = pairIndex[a]!.get(cb)
      if (k1 === undefined || k2 === undefined || Math.abs(net(k1) + net(k2) - net(ka) - net(kb)) > 1e-9)
        continue
      const next = chosen.slice()
      next[a] = k2
      next[b] = k1
      const key = next
        .map((k) => (k < 0 ? '' : scenario.cadres[model.eligibility.pairs[k]!.cadre]!.id))
        .join('\u0000')
      if (seen.has(key)) continue
      const on = new Set(next.filter((k) => k >= 0).map((k) => model.pairCol[k]!))
      const indices: number[] = []
      const values: number[] = []
      model.pairCol.forEach((col) => {
        indices.push(col)
        values.push(on.has(col) ? 1 : 0)
      })
      next.forEach((k, i) => {
        indices.push(model.vacancyCol[i]!)
        values.push(k < 0 ? 1 : 0)
      })
      return { indices: Int32Array.from(indices), values: Float64Array.from(values) }
    }
  }
  return undefined
}

/** The column chosen for each open post: its pair, or its vacancy. */
function chosenColumns(model: StaffingModel, p: Proposal): number[] {
  const { scenario } = model.ctx
  const pairOf = new Map<string, number>()
  model.eligibility.pairs.forEach((pair, k) =>
    pairOf.set(
      `${scenario.cadres[pair.cadre]!.id}\u0000${scenario.openPosts[pair.post]!}`,
      model.pairCol[k]!,
    ),
  )
  return p.assignments.map((a, i) =>
    a.cadreId === null ? model.vacancyCol[i]! : pairOf.get(`${a.cadreId}\u0000${a.postId}`)!,
  )
}

const keyOf = (p: Proposal): string => p.assignments.map((a) => a.cadreId ?? '').join('\u0000')

/** Posts where `p` differs from `best`. */
export function diffProposals(best: Proposal, p: Proposal): PostDiff[] {
  const out: PostDiff[] = []
  p.assignments.forEach((a, i) => {
    const b = best.assignments[i]!
    if (a.cadreId !== b.cadreId)
      out.push({ postId: a.postId, teamId: a.teamId, best: b.cadreId, here: a.cadreId })
  })
  return out
}

/**
 * The k best proposals of a scenario (see {@link RankOptions}). Fewer than k
 * come back when fewer exist. `timeLimitMs` bounds the whole ranking.
 *
 * @category Proposals
 * @param scenario - a decoded scenario
 * @param options - `k`, `mode`, `minDifference`, and the options of `solve`
 * @returns the proposals, best first, or why there is not even one
 * @example
 * const ranked = await rankProposals(generateScenario({ seed: 1, cadres: 60 }), { k: 3 })
 * isRight(ranked) && ranked.right.map((r) => r.rank) //=> [1, 2, 3]
 */
export async function rankProposals(
  scenario: Scenario,
  options: RankOptions = {},
): Promise<Either<SolveError, RankedProposal[]>> {
  if (options.signal?.aborted) return left({ _tag: 'Aborted', message: 'aborted before the ranking started' })
  return rankModel(formulate(scenario), options)
}

/**
 * {@link rankProposals} on an already formulated model.
 * @category Proposals
 */
export async function rankModel(
  model: StaffingModel,
  options: RankOptions = {},
): Promise<Either<SolveError, RankedProposal[]>> {
  const k = Math.max(1, Math.floor(options.k ?? DEFAULTS.k))
  const mode = options.mode ?? DEFAULTS.mode
  const d = mode === 'exact' ? 1 : Math.max(1, Math.floor(options.minDifference ?? DEFAULTS.minDifference))
  const deadline = performance.now() + (options.timeLimitMs ?? DEFAULTS.timeLimitMs)
  const cuts: ExtraRow[] = []
  const found: Proposal[] = []
  const pairIndex = model.ctx.scenario.openPosts.map(() => new Map<number, number>())
  model.eligibility.pairs.forEach((p, k) => pairIndex[p.post]!.set(p.cadre, k))
  let start: { indices: Int32Array; values: Float64Array } | undefined
  while (found.length < k) {
    const remaining = deadline - performance.now()
    if (found.length > 0 && (remaining <= 0 || options.signal?.aborted)) break
    // Cuts couple posts, so the assignment fast path no longer applies.
    const variant: StaffingModel = { ...model, milp: editMilp(model.milp, { rows: cuts }), hasTeamRows: true }
    const r = await solveModel(variant, {
      ...options,
      timeLimitMs: Math.max(1, remaining),
      fastPath: false,
      ...(start === undefined ? {} : { start }),
    })
    if (r._tag === 'Left') {
      if (found.length === 0) return r
      break
    }
    const p = r.right
    found.push(p)
    cuts.push(cutOf(model, p, options.differ ?? 'posts', d, `rank:cut:${found.length}`))
    start = equalSwapStart(model, pairIndex, found, options.differ ?? 'posts', d)
    if (p.status !== 'optimal') break
  }
  // Equal objectives are ordered by the cadre ids post by post, so ties never depend on the solver.
  // (Only for post differences: they are symmetric, so reordering ties keeps every cut satisfied.)
  if (mode === 'exact' && (options.differ ?? 'posts') === 'posts')
    found.sort(
      (a, b) => b.objective - a.objective || (keyOf(a) < keyOf(b) ? -1 : keyOf(a) > keyOf(b) ? 1 : 0),
    )
  const best = found[0]!
  return right(
    found.map((proposal, i) => ({
      rank: i + 1,
      proposal,
      gapToBest: Math.max(0, Math.round((best.objective - proposal.objective) * 1e6) / 1e6),
      diff: i === 0 ? [] : diffProposals(best, proposal),
    })),
  )
}
