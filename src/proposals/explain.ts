/**
 * Explanations of a proposal: what each rule costs (how much the objective
 * would gain without it, found by re-solving the same formulation with that
 * rule relaxed), and for each post, why this cadre and not the runners-up.
 *
 * @module
 */
import type { Either } from 'fp-ts/lib/Either.js'
import { left, right } from 'fp-ts/lib/Either.js'
import type { PairRuleCode, TeamRuleCode } from '../domain/codes.js'
import type { FitComponents, Proposal, ProposalStatus } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { editMilp, formulate } from '../model/index.js'
import { pairReach } from '../model/reach.js'
import type { MilpEdit, StaffingModel } from '../model/index.js'
import { PAIR_FLAG, pairVerdicts } from '../rules/index.js'
import { componentsOf, scoreOf } from '../scoring/fit.js'
import type { SolveError, SolveOptions } from './solve.js'
import { backendOf, SOLVE_OPTION_SPEC, solveModel } from './solve.js'
import { columnsAt } from './columns.js'
import {
  checkOptions,
  numberOption,
  oneOfOption,
  proposalOf,
  scenarioArgument,
  unknownId,
  type InvalidCall,
  type OptionSpec,
} from '../io/door.js'

/** What one rule costs the proposal. @category Proposals */
export interface RuleCost {
  readonly code: TeamRuleCode | PairRuleCode | 'avoidance.kin'
  readonly hard: boolean
  /**
   * Objective gained if the rule were dropped: 0 means it does not bind. For
   * `bounded`, the least it gains (what the stopped re-solve found). Never
   * clamped: a negative cost (beyond the solver's 1e-6 tolerance) means the
   * re-solve without the rule found less than the proposal — the proposal is
   * not an optimum of this scenario, or a solve went wrong — and is reported
   * as such.
   */
  readonly cost: number
  /**
   * The most the rule can cost: `cost` itself when `exact`; for `bounded`,
   * the stopped re-solve's proven bound (on the objective without the rule)
   * less the proposal's objective, or `null` when it proved none; `null` for
   * `estimate`.
   */
  readonly upper: number | null
  /** Teams where the rule binds: a soft rule's penalty is paid there, or one of its rows (hard or soft) is tight. */
  readonly teamIds: readonly string[]
  /**
   * `exact`: by re-solving without the rule, proven optimal; `bounded`: that
   * re-solve stopped before its proof (time limit, abort, memory), so the cost
   * lies in `[cost, upper]` (see `status`); `estimate`: from the LP
   * relaxation's duals (see {@link ExplainOptions.costs}).
   */
  readonly method: 'exact' | 'bounded' | 'estimate'
  /** How the re-solve without the rule ended, for `exact` and `bounded`. */
  readonly status?: ProposalStatus
}

/** Why a candidate is not in a post. @category Proposals */
export type RunnerUpOutcome =
  | { readonly _tag: 'PlacedElsewhere'; readonly postId: string }
  | { readonly _tag: 'LowerFit'; readonly by: number }
  | {
      /** A higher fit, but soft rules the pair breaks cost more than the difference. */
      readonly _tag: 'Penalised'
      readonly codes: readonly PairRuleCode[]
      readonly amount: number
    }
  | {
      /** The post is locked to the chosen cadre. */
      readonly _tag: 'Locked'
    }
  | {
      /** Higher fit, not placed: the team rules and the other posts make the whole better without them. */
      readonly _tag: 'TeamRules'
    }
  | {
      readonly _tag: 'Blocked'
      readonly codes: readonly PairRuleCode[]
      readonly messages: readonly string[]
    }

/** A candidate who did not get a post. @category Proposals */
export interface RunnerUp {
  readonly cadreId: string
  readonly fit: number
  readonly outcome: RunnerUpOutcome
}

/** One post of the proposal, explained. @category Proposals */
export interface PostExplanation {
  readonly postId: string
  readonly teamId: string
  readonly cadreId: string | null
  readonly fit: number
  readonly components: FitComponents | null
  /** The best eligible candidates not chosen, by fit. */
  readonly runnersUp: readonly RunnerUp[]
  /** The best-fitting candidates a hard rule blocks. */
  readonly blocked: readonly RunnerUp[]
}

