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
import { columnsOf, editMilp, formulate } from '../model/index.js'
import type { ColumnMatrix, ExtraRow, Milp, StaffingModel } from '../model/index.js'
import type { SolveError, SolveOptions } from './solve.js'
import { modelArgument, SOLVE_OPTION_SPEC, solveModelValues } from './solve.js'
import {
  checkOptions,
  type InvalidOptions,
  isProposal,
  numberOption,
  oneOfOption,
  requireArgument,
  scenarioArgument,
  type OptionSpec,
} from '../io/door.js'
import { proposalFromValues } from './decode.js'
import { issue } from '../io/errors.js'
import { supportOf } from '../scoring/support.js'

/** Options of {@link rankProposals}. @category Proposals */
export interface RankOptions extends SolveOptions {
  /** How many proposals, an integer ≥ 1. @defaultValue 3 */
  readonly k?: number
  /**
   * `exact`: the k best distinct proposals, in order of objective.
   * `diverse`: each proposal is the best one differing from every earlier one
   * in at least `minDifference` posts.
   * @defaultValue 'exact'
   */
  readonly mode?: 'exact' | 'diverse'
  /**
   * Posts (or team places, with `differ: 'teams'`) in which diverse proposals
   * differ pairwise, an integer ≥ 1. `diverse` mode only: `exact` ranks the k
   * best distinct proposals (a difference of 1), and refuses any other value
   * (`InvalidOptions` naming `options.minDifference`) rather than ignore it.
   * @defaultValue 2 in `diverse` mode
   */
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

/**
 * What stopped a ranking before it was complete: the time limit, an abort
 * (`signal`), HiGHS running out of memory, or another failure of the solver.
 * @category Proposals
 */
export type RankingStop = 'time-limit' | 'aborted' | 'memory-limit' | 'solver-failure'

/** Whether a ranking ran to its end, as a {@link Ranking} carries it. @category Proposals */
export interface RankingStatus {
  /**
   * `true`: the ranking ran to its end — k proposals, or fewer when no other
   * proposal exists (none left, or in `diverse` mode none differing enough),
   * each proven by its solve. `false`: a stop (`stopped`) ended it
   * first — fewer than k came back although more may exist, or the last one
   * came from a solve that stopped (its `status` says how), so a better one
   * may take its place.
   */
  readonly complete: boolean
  /** Why the ranking stopped before it was complete; `null` when complete. */
  readonly stopped: RankingStop | null
  /**
   * When not complete: a proven upper bound on the objective of the
   * proposals the ranking did not reach — the next one it would have found
   * (in `diverse` mode, one differing enough from every proposal returned),
   * or a better one in place of an unproven last. It is the least bound its
   * solves proved: each round's cuts only remove proposals, so a round's
   * bound holds for every round after it. `null` when no solve proved one,
   * and when complete.
   */
  readonly nextBound: number | null
}

/**
 * The ranked proposals, best first — an array, so that whatever reads a
 * `RankedProposal[]` reads it — carrying {@link RankingStatus}: whether the
 * ranking ran to its end, and if not why it stopped. The status is not part
 * of the array's JSON (`JSON.stringify` writes the proposals alone).
 * @category Proposals
 */
export type Ranking = RankedProposal[] & RankingStatus

const DEFAULTS = { k: 3, mode: 'exact' as const, minDifference: 2, timeLimitMs: 60_000 }

/** The checks of {@link RankOptions}' keys. @internal */
export const RANK_OPTION_SPEC: OptionSpec = {
  ...SOLVE_OPTION_SPEC,
  k: numberOption({ min: 1, integer: true }),
  mode: oneOfOption(['exact', 'diverse']),
  minDifference: numberOption({ min: 1, integer: true }),
  differ: oneOfOption(['posts', 'teams']),
}

/**
 * {@link RANK_OPTION_SPEC}'s checks, then the options' combinations: a
 * `minDifference` other than 1 outside `diverse` mode is refused, since
 * `exact` ranks the k best distinct proposals and would ignore it.
 */
function checkRankOptions(options: RankOptions): Either<InvalidOptions, RankOptions> {
  const checked = checkOptions<RankOptions>(options, RANK_OPTION_SPEC)
  if (checked._tag === 'Left') return checked
  const { mode, minDifference } = options
  if ((mode ?? DEFAULTS.mode) === 'exact' && minDifference !== undefined && minDifference !== 1) {
    const i = issue(
      ['options', 'minDifference'],
      "1 or nothing in mode 'exact' (the k best distinct proposals), or mode: 'diverse' with it",
      minDifference,
    )
    return left({ _tag: 'InvalidOptions', issues: [i], message: i.message })
  }
  return checked
}

/** The stop a solve's error or a stopped proposal's status means, or `null` when the ranking is complete. */
function stopOf(r: SolveError | Proposal['status']): RankingStop | null {
  switch (typeof r === 'string' ? r : r._tag) {
    case 'optimal':
    case 'Infeasible':
      return null
    case 'time-limit':
    case 'TimeLimit':
      return 'time-limit'
    case 'interrupted':
    case 'Aborted':
      return 'aborted'
    case 'memory-limit':
      return 'memory-limit'
    default:
      return 'solver-failure'
  }
}

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
  const { cadre, post, size } = model.eligibility
  for (let k = 0; k < size; k++)
    if (placedIn.get(cadre[k]!) === postLocation.get(scenario.openPosts[post[k]!]!)!.team)
      cols.push(model.pairCol[k]!)
  return { name, cols, coefs: cols.map(() => 1), lower: -Infinity, upper: placedIn.size - d }
}

