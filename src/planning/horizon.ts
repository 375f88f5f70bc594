/**
 * The exact rotation plan over the whole horizon: one time-indexed MILP whose
 * round blocks are the staffing models of the existing formulation
 * (`formulate`, every rule row and priced pair as one round solves them),
 * joined by rows that carry each round's outcome into the next.
 *
 * Round `r`'s block is the model of the county at the round's month (aged,
 * the cadres at retirement age gone) with open every post that can be open by
 * then in *some* plan: a post opens in the first round its starting holder
 * falls due (must or should move, retires) or at once when it is vacant or
 * among the scenario's `openPosts`, and stays in every later block. Whether it
 * is really open in round `r` follows from the plan:
 *
 * - a holder who is due (must or should move) leaves or stays afresh each
 *   round; having left, they do not come back to the post;
 * - whoever takes a post in the plan keeps it to the end of the horizon
 *   (`z[r] ≥ z[r−1]`: nobody appointed in the plan is due again within it),
 *   unless they reach retirement age, when the post opens again;
 * - a vacant post is open again the next round.
 *
 * A post held on (an appointee, or a holder not due) is closed: its columns
 * cost nothing in that round (an appointment's fit is counted in the round
 * it is made, `fit·(z[r] − z[r−1])`), its team's rows hold only when the team
 * has a post really open that round (a team all closed has its rows lifted by
 * a closed indicator, as the round-by-round plan builds no rows for it), the
 * stability rows count the changes of the round alone (`z[r−1] − z[r]` of
 * each starting holder), and the short-tenure rows apply in the round a post
 * first opens. So the model's objective is, for every plan it admits, the sum
 * of the objectives the rounds' own proposals have on their own counties —
 * the value of a plan (see `docs/planning.md`).
 *
 * An appointee whom a later round's own rules would not appoint (an
 * integrity check grown old, an age limit passed) still holds on: the blocks
 * after the first also have those pairs, the time-bound people rules off, as
 * hold-on columns only. What the model does not admit (documented
 * restrictions): a starting holder who leaves a post and comes back to it,
 * and a horizon in which an appointee would be due to rotate again or reach
 * the term limit. Every round keeps every hard rule: the exact plan never
 * makes the structure rules soft, and every must-move is made by its
 * deadline — unless no plan can make them all: then (built `unforced`) a
 * must-mover may stay, the rules that bar it (`people.mustRotate`,
 * `people.terms`) soft, and the plan kept is first the one with the fewest
 * such stays, then the best of those ({@link solveHorizon}).
 *
 * An appointee whose post is of another rank than theirs takes the post's
 * rank in the month of the round (see `placeProposal`), so their fit in a
 * later round — its experience part, months at rank — depends on the round
 * that appointed them; the model's objective counts it so (see
 * {@link buildHorizon}).
 *
 * @module
 */
import { monthsBetween } from '../domain/time.js'
import type { Cadre, Pair, Post, Scenario, Team, YearMonth } from '../domain/types.js'
import { activityRange, editMilp, formulate, MilpBuilder } from '../model/index.js'
import type { Milp, StaffingModel } from '../model/index.js'
import { contextOf, eligibility } from '../rules/index.js'
import { componentsOf, scoreOf } from '../scoring/fit.js'
import { highsSolver } from '../solvers/highs.js'
import type { RunOptions, SolverResult } from '../solvers/solver.js'
import { dueOf, exemptPosts, forbiddenOf, opensOf, unforcedPolicy } from './rounds.js'
import { retiredBy } from './simulate.js'

/** One round block of the horizon model. @internal */
interface Block {
  readonly at: YearMonth
  readonly scenario: Scenario
  readonly model: StaffingModel
  /** Global column of the block's column 0. */
  readonly offset: number
  /** Position of each open post of the block. */
  readonly openPos: ReadonlyMap<string, number>
  /**
   * Per pair of the block: its cost when it is a fresh choice of the round
   * (the round's own fit less its own penalties), or NaN when the pair is
   * not eligible in the round and can only hold on an earlier appointment.
   */
  readonly fresh: Float64Array
}

/** The horizon model, built. @internal */
export interface HorizonModel {
  readonly milp: Milp
  readonly blocks: readonly Block[]
  /** The round each post first opens in (posts that never open are absent). */
  readonly opens: ReadonlyMap<string, number>
  /** Per round and post (posts opened before the round): the previous round's columns that hold the post on. */
  readonly holdOn: readonly ReadonlyMap<string, readonly number[]>[]
  /**
   * Built `unforced`: the column of each must-mover staying in a round they
   * must move in (empty otherwise: the model forbids those stays).
   */
  readonly mustStays: readonly number[]
}