/** @category Proposals */
export interface Explanation {
  readonly objective: number
  /** Every rule that could bind, most costly first. Empty when `costs: 'none'`. */
  readonly ruleCosts: readonly RuleCost[]
  readonly posts: readonly PostExplanation[]
}

/** Options of {@link explainProposal}. @category Proposals */
export interface ExplainOptions extends SolveOptions {
  /**
   * How rules are priced. `exact`: re-solve once per rule without it.
   * `estimate`: one LP relaxation — the sum over the rule's binding rows of
   * the row's dual `|y_r|`, the value of moving its bound by one unit (one
   * woman fewer needed, one more member of a field allowed; less when the row
   * cannot move that far); for a soft pair rule, the largest gain of one
   * penalised pair once its penalty is gone (its reduced cost plus the
   * penalty); and at least the soft penalties the proposal pays for the rule
   * (saved exactly by dropping it): a first-order estimate that
   * can differ from the exact cost both ways (an integrality gap the LP does
   * not see reads as 0, a rule binding by several units reads as one).
   * Needs a backend that gives duals (HiGHS). `none`: skip pricing.
   * @defaultValue 'exact'
   */
  readonly costs?: 'exact' | 'estimate' | 'none'
  /** Runners-up and blocked candidates listed per post, an integer ≥ 0. @defaultValue 3 */
  readonly runnersUp?: number
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6

/** The checks of {@link ExplainOptions}' keys. @internal */
export const EXPLAIN_OPTION_SPEC: OptionSpec = {
  ...SOLVE_OPTION_SPEC,
  costs: oneOfOption(['exact', 'estimate', 'none']),
  runnersUp: numberOption({ min: 0, integer: true }),
}

/**
 * The door of a call about a proposal of a scenario: a scenario, options that
 * pass `spec`, and a proposal of that scenario.
 * @internal
 */
export function proposalDoor(
  scenario: unknown,
  proposal: unknown,
  options: unknown,
  spec: OptionSpec,
): InvalidCall | null {
  const bad = scenarioArgument(scenario)
  if (bad !== null) return bad
  const checked = checkOptions(options, spec)
  if (checked._tag === 'Left') return checked.left
  return proposalOf(scenario as Scenario, proposal)
}

/** The relaxation that drops every instance of one rule. */
function dropRule(model: StaffingModel, code: RuleCost['code']): MilpEdit {
  const rowBounds = model.ruleRows
    .filter((r) => r.code === code && r.hard)
    .map((r) => [r.row, -Infinity, Infinity] as const)
  const colCosts: (readonly [number, number])[] = model.slacks
    .filter((s) => s.code === code)
    .map((s) => [s.col, 0])
  const elig = model.eligibility
  for (let k = 0; k < elig.size; k++) {
    if ((elig.flags[k]! & PAIR_FLAG.penalised) === 0) continue
    const pen = elig
      .penaltiesOf(k)
      .filter((x) => x.code === code)
      .reduce((s, x) => s + x.amount, 0)
    if (pen > 0) colCosts.push([model.pairCol[k]!, model.milp.colCost[model.pairCol[k]!]! + pen])
  }
  return { rowBounds, colCosts }
}

/** The rules of a model that may bind: every rule row, soft slack and soft pair penalty. */
function rulesOf(model: StaffingModel): { code: RuleCost['code']; hard: boolean }[] {
  const seen = new Map<string, boolean>()
  for (const r of model.ruleRows) seen.set(r.code, (seen.get(r.code) ?? false) || r.hard)
  const elig = model.eligibility
  for (let k = 0; k < elig.size; k++)
    if ((elig.flags[k]! & PAIR_FLAG.penalised) !== 0)
      for (const x of elig.penaltiesOf(k)) if (!seen.has(x.code)) seen.set(x.code, false)
  return [...seen.entries()]
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([code, hard]) => ({ code: code as RuleCost['code'], hard }))
}

/**
 * Teams where a rule binds in the proposal: a soft rule's penalty is paid
 * there, or one of its rows is tight (at a bound), hard or soft: a soft row
 * met exactly binds as a hard one does (it counted none before: the sample
 * county's age bands, costing 230.6, were said to bind in 0 teams).
 */