/**
 * Proposals to try next: the last proposal with the occupants of two posts
 * exchanged at equal net value (fits less pair penalties), in post order,
 * skipping proposals already found; each as the pair index chosen for each
 * open post (−1: vacant). Ties are common (see docs/proposals.md): an exchange
 * that breaks no row is the next optimum outright (see {@link rankModel});
 * otherwise the first exchange is the solver's MIP start, which HiGHS drops
 * when team rules forbid it.
 */
function* equalSwaps(
  model: StaffingModel,
  found: readonly Proposal[],
  differ: 'posts' | 'teams',
  d: number,
): Generator<number[]> {
  if (d > 2) return
  const { scenario, cadreIndex, postLocation } = model.ctx
  const last = found[found.length - 1]!
  const chosen = last.assignments.map((a, i) =>
    a.cadreId === null ? -1 : model.eligibility.indexOf(cadreIndex.get(a.cadreId)!, i),
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
      const ca = model.eligibility.cadre[ka]!
      const cb = model.eligibility.cadre[kb]!
      const k1 = model.eligibility.indexOf(ca, b)
      const k2 = model.eligibility.indexOf(cb, a)
      if (k1 < 0 || k2 < 0 || Math.abs(net(k1) + net(k2) - net(ka) - net(kb)) > 1e-9) continue
      const next = chosen.slice()
      next[a] = k2
      next[b] = k1
      const key = next
        .map((k) => (k < 0 ? '' : scenario.cadres[model.eligibility.cadre[k]!]!.id))
        .join('\u0000')
      if (seen.has(key)) continue
      yield next
    }
  }
}

/** The MIP start of a choice: every pair and vacancy column set. */
function startOf(
  model: StaffingModel,
  next: readonly number[],
): { indices: Int32Array; values: Float64Array } {
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

const TOL = 1e-9

/** How many exchanges are tried for a tie before the solver is asked. */
const MAX_TRIES = 20_000

/**
 * Tries the exchanges of {@link equalSwaps} on the last optimum: the first one
 * that keeps the objective and breaks no row of `m` (the model with every cut
 * so far) is the next optimum. Only the rows through the changed columns and
 * the cuts can change, so only those are checked. Returns the new column
 * values, or `null`.
 */
function tieOf(
  model: StaffingModel,
  m: Milp,
  last: { readonly values: Float64Array; readonly chosen: readonly number[] },
  candidates: Iterable<number[]>,
  rowsOfCol: ColumnMatrix,
  baseRows: number,
): { values: Float64Array; chosen: number[] } | null {
  const activity = (v: Float64Array, r: number) => {
    let a = 0
    for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++) a += m.rowValue[e]! * v[m.rowIndex[e]!]!
    return a
  }
  const colOf = (k: number, i: number) => (k < 0 ? model.vacancyCol[i]! : model.pairCol[k]!)
  let tries = 0
  for (const next of candidates) {
    if (++tries > MAX_TRIES) return null
    const changed: number[] = []
    let delta = 0
    next.forEach((k, i) => {
      const was = last.chosen[i]!
      if (k === was) return
      changed.push(colOf(was, i), colOf(k, i))
      delta += m.colCost[colOf(k, i)]! - m.colCost[colOf(was, i)]!
    })
    if (delta < -TOL) continue
    const v = last.values.slice()
    next.forEach((k, i) => {
      const was = last.chosen[i]!
      if (k === was) return
      v[colOf(was, i)] = 0
      v[colOf(k, i)] = 1
    })
    // Column bounds first: a locked pair (lower bound 1) cannot be exchanged away.
    if (changed.some((c) => v[c]! < m.colLower[c]! - TOL || v[c]! > m.colUpper[c]! + TOL)) continue
    const rows = new Set<number>()
    for (const c of changed)
      for (let e = rowsOfCol.start[c]!; e < rowsOfCol.start[c + 1]!; e++) rows.add(rowsOfCol.row[e]!)
    for (let r = baseRows; r < m.rowLower.length; r++) rows.add(r)
    let ok = true
    for (const r of rows) {
      const a = activity(v, r)
      if (a < m.rowLower[r]! - TOL || a > m.rowUpper[r]! + TOL) {
        ok = false
        break
      }
    }
    if (ok) return { values: v, chosen: next }
  }
  return null
}