/** Why the horizon model was not built. @internal */
export type HorizonRefusal =
  | { readonly _tag: 'TooLarge'; readonly columns: number; readonly limit: number; readonly rounds: number }
  | { readonly _tag: 'Locks'; readonly message: string }
  | { readonly _tag: 'TooLong'; readonly message: string }

/**
 * Builds the horizon model, or says why not: more than `maxColumns`
 * columns (counted round by round as the blocks are built, so that a county
 * far over the limit is refused after its first blocks), or a lock of the
 * first round that cannot hold. With `unforced`, a must-mover may stay in
 * their post (the rules that bar it soft, at their penalties) and
 * {@link HorizonModel.mustStays} lists those stays.
 *
 * The fit of an appointee holding a post on is counted as of the round that
 * appointed them: a pair of a cadre and a post of another rank is, in each
 * round `q` it may be chosen afresh, worth its fit in round `q` and then, in
 * every later round `r` it holds on, its fit with the post's rank since
 * `months[q]` (months at rank: the experience part). The pair's columns of a
 * run of rounds only grow (`z[r] ≥ z[r−1]`), so with `a[q] = z[q] − z[q−1]`
 * the value `Σ_q a[q]·A(q)` is linear: column `q` costs `A(q) − A(q+1)`.
 * @internal
 */