function bindingTeams(
  model: StaffingModel,
  p: Proposal,
  x: Float64Array | null,
  code: RuleCost['code'],
): string[] {
  const teams = new Set<string>()
  for (const pen of p.penalties) if (pen.code === code && pen.teamId !== null) teams.add(pen.teamId)
  if (x === null) return [...teams].sort()
  const m = model.milp
  for (const r of model.ruleRows) {
    if (r.code !== code || r.teamId === null) continue
    let act = 0
    for (let e = m.rowStarts[r.row]!; e < m.rowStarts[r.row + 1]!; e++)
      act += m.rowValue[e]! * x[m.rowIndex[e]!]!
    if (Math.abs(act - m.rowLower[r.row]!) < 1e-6 || Math.abs(act - m.rowUpper[r.row]!) < 1e-6)
      teams.add(r.teamId)
  }
  return [...teams].sort()
}

function explainPosts(model: StaffingModel, p: Proposal, limit: number): PostExplanation[] {
  const { scenario } = model.ctx
  const placedAt = new Map(p.assignments.filter((a) => a.cadreId !== null).map((a) => [a.cadreId!, a.postId]))
  const elig = model.eligibility
  const eligibleByPost = scenario.openPosts.map((_, i) => {
    const ks: number[] = []
    for (let k = elig.postStart[i]!; k < elig.postStart[i + 1]!; k++) ks.push(k)
    return ks
  })
  const pairOf = (cadreId: string, postPos: number): number | undefined => {
    const c = model.ctx.cadreIndex.get(cadreId)
    const k = c === undefined ? -1 : elig.indexOf(c, postPos)
    return k < 0 ? undefined : k
  }
  const lockedPosts = new Set(model.lockCols.map((l) => l.postId))
  return p.assignments.map((a, i) => {
    // The chosen pair's net value (fit less its soft pair penalties): what a runner-up must beat.
    const chosen = a.cadreId === null ? undefined : pairOf(a.cadreId, i)
    const chosenNet = chosen === undefined ? -scenario.policy.vacancy.penalty : a.fit - elig.penalty[chosen]!
    const others = eligibleByPost[i]!.filter((k) => scenario.cadres[elig.cadre[k]!]!.id !== a.cadreId)
      .sort((x, y) => model.pairFit[y]! - model.pairFit[x]! || x - y)
      .slice(0, limit)
      .map((k): RunnerUp => {
        const id = scenario.cadres[elig.cadre[k]!]!.id
        const fit = model.pairFit[k]!
        const elsewhere = placedAt.get(id)
        const pair = elig.pairAt(k)
        const outcome: RunnerUpOutcome =
          elsewhere !== undefined
            ? { _tag: 'PlacedElsewhere', postId: elsewhere }
            : lockedPosts.has(a.postId)
              ? { _tag: 'Locked' }
              : // Worth more than the chosen pair net of their penalties: only the team's rules explain it.
                fit - pair.penalty > chosenNet + 1e-9
                ? { _tag: 'TeamRules' }
                : fit <= a.fit
                  ? { _tag: 'LowerFit', by: round6(a.fit - fit) }
                  : { _tag: 'Penalised', codes: pair.penalties.map((x) => x.code), amount: pair.penalty }
        return { cadreId: id, fit, outcome }
      })
    const eligible = new Set(eligibleByPost[i]!.map((k) => elig.cadre[k]!))
    const loc = model.ctx.postLocation.get(a.postId)!
    const team = scenario.teams[loc.team]!
    const post = team.posts[loc.slot]!
    const blocked = model.ctx.candidates
      .filter((c) => !eligible.has(c))
      .map((c) => ({ c, fit: scoreOf(scenario, componentsOf(scenario, scenario.cadres[c]!, post, team)) }))
      .sort((x, y) => y.fit - x.fit || x.c - y.c)
      .slice(0, limit)
      .map(({ c, fit }): RunnerUp => {
        const verdicts = pairVerdicts(model.ctx, c, a.postId).filter((v) => v._tag === 'blocked')
        return {
          cadreId: scenario.cadres[c]!.id,
          fit,
          outcome: {
            _tag: 'Blocked',
            codes: verdicts.map((v) => (v._tag === 'blocked' ? v.code : 'forbidden-pair')),
            messages: verdicts.map((v) => (v._tag === 'blocked' ? v.message : '')),
          },
        }
      })
    return {
      postId: a.postId,
      teamId: a.teamId,
      cadreId: a.cadreId,
      fit: a.fit,
      components: a.components,
      runnersUp: others,
      blocked,
    }
  })
}