/** The pair index chosen for each open post by column values (−1: vacant). */
function choiceOf(model: StaffingModel, values: Float64Array): number[] {
  const chosen = model.ctx.scenario.openPosts.map(() => -1)
  const { post, size } = model.eligibility
  for (let k = 0; k < size; k++) if (values[model.pairCol[k]!]! > 0.5) chosen[post[k]!] = k
  return chosen
}

/** The column chosen for each open post: its pair, or its vacancy. */
function chosenColumns(model: StaffingModel, p: Proposal): number[] {
  return p.assignments.map((a, i) =>
    a.cadreId === null
      ? model.vacancyCol[i]!
      : model.pairCol[model.eligibility.indexOf(model.ctx.cadreIndex.get(a.cadreId)!, i)]!,
  )
}

const keyOf = (p: Proposal): string => p.assignments.map((a) => a.cadreId ?? '').join('\u0000')

/**
 * What orders proposals of equal objective: their recommendation support (the
 * support component of each placement, summed, to 1e-9, whether or not the
 * fit weighs it), their changes (open posts whose holder changes) and their key.
 */
function tieOrder(scenario: Scenario, p: Proposal): { support: number; changes: number; key: string } {
  let support = 0
  let changes = 0
  for (const a of p.assignments) {
    if (a.cadreId !== null) support += supportOf(scenario, a.cadreId, a.postId)
    if (a.cadreId !== a.incumbentId) changes++
  }
  return { support: Math.round(support * 1e9) / 1e9, changes, key: keyOf(p) }
}

/**
 * Posts where `p` differs from `best`, two proposals of one scenario.
 *
 * @throws TypeError when either is not a proposal, or they staff different
 * scenarios or posts (a programmer error; docs/guide.md, "What throws")
 * @category Proposals
 */
export function diffProposals(best: Proposal, p: Proposal): PostDiff[] {
  requireArgument('diffProposals', 'best', 'a Proposal', best, isProposal(best))
  requireArgument('diffProposals', 'p', 'a Proposal', p, isProposal(p))
  requireArgument(
    'diffProposals',
    'p',
    'a proposal of the same scenario as best, staffing the same posts',
    p,
    (best.scenarioFingerprint === undefined ||
      p.scenarioFingerprint === undefined ||
      best.scenarioFingerprint === p.scenarioFingerprint) &&
      best.assignments.length === p.assignments.length &&
      best.assignments.every((b, i) => b.postId === p.assignments[i]!.postId),
  )
  const out: PostDiff[] = []
  p.assignments.forEach((a, i) => {
    const b = best.assignments[i]!
    if (a.cadreId !== b.cadreId)
      out.push({ postId: a.postId, teamId: a.teamId, best: b.cadreId, here: a.cadreId })
  })
  return out
}

/**
 * The k best proposals of a scenario (see {@link RankOptions}). `timeLimitMs`
 * bounds the whole ranking's solves: once it has passed, an equal-value
 * exchange of the last proposal (a tie, found without a solve) is still
 * taken, nothing else. Fewer than k come back when fewer exist — the
 * ranking is then `complete` — or when a stop (the time limit, an abort, a
 * solver failure) ended it after its first proposal: `complete: false`, with
 * why in `stopped` and the bound on the proposals it did not prove in
 * `nextBound` (see {@link RankingStatus}). A stop before the first proposal
 * is a `Left`, as for `solve`.
 *
 * @category Proposals
 * @param scenario - a decoded scenario
 * @param options - `k`, `mode`, `minDifference`, `differ`, and the options of `solve`
 * @returns the proposals, best first, with whether the ranking is complete, or why there is not even one
 * @example
 * const ranked = await rankProposals(generateScenario({ seed: 1, cadres: 60 }), { k: 3 })
 * isRight(ranked) && ranked.right.map((r) => r.rank) //=> [1, 2, 3]
 * isRight(ranked) && ranked.right.complete //=> true
 */