export function buildHorizon(
  scenario: Scenario,
  months: readonly YearMonth[],
  maxColumns: number,
  options: { readonly unforced?: boolean } = {},
): { readonly _tag: 'Built'; readonly model: HorizonModel } | HorizonRefusal {
  const count = months.length - 1
  const unforced = options.unforced === true
  // The model holds every appointee in post to the end: a horizon in which an appointee of its
  // first round would be due to move again, or reach the term limit, is beyond it.
  const people = scenario.policy.people
  const span = (to: number) => monthsBetween(months[0]!, months[to]!)
  const termLimit = 12 * people.terms.termYears * people.terms.maxTerms
  if (
    (people.shouldRotate.enabled && span(count - 1) >= people.shouldRotate.years * 12) ||
    (people.mustRotate.enabled && span(count) >= people.mustRotate.years * 12)
  )
    return {
      _tag: 'TooLong',
      message: `the horizon is long enough for an appointee of its first round to be due to rotate again (people.shouldRotate.years ${people.shouldRotate.years}), which the exact plan's model does not hold`,
    }
  if (people.terms.enabled && span(count) >= termLimit)
    return {
      _tag: 'TooLong',
      message: `the horizon is long enough for an appointee of its first round to reach the term limit (people.terms: ${people.terms.maxTerms} × ${people.terms.termYears} years), which the exact plan's model does not hold`,
    }
  const exempt = exemptPosts(scenario)
  const allPosts = scenario.teams.flatMap((t) => t.posts.map((p) => p.id))
  // The holder of each post: the first cadre on the roster who holds it, as the rules read it.
  const startHolder = new Map<string, Cadre>()
  for (const c of scenario.cadres)
    if (c.currentPost !== null && !startHolder.has(c.currentPost.postId))
      startHolder.set(c.currentPost.postId, c)
  const cadreById = new Map(scenario.cadres.map((c) => [c.id, c]))
  const goneAt = (id: string, r: number) => retiredBy(scenario, cadreById.get(id)!, months[r]!)
  // Whether the starting holder of a post is due (must/should move) in round r; null: no holder left.
  const dueAt = (postId: string, r: number): 'must' | 'should' | 'no' | null => {
    const h = startHolder.get(postId)
    if (h === undefined || goneAt(h.id, r)) return null
    return dueOf(scenario, h.currentPost!.since, months[r]!, months[r + 1]!, exempt.has(postId)) ?? 'no'
  }
  const opens = opensOf(scenario, months)

  // The blocks: the county at each round, every post opened by then open.
  const { recommendations: _firstRound, ...later } = scenario
  const blocks: Block[] = []
  let columns = 0
  for (let r = 0; r < count; r++) {
    const at = months[r]!
    const gone = new Set(scenario.cadres.filter((c) => retiredBy(scenario, c, at)).map((c) => c.id))
    const cadres = scenario.cadres
      .filter((c) => !gone.has(c.id))
      .map((c) =>
        c.kin.some((k) => gone.has(k.cadreId)) ? { ...c, kin: c.kin.filter((k) => !gone.has(k.cadreId)) } : c,
      )
    const openPosts = allPosts.filter((p) => (opens.get(p) ?? Infinity) <= r)
    const must: Pair[] = openPosts.flatMap((p) =>
      dueAt(p, r) === 'must' ? [{ cadreId: startHolder.get(p)!.id, postId: p }] : [],
    )
    const s: Scenario = {
      // The scenario's recommendation tallies are the first round's (as placeProposal ends them).
      ...(r === 0 ? scenario : later),
      ...(unforced ? { policy: unforcedPolicy(scenario.policy) } : {}),
      asOf: at,
      cadres,
      openPosts,
      // Locks: the first round's; forbidden pairs: every round's (as openRound has them).
      locks: r === 0 ? scenario.locks : [],
      forbidden: [...forbiddenOf(scenario, cadres), ...(unforced ? [] : must)],
    }
    // After the first round, the block also has a column for every pair an earlier round could
    // have appointed and the round's own rules would not appoint now (an integrity check grown
    // old, an age limit passed, the first round's recommendation tallies gone): the appointee holds
    // the post on, which no rule of the round re-checks. Those columns can only hold on (`fresh` NaN).
    const own = s.policy.people
    const off = <T extends { readonly enabled: boolean }>(rule: T): T => ({ ...rule, enabled: false })
    const holdOnRules: Scenario['policy']['people'] = {
      ...own,
      age: off(own.age),
      integrity: off(own.integrity),
      retirement: off(own.retirement),
      assessment: off(own.assessment),
      terms: off(own.terms),
      levelYears: off(own.levelYears),
      recommendation: off(own.recommendation),
    }
    const model = formulate(r === 0 ? s : { ...s, policy: { ...s.policy, people: holdOnRules } })
    const lock = model.conflicts.find((c) => c.code === 'lock')
    if (lock !== undefined) return { _tag: 'Locks', message: lock.message }
    const fresh = new Float64Array(model.pairCol.length)
    if (r === 0) for (let k = 0; k < fresh.length; k++) fresh[k] = model.milp.colCost[model.pairCol[k]!]!
    else {
      const own = eligibility(contextOf(s))
      const el = model.eligibility
      for (let k = 0; k < fresh.length; k++) {
        const q = own.indexOf(el.cadre[k]!, el.post[k]!)
        fresh[k] = q < 0 ? NaN : model.pairFit[k]! - own.penalty[q]!
      }
    }
    blocks.push({
      at,
      scenario: s,
      model,
      offset: columns,
      openPos: new Map(openPosts.map((p, i) => [p, i])),
      fresh,
    })
    columns += model.milp.colNames.length
    if (columns > maxColumns) return { _tag: 'TooLarge', columns, limit: maxColumns, rounds: r + 1 }
  }

  // Columns: the blocks' own, costs adjusted below, then the closed indicators and stability columns.
  const cost = blocks.map((b) => Float64Array.from(b.model.milp.colCost))
  const upper = blocks.map((b) => Float64Array.from(b.model.milp.colUpper))
  blocks.forEach((b, r) => {
    const { pairCol, eligibility: el } = b.model
    for (let k = 0; k < pairCol.length; k++) {
      const f = b.fresh[k]!
      cost[r]![pairCol[k]!] = Number.isNaN(f) ? b.model.pairFit[k]! : f
      // A pair of a post that opens this round is a fresh choice or none.
      if (Number.isNaN(f) && opens.get(b.scenario.openPosts[el.post[k]!]!) === r) upper[r]![pairCol[k]!] = 0
    }
  })
  // The pair (cadre, post) of block r: its index, its column (−1: none).
  const pairOf = (r: number, cadreId: string, postId: string): number => {
    const b = blocks[r]!
    const c = b.model.ctx.cadreIndex.get(cadreId)
    const i = b.openPos.get(postId)
    return c === undefined || i === undefined ? -1 : b.model.eligibility.indexOf(c, i)
  }
  const colOf = (r: number, cadreId: string, postId: string): number => {
    const k = pairOf(r, cadreId, postId)
    return k < 0 ? -1 : blocks[r]!.model.pairCol[k]!
  }
  type Entry = readonly [col: number, coef: number]
  const links: { name: string; entries: Entry[]; lower: number; upper: number }[] = []
  const holdOn: Map<string, number[]>[] = blocks.map(() => new Map())
  // Per round q: a pair of another holder than the starting one → the same pair in round q + 1, held on.
  const heldNext: Map<number, number>[] = blocks.map(() => new Map())
  const g = (r: number, col: number) => blocks[r]!.offset + col
  for (let r = 1; r < count; r++) {
    const b = blocks[r]!
    const prev = blocks[r - 1]!
    const { eligibility: el, pairCol, ctx } = b.model
    b.scenario.openPosts.forEach((postId, i) => {
      if (opens.get(postId)! >= r) return
      const holder = startHolder.get(postId)?.id
      const due = dueAt(postId, r)
      const held: number[] = []
      holdOn[r]!.set(postId, held)
      for (let k = el.postStart[i]!; k < el.postStart[i + 1]!; k++) {
        const cadreId = b.scenario.cadres[el.cadre[k]!]!.id
        const col = pairCol[k]!
        const before = colOf(r - 1, cadreId, postId)
        const fresh = b.fresh[k]!
        if (cadreId === holder && (due === 'must' || due === 'should')) {
          // A due holder stays or leaves afresh (the post is really open); having left, not back.
          if (before < 0 || Number.isNaN(fresh)) upper[r]![col] = 0
          else
            links.push({
              name: `r${r}:back:${cadreId}:${postId}`,
              entries: [
                [g(r, col), 1],
                [g(r - 1, before), -1],
              ],
              lower: -Infinity,
              upper: 0,
            })
          continue
        }
        // Anyone else in the post before the round holds it on (an appointee; a holder not due),
        // their fit counted again this round, without the penalties of an appointment.
        cost[r]![col] = b.model.pairFit[k]!
        if (before < 0) {
          // Nobody to hold on: a fresh appointment, or nothing.
          if (cadreId === holder || Number.isNaN(fresh)) upper[r]![col] = 0
          else cost[r]![col] = fresh
          continue
        }
        held.push(g(r - 1, before))
        if (cadreId !== holder) heldNext[r - 1]!.set(pairOf(r - 1, cadreId, postId), k)
        // A pair the round would not choose afresh only holds on.
        const onlyHold = cadreId === holder || Number.isNaN(fresh)
        links.push({
          name: `r${r}:hold:${cadreId}:${postId}`,
          entries: [
            [g(r, col), 1],
            [g(r - 1, before), -1],
          ],
          lower: 0,
          upper: onlyHold ? 0 : Infinity,
        })
        if (!onlyHold) {
          // A fresh appointment pays the round's penalties of the pair; holding on does not:
          // fit − penalty·(z[r] − z[r−1]).
          const penalty = b.model.pairFit[k]! - fresh
          cost[r]![col] = fresh
          cost[r - 1]![before] = cost[r - 1]![before]! + penalty
        }
      }
      // Who held the post before and has no pair now: gone (retired; the post opens), or not admitted.
      const pi = prev.openPos.get(postId)!
      const pel = prev.model.eligibility
      for (let k = pel.postStart[pi]!; k < pel.postStart[pi + 1]!; k++) {
        const cadreId = prev.scenario.cadres[pel.cadre[k]!]!.id
        if (ctx.cadreIndex.get(cadreId) === undefined) continue
        if (colOf(r, cadreId, postId) >= 0) continue
        if (cadreId === holder && (due === 'must' || due === 'should')) continue
        upper[r - 1]![prev.model.pairCol[k]!] = 0
      }
    })
  }

  // An appointee to a post of another rank holds it on with the post's rank since the round that
  // appointed them (placeProposal): their fit in round r > q, appointed in round q, is f(r, q). A
  // run of a pair's columns q0..e counts Σ_r fit(r)·z[r] so far (the block's fit, the cadre's own
  // rank); with D(q) = Σ_{r>q} (f(r, q) − fit(r)) over the run, column q gains D(q) − D(q+1), and
  // the run is worth, appointed in round q, exactly its fits as of then.
  const postOf = new Map<string, { readonly post: Post; readonly team: Team }>()
  for (const team of scenario.teams) for (const post of team.posts) postOf.set(post.id, { post, team })
  const heldFitAs = (r: number, cadre: Cadre, post: Post, team: Team, since: YearMonth): number => {
    const s = blocks[r]!.scenario
    return scoreOf(s, componentsOf(s, { ...cadre, rank: post.rank, rankSince: since }, post, team))
  }
  /** D(q) of the pair `k` of block q. */
  const rankGain = (q: number, k: number): number => {
    const b = blocks[q]!
    const postId = b.scenario.openPosts[b.model.eligibility.post[k]!]!
    const { post, team } = postOf.get(postId)!
    let d = 0
    for (let r = q + 1, at = heldNext[q]!.get(k); at !== undefined; at = heldNext[r]?.get(at), r++) {
      const br = blocks[r]!
      const cadre = br.scenario.cadres[br.model.eligibility.cadre[at]!]!
      d += heldFitAs(r, cadre, post, team, months[q]!) - br.model.pairFit[at]!
    }
    return d
  }
  blocks.forEach((b, q) => {
    const { eligibility: el, pairCol } = b.model
    for (let k = 0; k < pairCol.length; k++) {
      const postId = b.scenario.openPosts[el.post[k]!]!
      const cadre = b.scenario.cadres[el.cadre[k]!]!
      if (cadre.rank === postOf.get(postId)!.post.rank || startHolder.get(postId)?.id === cadre.id) continue
      const next = heldNext[q]!.get(k)
      const gain = rankGain(q, k) - (next === undefined ? 0 : rankGain(q + 1, next))
      if (gain !== 0) cost[q]![pairCol[k]!] = cost[q]![pairCol[k]!]! + gain
    }
  })

  // Unforced: each stay of a must-mover in a round they must move in.
  const mustStays: number[] = []
  if (unforced)
    for (let r = 0; r < count; r++)
      for (const postId of blocks[r]!.scenario.openPosts) {
        if (dueAt(postId, r) !== 'must') continue
        const col = colOf(r, startHolder.get(postId)!.id, postId)
        if (col >= 0 && upper[r]![col]! > 0) mustStays.push(g(r, col))
      }

  const b = new MilpBuilder()
  blocks.forEach((blk, r) => {
    const m = blk.model.milp
    for (let j = 0; j < m.colCost.length; j++)
      b.addColumn(`r${r}|${m.colNames[j]!}`, cost[r]![j]!, m.colLower[j]!, upper[r]![j]!, m.integer[j] === 1)
  })
  // Extra entries of block rows (closed indicators), and rows lifted in later rounds.
  const extra = blocks.map(() => new Map<number, Entry[]>())
  const lifted = blocks.map(() => new Set<number>())
  const added: { name: string; entries: Entry[]; lower: number; upper: number }[] = [...links]
  const policy = scenario.policy
  for (let r = 1; r < count; r++) {
    const blk = blocks[r]!
    const m = blk.model
    const opensNow = (postId: string) => opens.get(postId) === r
    // The round's stability rows are written below from the changes of the round.
    for (const rr of m.ruleRows) {
      if (rr.code === 'stability.max-changed' || rr.code === 'stability.heads-not-both')
        lifted[r]!.add(rr.row)
      if (rr.code === 'tenure.short-move') {
        const name = m.milp.rowNames[rr.row]!
        const postId = allPosts.find((p) => name.startsWith(`post:${p}:keep-`))
        if (postId !== undefined && !opensNow(postId)) lifted[r]!.add(rr.row)
      }
    }
    for (const team of scenario.teams) {
      const earlier = team.posts.filter((p) => (opens.get(p.id) ?? Infinity) < r)
      if (earlier.length === 0 || team.posts.some((p) => opensNow(p.id))) continue
      // Closed: every post opened earlier is held on; then the team has no open post this round.
      const lo = b.addColumn(`r${r}|closed:${team.id}:lower`, 0, 0, 1, false)
      const hi = b.addColumn(`r${r}|closed:${team.id}:upper`, 0, 0, 1, false)
      for (const p of earlier)
        for (const c of [lo, hi])
          added.push({
            name: `r${r}:closed:${team.id}:${p.id}`,
            entries: [[c, 1], ...(holdOn[r]!.get(p.id) ?? []).map((h): Entry => [h, -1])],
            lower: -Infinity,
            upper: 0,
          })
      for (const rr of m.ruleRows) {
        if (rr.teamId !== team.id || lifted[r]!.has(rr.row)) continue
        if (m.milp.rowNames[rr.row]!.includes('kin-supervised')) continue
        const { least, most } = activityRange(m.milp, rr.row)
        const entries: Entry[] = []
        const L = m.milp.rowLower[rr.row]!
        const U = m.milp.rowUpper[rr.row]!
        if (L > -Infinity && L - least > 1e-9) entries.push([lo, L - least])
        if (U < Infinity && most - U > 1e-9) entries.push([hi, -(most - U)])
        if (entries.length > 0) extra[r]!.set(rr.row, entries)
      }
    }
    // Stability of the round: at most `allowed` starting holders of a team leave it this round.
    const stay = (postId: string, q: number): number | 'one' | null => {
      // The holder's stay column in round q; before the post opens, the holder is in it ('one').
      if (q < opens.get(postId)!) return 'one'
      const h = startHolder.get(postId)!.id
      const col = colOf(q, h, postId)
      return col < 0 ? null : g(q, col)
    }
    const leaves = (postId: string): { entries: Entry[]; constant: number } => {
      const entries: Entry[] = []
      let constant = 0
      const before = stay(postId, r - 1)
      const now = stay(postId, r)
      if (before === 'one') constant += 1
      else if (before !== null) entries.push([before, 1])
      if (now === 'one') constant -= 1
      else if (now !== null) entries.push([now, -1])
      return { entries, constant }
    }
    const starting = (postId: string) =>
      startHolder.has(postId) &&
      (opens.get(postId) ?? Infinity) <= r &&
      m.ctx.cadreIndex.has(startHolder.get(postId)!.id)
    const maxChanged = policy.stability.maxChanged
    if (maxChanged.enabled)
      for (const team of scenario.teams) {
        const posts = team.posts.filter((p) => starting(p.id))
        const allowed = Math.max(
          maxChanged.minAllowed,
          Math.floor(maxChanged.maxChangedShare * team.posts.length + 1e-9),
        )
        if (posts.length <= allowed) continue
        const entries: Entry[] = []
        let constant = 0
        for (const p of posts) {
          const l = leaves(p.id)
          entries.push(...l.entries)
          constant += l.constant
        }
        if (!maxChanged.hard)
          entries.push([
            b.addColumn(`r${r}|slack:${team.id}:changed`, -maxChanged.penalty, 0, posts.length, false),
            -1,
          ])
        added.push({
          name: `r${r}:team:${team.id}:changed<=${allowed}`,
          entries,
          lower: -Infinity,
          upper: allowed - constant,
        })
      }
    const heads = policy.stability.headsNotBoth
    if (heads.enabled) {
      const units = new Map<string, { party: string[]; gov: string[] }>()
      for (const team of scenario.teams)
        for (const post of team.posts) {
          if (post.role !== 'party-head' && post.role !== 'government-head') continue
          if (!starting(post.id)) continue
          const unit = team.unit === '' ? team.id : team.unit
          const u = units.get(unit) ?? { party: [], gov: [] }
          units.set(unit, u)
          ;(post.role === 'party-head' ? u.party : u.gov).push(post.id)
        }
      for (const [unit, u] of [...units].sort((x, y) => (x[0] < y[0] ? -1 : 1))) {
        if (u.party.length === 0 || u.gov.length === 0) continue
        const side = (tag: string, posts: string[]) => {
          const z = b.addColumn(`r${r}|changed:${unit}:${tag}`, 0, 0, 1, false)
          for (const p of posts) {
            const l = leaves(p)
            added.push({
              name: `r${r}:unit:${unit}:${tag}-changed:${p}`,
              entries: [[z, 1], ...l.entries.map(([c, v]): Entry => [c, -v])],
              lower: l.constant,
              upper: Infinity,
            })
          }
          return z
        }
        const entries: Entry[] = [
          [side('party-head', u.party), 1],
          [side('government-head', u.gov), 1],
        ]
        if (!heads.hard)
          entries.push([b.addColumn(`r${r}|slack:${unit}:heads`, -heads.penalty, 0, 1, false), -1])
        added.push({ name: `r${r}:unit:${unit}:heads-not-both`, entries, lower: -Infinity, upper: 1 })
      }
    }
  }
  blocks.forEach((blk, r) => {
    const m = blk.model.milp
    for (let row = 0; row < m.rowNames.length; row++) {
      const cols: number[] = []
      const coefs: number[] = []
      for (let e = m.rowStarts[row]!; e < m.rowStarts[row + 1]!; e++) {
        cols.push(blk.offset + m.rowIndex[e]!)
        coefs.push(m.rowValue[e]!)
      }
      for (const [c, v] of extra[r]!.get(row) ?? []) {
        cols.push(c)
        coefs.push(v)
      }
      const off = lifted[r]!.has(row)
      b.addRow(
        `r${r}|${m.rowNames[row]!}`,
        cols,
        coefs,
        off ? -Infinity : m.rowLower[row]!,
        off ? Infinity : m.rowUpper[row]!,
      )
    }
  })
  for (const a of added)
    b.addRow(
      a.name,
      a.entries.map((e) => e[0]),
      a.entries.map((e) => e[1]),
      a.lower,
      a.upper,
    )
  return { _tag: 'Built', model: { milp: b.build(), blocks, opens, holdOn, mustStays } }
}