/**
 * Explains a proposal of a scenario: each rule's cost and, per post, the
 * chosen cadre's fit and why the runners-up lost.
 *
 * @category Proposals
 * @param scenario - the scenario the proposal staffs
 * @param proposal - a proposal of that scenario (from `solve` or `rankProposals`)
 * @param options - `costs`, `runnersUp`, and the options of `solve` for the re-solves
 * @returns the explanation, or why the re-solves failed
 * @example
 * const s = generateScenario({ seed: 1, cadres: 60 })
 * const p = await solve(s)
 * const e = isRight(p) && (await explainProposal(s, p.right))
 * e && isRight(e) && e.right.posts.length === s.openPosts.length //=> true
 */
export async function explainProposal(
  scenario: Scenario,
  proposal: Proposal,
  options: ExplainOptions = {},
): Promise<Either<SolveError, Explanation>> {
  const refused = proposalDoor(scenario, proposal, options, EXPLAIN_OPTION_SPEC)
  if (refused !== null) return left(refused)
  const model = formulate(scenario)
  const posts = explainPosts(model, proposal, options.runnersUp ?? 3)
  if ((options.costs ?? 'exact') === 'none')
    return right({ objective: proposal.objective, ruleCosts: [], posts })
  const deadline = performance.now() + (options.timeLimitMs ?? 60_000)
  const at = columnsAt(model, proposal)
  if (options.costs === 'estimate') {
    const est = await estimatedCosts(model, proposal, at, options)
    return est._tag === 'Left' ? est : right({ objective: proposal.objective, ruleCosts: est.right, posts })
  }
  const ruleCosts: RuleCost[] = []
  for (const { code, hard } of rulesOf(model)) {
    const remaining = deadline - performance.now()
    // An abort answers as every solve's does, not as the deadline.
    if (options.signal?.aborted)
      return left({
        _tag: 'Aborted',
        message: `aborted before the rule costs were finished (${code} and after)`,
      })
    if (remaining <= 0)
      return left({
        _tag: 'TimeLimit',
        bound: null,
        message: `rule costs not finished within the time limit (${code} and after)`,
      })
    const relaxed: StaffingModel = {
      ...model,
      milp: editMilp(model.milp, dropRule(model, code)),
      hasTeamRows: true,
    }
    const r = await solveModel(relaxed, { ...options, timeLimitMs: remaining, fastPath: false })
    if (r._tag === 'Left') return r
    // The relaxed proposal still reports the dropped rule's penalties (its staffing's shortfalls, as
    // every proposal does); without the rule they are not paid.
    const unpaid = r.right.penalties.filter((x) => x.code === code).reduce((t, x) => t + x.amount, 0)
    // Within the solver's tolerance (docs/guide.md) a difference is none; past it, as found.
    const gained = (v: number) => (Math.abs(v) <= 2e-6 ? 0 : round6(v))
    const cost = gained(r.right.objective + unpaid - proposal.objective)
    const status = r.right.status
    // The re-solve's bound is on the relaxed model's objective, where the dropped rule costs nothing
    // already: nothing is added back to it. It bounds the staffing found too (objective + unpaid),
    // so it is at least `cost` but for rounding.
    const bound = r.right.bound
    const upper =
      status === 'optimal' ? cost : bound === null ? null : Math.max(cost, gained(bound - proposal.objective))
    ruleCosts.push({
      code,
      hard,
      cost,
      upper,
      teamIds: bindingTeams(model, proposal, at, code),
      method: status === 'optimal' ? 'exact' : 'bounded',
      status,
    })
  }
  ruleCosts.sort((a, b) => b.cost - a.cost || (a.code < b.code ? -1 : 1))
  return right({ objective: proposal.objective, ruleCosts, posts })
}