export async function rankProposals(
  scenario: Scenario,
  options: RankOptions = {},
): Promise<Either<SolveError, Ranking>> {
  const bad = scenarioArgument(scenario)
  if (bad !== null) return left(bad)
  const checked = checkRankOptions(options)
  if (checked._tag === 'Left') return checked
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
): Promise<Either<SolveError, Ranking>> {
  const bad = modelArgument(model)
  if (bad !== null) return left(bad)
  const checked = checkRankOptions(options)
  if (checked._tag === 'Left') return checked
  const k = options.k ?? DEFAULTS.k
  const mode = options.mode ?? DEFAULTS.mode
  // Exact mode takes no other difference (checkRankOptions).
  const d = mode === 'exact' ? 1 : (options.minDifference ?? DEFAULTS.minDifference)
  const deadline = performance.now() + (options.timeLimitMs ?? DEFAULTS.timeLimitMs)
  const cuts: ExtraRow[] = []
  const found: Proposal[] = []
  const differ = options.differ ?? 'posts'
  const rowsOfCol = columnsOf(model.milp)
  // The column values and choice of the last proposal, when it was proven optimal.
  let last: { values: Float64Array; chosen: number[] } | null = null
  // What stopped the ranking before it was complete, and the least bound its solves proved: each
  // round's bound holds for every later round too, whose cuts only remove proposals.
  let stopped: RankingStop | null = null
  let least = Infinity
  const bounded = (b: number | null) => {
    if (b !== null && b < least) least = b
  }
  while (found.length < k) {
    const remaining = deadline - performance.now()
    if (found.length > 0 && options.signal?.aborted) {
      stopped = 'aborted'
      break
    }
    // Out of time, a tie (which costs no solve, below) is still taken; nothing else is.
    const late = found.length > 0 && remaining <= 0
    if (late && last === null) {
      stopped = 'time-limit'
      break
    }
    // Cuts couple posts, so the assignment fast path no longer applies.
    const variant: StaffingModel = { ...model, milp: editMilp(model.milp, { rows: cuts }), hasTeamRows: true }
    // A tie needs no solve: the cuts only remove solutions, so the last optimum bounds this one,
    // and an exchange that keeps the objective and breaks no row (cuts included) reaches it.
    if (last !== null) {
      const tie = tieOf(
        model,
        variant.milp,
        last,
        equalSwaps(model, found, differ, d),
        rowsOfCol,
        model.milp.rowLower.length,
      )
      if (tie !== null) {
        const prev = found[found.length - 1]!
        const p = proposalFromValues(variant, tie.values, {
          status: 'optimal',
          bound: prev.bound,
          backend: prev.backend,
        })
        found.push(p)
        last = tie
        cuts.push(cutOf(model, p, differ, d, `rank:cut:${found.length}`))
        continue
      }
    }
    if (late) {
      stopped = 'time-limit'
      break
    }
    const first = found.length === 0 ? undefined : equalSwaps(model, found, differ, d).next()
    const r = await solveModelValues(variant, {
      ...options,
      timeLimitMs: Math.max(1, remaining),
      fastPath: false,
      ...(first === undefined || first.done === true ? {} : { start: startOf(model, first.value) }),
    })
    if (r._tag === 'Left') {
      if (found.length === 0) return r
      // An infeasible round: no other proposal exists (complete). Else a stop: keep its bound.
      stopped = stopOf(r.left)
      if (r.left._tag === 'TimeLimit') bounded(r.left.bound)
      break
    }
    const p = r.right.proposal
    found.push(p)
    bounded(p.bound)
    const values = r.right.values
    last = p.status === 'optimal' && values !== null ? { values, chosen: choiceOf(model, values) } : null
    cuts.push(cutOf(model, p, differ, d, `rank:cut:${found.length}`))
    if (p.status !== 'optimal') {
      stopped = stopOf(p.status)
      break
    }
  }
  // Equal objectives are ordered for a reason, never by the solver: more recommendation support,
  // then fewer changes, then the cadre ids post by post (docs/proposals.md, "Ties").
  // (Only for post differences: they are symmetric, so reordering ties keeps every cut satisfied.)
  if (mode === 'exact' && (options.differ ?? 'posts') === 'posts') {
    const { scenario } = model.ctx
    const order = new Map(found.map((p) => [p, tieOrder(scenario, p)] as const))
    found.sort((a, b) => {
      const x = order.get(a)!
      const y = order.get(b)!
      return (
        b.objective - a.objective ||
        y.support - x.support ||
        x.changes - y.changes ||
        (x.key < y.key ? -1 : x.key > y.key ? 1 : 0)
      )
    })
  }
  const best = found[0]!
  const ranked = found.map((proposal, i) => ({
    rank: i + 1,
    proposal,
    gapToBest: Math.max(0, Math.round((best.objective - proposal.objective) * 1e6) / 1e6),
    diff: i === 0 ? [] : diffProposals(best, proposal),
  }))
  const status: RankingStatus = {
    complete: stopped === null,
    stopped,
    nextBound: stopped === null || least === Infinity ? null : least,
  }
  return right(Object.assign(ranked, status))
}