/** The plan the horizon model chose: per round, the cadre of each post really open (null: vacant). @internal */
export interface HorizonChoice {
  readonly status: 'optimal' | 'time-limit' | 'interrupted' | 'memory-limit'
  readonly objective: number
  readonly bound: number | null
  readonly rounds: readonly ReadonlyMap<string, string | null>[]
}

/** Why the horizon model's solve ended without a plan. @internal */
export interface HorizonStop {
  readonly stopped: 'time-limit' | 'interrupted' | 'failed'
  readonly message: string
}

/**
 * Solves the horizon model and reads the plan; `null` when it is infeasible.
 * A model built `unforced` is solved twice: first for the fewest stays of
 * must-movers (an objective of one per stay, nothing else), then for the
 * best plan with at most that many (its `bound` is that plan's: among the
 * plans keeping as few must-movers).
 * @internal
 */
export async function solveHorizon(
  h: HorizonModel,
  options: RunOptions,
): Promise<HorizonChoice | HorizonStop | null> {
  const stopped = (r: SolverResult): HorizonStop | null =>
    r.values !== null && r.objective !== null
      ? null
      : r.status === 'time-limit' || r.status === 'interrupted'
        ? { stopped: r.status, message: `no plan found before the solve stopped (${r.status})` }
        : { stopped: 'failed', message: r.message ?? `status ${r.status}` }
  let milp = h.milp
  let fewestStatus: SolverResult['status'] = 'optimal'
  if (h.mustStays.length > 0) {
    const colCosts = Array.from(milp.colCost, (_, c): [number, number] => [c, 0])
    for (const c of h.mustStays) colCosts[c] = [c, -1]
    const first = await highsSolver.solve(editMilp(milp, { colCosts }), options)
    if (first.status === 'infeasible') return null
    const stop = stopped(first)
    if (stop !== null) return stop
    const kept = h.mustStays.filter((c) => first.values![c]! > 0.5).length
    fewestStatus = first.status
    milp = editMilp(milp, {
      rows: [
        {
          name: 'must-movers-kept',
          cols: h.mustStays,
          coefs: h.mustStays.map(() => 1),
          lower: -Infinity,
          upper: kept,
        },
      ],
    })
  }
  const r = await highsSolver.solve(milp, options)
  if (r.status === 'infeasible') return null
  const stop = stopped(r)
  if (stop !== null) return stop
  const x = r.values!
  const rounds = h.blocks.map((blk, q) => {
    const chosen = new Map<string, string | null>()
    const m = blk.model
    blk.scenario.openPosts.forEach((postId, i) => {
      // Closed this round: held on by whoever holds it (an appointee, or a holder not due).
      if (h.opens.get(postId)! < q && (h.holdOn[q]!.get(postId) ?? []).some((c) => x[c]! > 0.5)) return
      let who: string | null = null
      for (let k = m.eligibility.postStart[i]!; k < m.eligibility.postStart[i + 1]!; k++)
        if (x[blk.offset + m.pairCol[k]!]! > 0.5) who = blk.scenario.cadres[m.eligibility.cadre[k]!]!.id
      chosen.set(postId, who)
    })
    return chosen
  })
  // The fewest stays not proven: the plan is not proven best either.
  const worst = r.status === 'optimal' ? fewestStatus : r.status
  const status =
    worst === 'optimal'
      ? 'optimal'
      : worst === 'interrupted'
        ? 'interrupted'
        : worst === 'memory-limit'
          ? 'memory-limit'
          : 'time-limit'
  return { status, objective: r.objective!, bound: r.bound, rounds }
}