/** Rule costs from one LP relaxation; see {@link ExplainOptions.costs}. */
async function estimatedCosts(
  model: StaffingModel,
  proposal: Proposal,
  at: Float64Array | null,
  options: SolveOptions,
): Promise<Either<SolveError, RuleCost[]>> {
  const solver = backendOf(options.backend)
  if (solver.relax === undefined)
    return left({
      _tag: 'SolverFailure',
      backend: solver.name,
      message: `${solver.name} gives no LP duals: estimate rule costs with the HiGHS backend, or use costs: 'exact'`,
    })
  const lp = await solver.relax(model.milp, options)
  if (lp.status === 'infeasible')
    return left({ _tag: 'Infeasible', conflicts: [], message: 'the LP relaxation is infeasible' })
  if (lp.status === 'interrupted')
    return left({ _tag: 'Aborted', message: 'aborted during the LP relaxation' })
  if (lp.status === 'time-limit')
    return left({ _tag: 'TimeLimit', bound: null, message: 'the LP relaxation did not finish in time' })
  if (lp.rowDual === null)
    return left({ _tag: 'SolverFailure', backend: solver.name, message: lp.message ?? `LP ${lp.status}` })
  const y = lp.rowDual
  const m = model.milp
  // Reduced costs d_j = c_j − Σ_i a_ij·y_i, accumulated row by row.
  const d = Float64Array.from(m.colCost)
  for (let r = 0; r < m.rowLower.length; r++) {
    const v = y[r]!
    if (v === 0) continue
    for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++) d[m.rowIndex[e]!]! -= m.rowValue[e]! * v
  }
  // A soft pair rule: without its penalty, the best penalised pair's reduced cost rises by it.
  // One pass over the penalised pairs gathers that gain for every rule.
  const pairGain = new Map<string, number>()
  const elig = model.eligibility
  for (let k = 0; k < elig.size; k++) {
    if (elig.penalty[k] === 0) continue
    const pen = new Map<string, number>()
    for (const x of elig.penaltiesOf(k)) pen.set(x.code, (pen.get(x.code) ?? 0) + x.amount)
    const dj = d[model.pairCol[k]!]!
    for (const [code, amount] of pen)
      if (amount > 0) pairGain.set(code, Math.max(pairGain.get(code) ?? 0, dj + amount))
  }
  const costs: RuleCost[] = []
  const reachOf = pairReach(model)
  for (const { code, hard } of rulesOf(model)) {
    const paid = proposal.penalties.filter((x) => x.code === code).reduce((t, x) => t + x.amount, 0)
    let cost = 0
    for (const r of model.ruleRows) {
      if (r.code !== code) continue
      const dual = y[r.row]!
      if (Math.abs(dual) < 1e-9) continue
      // y < 0: the lower bound is active (raising it costs); y > 0: the upper bound is. It can move
      // until the row cannot bind: to the least (or most) activity its columns reach within their
      // bounds, one cadre per post and one post per cadre.
      const reach = reachOf(m, r.row)
      const move = dual < 0 ? m.rowLower[r.row]! - reach.least : reach.most - m.rowUpper[r.row]!
      // One unit: one person more or fewer in a count (a woman fewer needed, one more member of a field).
      if (move > 0) cost += Math.abs(dual) * Math.min(move, 1)
    }
    cost += pairGain.get(code) ?? 0
    // The penalties paid are saved exactly by dropping the rule; the duals may see more.
    costs.push({
      code,
      hard,
      cost: round6(Math.max(cost, paid)),
      teamIds: bindingTeams(model, proposal, at, code),
      upper: null,
      method: 'estimate',
    })
  }
  costs.sort((a, b) => b.cost - a.cost || (a.code < b.code ? -1 : 1))
  return right(costs)
}

/** What forcing a cadre into a post means. @category Proposals */
export type ForcedPair =
  | { readonly _tag: 'AlreadyThere' }
  | {
      /**
       * The pair cannot be formed: `codes` are the hard pair rules that block
       * it; `messages` say why in words — first, when it is so, that the post
       * is not open or that the cadre holds a post not open this round (not a
       * candidate, whatever the rules), then one message per code.
       */
      readonly _tag: 'Blocked'
      readonly codes: readonly PairRuleCode[]
      readonly messages: readonly string[]
    }
  | {
      /** The best proposal with the pair locked, and what it costs against `proposal`. */
      readonly _tag: 'Cost'
      /**
       * `proposal`'s objective less the forced proposal's, at least 0: the
       * cost itself when `exact`; else the most it can cost (the
       * stopped re-solve's best is at most the forced optimum).
       */
      readonly cost: number
      /** The re-solve with the pair locked was proven optimal, so `cost` is exact. */
      readonly exact: boolean
      /**
       * The least it can cost: `cost` when `exact`; else from the
       * stopped re-solve's bound (`proposal.objective − forced.bound`, at
       * least 0), or `null` when it stopped without one.
       */
      readonly lower: number | null
      readonly forced: Proposal
    }
  | { readonly _tag: 'Infeasible'; readonly message: string }

/**
 * Why not this cadre in this post: the rules that forbid it, or what it would
 * cost to force it (the best proposal with the pair locked, re-solved).
 *
 * @category Proposals
 * @param scenario - the scenario
 * @param proposal - the proposal to compare with (usually the optimum)
 * @param cadreId - the cadre
 * @param postId - an open post
 * @returns the outcome, or why the re-solve failed
 */
export async function forcePair(
  scenario: Scenario,
  proposal: Proposal,
  cadreId: string,
  postId: string,
  options: SolveOptions = {},
): Promise<Either<SolveError, ForcedPair>> {
  const refused = proposalDoor(scenario, proposal, options, SOLVE_OPTION_SPEC)
  if (refused !== null) return left(refused)
  if (typeof cadreId !== 'string' || !scenario.cadres.some((x) => x.id === cadreId))
    return left(unknownId('cadre', String(cadreId)))
  if (typeof postId !== 'string' || !scenario.teams.some((t) => t.posts.some((x) => x.id === postId)))
    return left(unknownId('post', String(postId)))
  if (proposal.assignments.some((a) => a.postId === postId && a.cadreId === cadreId))
    return right({ _tag: 'AlreadyThere' })
  const model = formulate(scenario)
  const c = model.ctx.cadreIndex.get(cadreId)
  const p = scenario.openPosts.indexOf(postId)
  if (c === undefined || p < 0)
    return right({
      _tag: 'Blocked',
      codes: [],
      messages: [`${postId} is not open in this round: ${cadreId} cannot be placed there`],
    })
  const k = model.eligibility.indexOf(c, p)
  if (k < 0) {
    const verdicts = pairVerdicts(model.ctx, c, postId).filter((v) => v._tag === 'blocked')
    const messages = verdicts.map((v) => (v._tag === 'blocked' ? v.message : ''))
    // Not a candidate: whatever the pair rules say, the cadre is not part of this round.
    const held = scenario.cadres[c]!.currentPost?.postId
    const outside = model.ctx.candidates.includes(c)
      ? []
      : [`${cadreId} holds post ${held}, which is not open in this round: not a candidate for ${postId}`]
    const reasons = [...outside, ...messages]
    return right({
      _tag: 'Blocked',
      codes: verdicts.map((v) => (v._tag === 'blocked' ? v.code : 'forbidden-pair')),
      messages: reasons.length > 0 ? reasons : [`${cadreId} is not eligible for ${postId}`],
    })
  }
  const col = model.pairCol[k]!
  const locked: StaffingModel = {
    ...model,
    milp: editMilp(model.milp, { colBounds: [[col, 1, 1]] }),
    hasTeamRows: true,
  }
  const r = await solveModel(locked, { ...options, fastPath: false })
  if (r._tag === 'Left')
    return r.left._tag === 'Infeasible' ? right({ _tag: 'Infeasible', message: r.left.message }) : r
  const cost = Math.max(0, round6(proposal.objective - r.right.objective))
  // A re-solve the deadline or an abort stopped found a proposal, not the forced optimum: its cost is
  // an upper end, and the bound it proved gives the lower one.
  const exact = r.right.status === 'optimal'
  const bound = r.right.bound
  return right({
    _tag: 'Cost',
    cost,
    exact,
    lower: exact
      ? cost
      : bound === null
        ? null
        : Math.min(cost, Math.max(0, round6(proposal.objective - bound))),
    forced: r.right,
  })
}
