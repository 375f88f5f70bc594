/**
 * The rotation plan (交流预判): rounds over years, each a proposal on the
 * county as it will be then — older, with retirements, the earlier rounds'
 * appointees in their posts and at their posts' ranks — that moves everyone
 * who must (`people.mustRotate`, ten years in a post by default; or at the
 * term limit, `people.terms`) by the last round before their deadline, lets
 * those who should rotate (`people.shouldRotate`) move where the round
 * allows, and keeps every rule of the round (the stability rules among them:
 * at most a third of a team changed, the two heads not both) and the
 * scenario's forbidden pairs.
 *
 * Two methods. Round by round with look-ahead: each round opens the posts of
 * those whose deadline falls before the next round and forbids them to stay,
 * and is solved exactly on its own; when the must-moves cannot all be made,
 * as many as the rules allow are, and each one kept is reported with what
 * stops it. Exact over the whole horizon: one time-indexed MILP of every
 * round at once (src/planning/horizon.ts), where a choice of round 1 is made
 * knowing round 2's deadlines, retirements and ages; where no plan makes
 * every must-move, the plan keeping the fewest must-movers, then the best of
 * those. It is replayed round by round through the same rounds, so that its
 * rounds are real proposals on their counties. `'auto'` takes the exact plan
 * where its model fits ({@link HORIZON_MAX_COLUMNS}) and keeps every rule.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { Proposal } from '../domain/proposal.js'
import type { Pair, Scenario, YearMonth } from '../domain/types.js'
import { scenarioIssue } from '../io/door.js'
import { editMilp, formulate, type StaffingModel } from '../model/index.js'
import { placeProposal } from '../pool/compare.js'
import { solve, solveModel, type SolveError, type SolveOptions } from '../proposals/solve.js'
import { buildHorizon, solveHorizon, type HorizonChoice } from './horizon.js'
import { heldFit, openRound, opensOf, roundMonths, type OpenedRound } from './rounds.js'

/** Options of {@link planRotation}. @category Planning */
export interface RotationOptions {
  /** Years the plan covers, 1–10. @defaultValue 3 */
  readonly years?: number
  /** Rounds a year, 1–4, the first at the scenario's month. @defaultValue 1 */
  readonly roundsPerYear?: number
  /**
   * How the plan is made: `'exact'`, one MILP over the whole horizon (the
   * best plan by {@link RotationPlan.value} among those its model admits,
   * see docs/planning.md; where no plan makes every must-move, the best of
   * those that keep the fewest must-movers in their posts); `'round-by-round'`,
   * each round solved exactly on its own; `'auto'`, the exact plan when its
   * model has at most `maxColumns` columns and a plan keeping every rule of
   * every round — or every rule but some must-moves — exists, else round by
   * round ({@link RotationPlan.fallback} says why); an exact plan leaving
   * must-moves unmade gives way to the round-by-round plan when that one
   * leaves fewer (it makes structure rules soft first), and an exact solve
   * stopped before its proof (time limit) when that one is worth more.
   * @defaultValue 'auto'
   */
  readonly method?: 'exact' | 'round-by-round' | 'auto'
  /**
   * The most columns of the exact plan's model (all rounds together) that
   * `'auto'` and `'exact'` build and solve.
   * @defaultValue {@link HORIZON_MAX_COLUMNS}
   */
  readonly maxColumns?: number
  /**
   * Options of each round's solve. The exact plan's model is solved by HiGHS,
   * within `timeLimitMs` (each of its solves) and `signal`; `onProgress`
   * hears every solve of either method — the exact plan's (the fewest kept
   * must-movers first, when it has to count them, then the plan's value) and
   * each round's — each with its own objective, incumbent and bound.
   */
  readonly solve?: SolveOptions
}

/**
 * Default of {@link RotationOptions.maxColumns}: the exact plan's model is
 * built and solved up to this many columns, all rounds together. Measured on
 * this project's busy 2-core machine (docs/planning.md, three yearly
 * rounds): generated counties of 120–200 cadres (5,000–19,000 columns)
 * prove in 1–12 s; 250 cadres (26,000) in 19–56 s, 300 (37,000) in 70 s;
 * the sample county (1,200 cadres) has 179,331 in its first round alone.
 * @category Planning
 */
export const HORIZON_MAX_COLUMNS = 20_000

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
   * round as it should have been, or how many more must-moves that made),
   * when its open posts could not meet them; empty when the round keeps its
   * structure rules as the policy says. A round that keeps must-movers
   * (`unmet`) has the rules that bar them from staying (`people.mustRotate`,
   * `people.terms`) soft in its `scenario`, their penalties paid.
   */
  readonly relaxed: readonly string[]
  /**
   * The round's part of the plan's value: its proposal's objective, plus the
   * fit, at the round's month, of the holders of posts that opened in an
   * earlier round and are closed in this one (see {@link RotationPlan.value}).
   */
  readonly value: number
}

/**
 * Someone who must move within the plan and is kept in their post by a round
 * that had to move them: one entry per such round (kept in two rounds, two
 * entries). @category Planning
 */
export interface UnmetRotation {
  readonly cadreId: string
  readonly postId: string
  /**
   * Their deadline: the month they reach `mustRotate` years in the post, or the term limit
   * (`terms.termYears × terms.maxTerms`), whichever comes first; fractional years count in whole
   * months, a fraction of a month up (9.3 years: 112 months after `since`).
   */
  readonly due: YearMonth
  /** The round that had to move them. */
  readonly round: YearMonth
  /**
   * What stops it: the conflicts of the round with its must-moves forced (e.g. stability: at most
   * two of six posts changed), or, for the exact plan, that no plan keeping every rule of every
   * round makes every must-move.
   */
  readonly why: string
}

/** A rotation plan. @category Planning */
export interface RotationPlan {
  /** The method that made the plan. */
  readonly method: 'round-by-round' | 'exact'
  readonly rounds: readonly RotationRound[]
  /** The must-movers kept in their posts, per round that had to move them (both methods). */
  readonly unmet: readonly UnmetRotation[]
  /**
   * The value of the plan, the same measure for both methods: the sum over
   * its rounds of {@link RotationRound.value} — each round's proposal
   * objective on the round's own county (`Σ fit − vacancy penalties −
   * soft-rule penalties` of its open posts, the structure rules at their
   * penalties in a round that made them soft) plus the fit, that round, of
   * whoever holds on in a post the plan has opened before. So every post the
   * plan can touch counts in every round from the one it first opens in:
   * its holder's fit, or the vacancy penalty. Posts no round opens hold
   * their holders throughout, whatever the plan, and are left out.
   */
  readonly value: number
  /**
   * For the exact plan, a proven upper bound on the value of every plan its
   * model admits (equal to `value` when `status` is `'optimal'`); `null` for
   * the round-by-round plan.
   */
  readonly bound: number | null
  /** `'optimal'` when the exact plan is proven best; the round-by-round plan: each round's own proof. */
  readonly status: 'optimal' | 'time-limit' | 'interrupted' | 'memory-limit'
  /** With `method: 'auto'`, why the exact plan was not taken; `null` otherwise. */
  readonly fallback: string | null
  /** Columns of the exact plan's model, all rounds together (see {@link RotationOptions.maxColumns}); `null` for a round-by-round plan. */
  readonly columns: number | null
}

/** Why a plan was not made. @category Planning */
export type PlanningError =
  | { readonly _tag: 'InvalidPlanOptions'; readonly message: string }
  | {
      /** `method: 'exact'` and the exact plan's model is larger than `maxColumns`, or the horizon longer than it holds (an appointee due to rotate again within it). */
      readonly _tag: 'HorizonTooLarge'
      readonly message: string
    }
  | SolveError

/**
 * Plans rotation over `years`, `roundsPerYear` rounds a year from the
 * scenario's month, exactly over the whole horizon where it fits and round
 * by round with look-ahead otherwise (see the module and
 * {@link RotationOptions.method}). Round by round, each round is solved
 * exactly on its own county; a round whose must-moves cannot all be met is
 * solved without forcing them, making as many as its rules allow, and those
 * kept are reported with the rules in the way. Exactly, the plan of highest
 * {@link RotationPlan.value} among those keeping every rule of every round
 * (where none makes every must-move, among those keeping the fewest
 * must-movers, reported alike); its rounds are replayed on their counties,
 * each a proposal the validator can re-check. A scenario that is not one
 * (not decoded, or an `asOf` that is no month) is refused with
 * `InvalidPlanOptions`, as bad options are; nothing throws.
 *
 * @param scenario - a decoded scenario (its `openPosts` and `locks` are the first round's besides the rotation's own; its `forbidden` pairs every round's)
 * @param options - years, rounds a year, method, solve options
 * @category Planning
 */
export async function planRotation(
  scenario: Scenario,
  options: RotationOptions = {},
): Promise<Either<PlanningError, RotationPlan>> {
  const invalid = (message: string) => left<PlanningError>({ _tag: 'InvalidPlanOptions', message })
  // Its asOf decodeScenario's own month too: a round's month is counted from it ('2026-13' is no month).
  const notScenario = scenarioIssue(scenario)
  if (notScenario !== null) return invalid(notScenario.message)
  if (typeof options !== 'object' || options === null)
    return invalid(`options: expected an object, got ${JSON.stringify(options)}`)
  const years = options.years ?? 3
  const perYear = options.roundsPerYear ?? 1
  const method = options.method ?? 'auto'
  const maxColumns = options.maxColumns ?? HORIZON_MAX_COLUMNS
  if (typeof years !== 'number' || !Number.isInteger(years) || years < 1 || years > 10)
    return invalid(`options.years: expected a whole number in 1–10, got ${JSON.stringify(years)}`)
  if (typeof perYear !== 'number' || !Number.isInteger(perYear) || perYear < 1 || perYear > 4)
    return invalid(`options.roundsPerYear: expected a whole number in 1–4, got ${JSON.stringify(perYear)}`)
  if (method !== 'exact' && method !== 'round-by-round' && method !== 'auto')
    return invalid(
      `options.method: expected 'exact', 'round-by-round' or 'auto', got ${JSON.stringify(method)}`,
    )
  if (typeof maxColumns !== 'number' || !Number.isInteger(maxColumns) || maxColumns < 1)
    return invalid(`options.maxColumns: expected a positive whole number, got ${JSON.stringify(maxColumns)}`)
  const months = roundMonths(scenario.asOf, years, perYear)
  if (method === 'round-by-round') return roundByRound(scenario, months, options.solve)
  const exact = await exactPlan(scenario, months, maxColumns, options.solve)
  if (exact._tag === 'Right') {
    const e = exact.right
    if (method === 'exact' || (e.status === 'optimal' && e.unmet.length === 0)) return exact
    // A plan leaving must-moves unmade: round by round's when it leaves fewer (it makes the
    // structure rules soft before it gives up a must-move, the exact plan never). Stopped before
    // the proof: the better of the best found and the round-by-round plan.
    const rbr = await roundByRound(scenario, months, options.solve)
    if (rbr._tag === 'Left') return exact
    const other = rbr.right
    if (other.unmet.length < e.unmet.length)
      return right({
        ...other,
        fallback: `no plan keeping every rule of every round makes every must-move: the exact plan leaves ${e.unmet.length} unmade, round by round ${other.unmet.length}`,
      })
    if (e.status === 'optimal' || other.unmet.length > e.unmet.length || other.value <= e.value) return exact
    return right({
      ...other,
      fallback: `the exact plan's solve stopped (${e.status}) at a value of ${e.value}, below the round-by-round plan's`,
    })
  }
  const why = exact.left
  if (method === 'exact') {
    if (why.kind === 'too-large') return left({ _tag: 'HorizonTooLarge', message: why.message })
    if (why.kind === 'infeasible') return left({ _tag: 'Infeasible', conflicts: [], message: why.message })
    if (why.kind === 'stopped') return left(why.error)
    if (why.kind === 'time-limit') return left({ _tag: 'TimeLimit', bound: null, message: why.message })
    return left({ _tag: 'SolverFailure', backend: 'highs', message: why.message })
  }
  if (why.kind === 'stopped') return left(why.error)
  const plan = await roundByRound(scenario, months, options.solve)
  return plan._tag === 'Left'
    ? plan
    : right({ ...plan.right, fallback: `${why.message}: planned round by round` })
}

/** Why the exact plan was not made (`'auto'` adds that it planned round by round). */
type NoExact =
  | { readonly kind: 'too-large' | 'infeasible' | 'time-limit' | 'failed'; readonly message: string }
  | { readonly kind: 'stopped'; readonly error: SolveError }

const round6 = (v: number) => Math.round(v * 1e6) / 1e6

/** The plan's value: the sum of its rounds' values. */
const valueOf = (rounds: readonly RotationRound[]) => round6(rounds.reduce((s, r) => s + r.value, 0))

/** The worst status among the rounds' proposals ('optimal' when all are). */
function worstStatus(rounds: readonly RotationRound[]): RotationPlan['status'] {
  return rounds.find((r) => r.proposal.status !== 'optimal')?.proposal.status ?? 'optimal'
}

/** Why the first solve of a round failed, in words: the conflicts found, or the solver's message. */
const conflictsOf = (e: SolveError): string[] =>
  e._tag === 'Infeasible' ? (e.conflicts.length > 0 ? e.conflicts.map((c) => c.message) : [e.message]) : []

/** A round's proposal and the must-movers it keeps in their posts. */
interface Kept {
  readonly proposal: Proposal
  readonly kept: readonly Pair[]
}

/** The must-movers a proposal keeps in their posts. */
const keptBy = (proposal: Proposal, must: readonly Pair[]): Pair[] =>
  must.filter((m) => proposal.assignments.some((a) => a.postId === m.postId && a.cadreId === m.cadreId))

/**
 * Solves a round that cannot make all its must-moves (`round`: the rules
 * that bar them from staying soft) keeping as few of them as its rules allow,
 * and among those staffings the best: first the fewest stays of must-movers
 * (a model whose only objective is one per stay), then the round's own
 * objective with at most that many.
 */
async function solveKeepingFewest(
  round: Scenario,
  must: readonly Pair[],
  options: SolveOptions | undefined,
): Promise<Either<SolveError, Kept>> {
  const model = formulate(round)
  const el = model.eligibility
  const open = new Map(round.openPosts.map((p, i) => [p, i]))
  const stays: number[] = []
  for (const m of must) {
    const c = model.ctx.cadreIndex.get(m.cadreId)
    const i = open.get(m.postId)
    const k = c === undefined || i === undefined ? -1 : el.indexOf(c, i)
    if (k >= 0) stays.push(model.pairCol[k]!)
  }
  const run = { ...options, fastPath: false }
  const solveWith = (edit: Parameters<typeof editMilp>[1]) =>
    solveModel({ ...model, milp: editMilp(model.milp, edit) } satisfies StaffingModel, run)
  let fewest = 0
  if (stays.length > 0) {
    const colCosts = Array.from(model.milp.colCost, (_, j): [number, number] => [j, 0])
    for (const j of stays) colCosts[j] = [j, -1]
    const first = await solveWith({ colCosts })
    if (first._tag === 'Left') return first
    fewest = keptBy(first.right, must).length
  }
  const best = await solveWith({
    rows:
      stays.length === 0
        ? []
        : [
            {
              name: 'must-movers-kept',
              cols: stays,
              coefs: stays.map(() => 1),
              lower: -Infinity,
              upper: fewest,
            },
          ],
  })
  return best._tag === 'Left' ? best : right({ proposal: best.right, kept: keptBy(best.right, must) })
}

/** The round-by-round plan. */
async function roundByRound(
  scenario: Scenario,
  months: readonly YearMonth[],
  options: SolveOptions | undefined,
): Promise<Either<PlanningError, RotationPlan>> {
  const opens = opensOf(scenario, months)
  const rounds: RotationRound[] = []
  const unmet: UnmetRotation[] = []
  let county: Scenario = scenario
  for (let r = 0; r < months.length - 1; r++) {
    const o = openRound(scenario, county, r, months[r]!, months[r + 1]!)
    const { at, must } = o
    // The round as it should be; if its rules cannot all be met with the posts it opens (a team
    // whose structure its open posts cannot mend), with the structure rules soft (reported); and
    // if the must-moves still cannot all be made, without forcing them: as many made as the
    // rules allow, the others kept and reported.
    let round = o.scenario
    let solved = await solve(round, options)
    let relaxed: string[] = []
    if (solved._tag === 'Left' && solved.left._tag === 'Infeasible') {
      relaxed = conflictsOf(solved.left)
      round = softStructure(o.scenario)
      solved = await solve(round, options)
    }
    if (solved._tag === 'Left' && solved.left._tag === 'Infeasible' && must.length > 0) {
      const why = conflictsOf(solved.left).join('; ')
      const fewest = await keepingFewest(o, relaxed, options)
      if (fewest._tag === 'Left') return fewest
      ;({ round, relaxed } = fewest.right)
      solved = right(fewest.right.proposal)
      for (const m of fewest.right.kept) unmet.push({ ...m, due: o.due.get(m.postId)!, round: at, why })
    }
    if (solved._tag === 'Left') return solved
    rounds.push({
      at,
      openPosts: o.openPosts,
      mustMove: must.map((m) => m.cadreId),
      shouldMove: o.should.map((m) => m.cadreId),
      retired: o.retired,
      proposal: solved.right,
      scenario: round,
      relaxed,
      value: round6(solved.right.objective + heldFit(round, opens, r)),
    })
    county = placeProposal(round, solved.right)
  }
  return right({
    method: 'round-by-round',
    rounds,
    unmet,
    value: valueOf(rounds),
    bound: null,
    status: worstStatus(rounds),
    fallback: null,
    columns: null,
  })
}

/**
 * A round whose must-moves cannot all be made, solved without forcing them:
 * its structure rules as the policy says, or soft when that lets more
 * must-moves be made (must-moves come before structure, as the round made the
 * structure rules soft before giving up a must-move); in each, as many
 * must-moves as the rules allow ({@link solveKeepingFewest}).
 */
async function keepingFewest(
  o: OpenedRound,
  conflicts: readonly string[],
  options: SolveOptions | undefined,
): Promise<Either<SolveError, Kept & { readonly round: Scenario; readonly relaxed: string[] }>> {
  const hard = await solveKeepingFewest(o.unforced, o.must, options)
  if (hard._tag === 'Left' && hard.left._tag !== 'Infeasible') return hard
  if (hard._tag === 'Right' && hard.right.kept.length === 0)
    return right({ ...hard.right, round: o.unforced, relaxed: [] })
  const round = softStructure(o.unforced)
  const soft = await solveKeepingFewest(round, o.must, options)
  if (soft._tag === 'Left' && (hard._tag === 'Left' || soft.left._tag !== 'Infeasible')) return soft
  if (soft._tag === 'Right' && (hard._tag === 'Left' || soft.right.kept.length < hard.right.kept.length)) {
    const relaxed =
      hard._tag === 'Left'
        ? conflictsOf(hard.left)
        : [
            `${hard.right.kept.length - soft.right.kept.length} more must-move(s) made with the structure rules soft (${conflicts.join('; ')})`,
          ]
    return right({ ...soft.right, round, relaxed })
  }
  if (hard._tag === 'Left') return hard
  return right({ ...hard.right, round: o.unforced, relaxed: [] })
}

/**
 * The exact plan: the horizon model solved, then replayed round by round —
 * each round opened on the county the previous rounds left, exactly as the
 * round-by-round plan opens it, and its proposal read from the round's own
 * model with the plan's choices fixed.
 */
async function exactPlan(
  scenario: Scenario,
  months: readonly YearMonth[],
  maxColumns: number,
  options: SolveOptions | undefined,
): Promise<Either<NoExact, RotationPlan>> {
  const built = buildHorizon(scenario, months, maxColumns)
  if (built._tag === 'TooLarge')
    return left({
      kind: 'too-large',
      message: `the exact plan's model has more than ${built.limit.toLocaleString('en-US')} columns (${built.columns.toLocaleString('en-US')} by round ${built.rounds} of ${months.length - 1})`,
    })
  if (built._tag === 'TooLong') return left({ kind: 'too-large', message: built.message })
  if (built._tag === 'Locks') return left({ kind: 'failed', message: built.message })
  if (options?.signal?.aborted)
    return left({ kind: 'stopped', error: { _tag: 'Aborted', message: 'aborted' } })
  // Each solve of the plan (the horizon model's, each round's replay) reports its own progress, as
  // each round's solve does round by round.
  const run = {
    ...(options?.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
    ...(options?.signal === undefined ? {} : { signal: options.signal }),
    ...(options?.onProgress === undefined ? {} : { onProgress: options.onProgress }),
  }
  let model = built.model
  let choice = await solveHorizon(model, run)
  if (choice === null) {
    // No plan makes every must-move by its deadline: the plans keeping as few must-movers in their
    // posts as the rules allow (each round a must-mover stays counts one), the best of them.
    const infeasible = left<NoExact>({
      kind: 'infeasible',
      message: 'no plan keeps every rule of every round, even leaving must-moves unmade',
    })
    const unforced = buildHorizon(scenario, months, maxColumns, { unforced: true })
    if (unforced._tag === 'TooLarge')
      return left({
        kind: 'too-large',
        message: `the exact plan's model leaving must-moves unmade has more than ${unforced.limit.toLocaleString('en-US')} columns`,
      })
    if (unforced._tag !== 'Built' || unforced.model.mustStays.length === 0) return infeasible
    if (options?.signal?.aborted)
      return left({ kind: 'stopped', error: { _tag: 'Aborted', message: 'aborted' } })
    model = unforced.model
    choice = await solveHorizon(model, run)
    if (choice === null) return infeasible
  }
  if ('stopped' in choice)
    return choice.stopped === 'interrupted'
      ? left({ kind: 'stopped', error: { _tag: 'Aborted', message: choice.message } })
      : choice.stopped === 'time-limit'
        ? left({
            kind: 'time-limit',
            message: `the exact plan's solve stopped at its time limit (${options?.timeLimitMs ?? 60_000} ms) before it found a plan`,
          })
        : left({ kind: 'failed', message: `the exact plan's solve failed: ${choice.message}` })
  const replayed = await replay(scenario, months, choice, run)
  if (replayed._tag === 'Left') return replayed
  const { rounds, unmet } = replayed.right
  return right({
    method: 'exact',
    rounds,
    unmet,
    value: valueOf(rounds),
    bound: choice.bound === null ? null : round6(choice.bound),
    status: choice.status,
    fallback: null,
    columns: model.milp.colNames.length,
  })
}

/** The exact plan's rounds as proposals on their own counties. */
async function replay(
  scenario: Scenario,
  months: readonly YearMonth[],
  choice: HorizonChoice,
  run: SolveOptions,
): Promise<Either<NoExact, { rounds: RotationRound[]; unmet: UnmetRotation[] }>> {
  const opens = opensOf(scenario, months)
  const rounds: RotationRound[] = []
  const unmet: UnmetRotation[] = []
  let county: Scenario = scenario
  for (let r = 0; r < months.length - 1; r++) {
    const o = openRound(scenario, county, r, months[r]!, months[r + 1]!)
    const chosen = choice.rounds[r]!
    const mismatch = (what: string) =>
      left<NoExact>({ kind: 'failed', message: `the exact plan does not replay in round ${o.at}: ${what}` })
    if (o.openPosts.length !== chosen.size || o.openPosts.some((p) => !chosen.has(p)))
      return mismatch('other posts open')
    // A round of the plan that keeps must-movers: without forcing them, as round by round solves it.
    const kept = o.must.filter((m) => chosen.get(m.postId) === m.cadreId)
    const round = kept.length === 0 ? o.scenario : o.unforced
    const model = formulate(round)
    if (kept.length > 0) {
      const forced = formulate(o.scenario).conflicts.map((c) => c.message)
      const why =
        forced.length > 0
          ? forced.join('; ')
          : 'no plan keeping every rule of every round makes every must-move by its deadline'
      for (const m of kept) unmet.push({ ...m, due: o.due.get(m.postId)!, round: o.at, why })
    }
    const el = model.eligibility
    const colBounds: [number, number, number][] = []
    for (let i = 0; i < o.openPosts.length; i++) {
      const who = chosen.get(o.openPosts[i]!)!
      let found = who === null
      for (let k = el.postStart[i]!; k < el.postStart[i + 1]!; k++) {
        const v = round.cadres[el.cadre[k]!]!.id === who ? 1 : 0
        if (v === 1) found = true
        colBounds.push([model.pairCol[k]!, v, v])
      }
      if (!found) return mismatch(`${who} is not eligible for ${o.openPosts[i]}`)
      const vac = who === null ? 1 : 0
      colBounds.push([model.vacancyCol[i]!, vac, vac])
    }
    const solved = await solveModel(
      { ...model, milp: editMilp(model.milp, { colBounds }) },
      {
        ...run,
        fastPath: false,
      },
    )
    if (solved._tag === 'Left')
      return solved.left._tag === 'Aborted' || solved.left._tag === 'TimeLimit'
        ? left({ kind: 'stopped', error: solved.left })
        : mismatch(solved.left.message)
    rounds.push({
      at: o.at,
      openPosts: o.openPosts,
      mustMove: o.must.map((m) => m.cadreId),
      shouldMove: o.should.map((m) => m.cadreId),
      retired: o.retired,
      proposal: solved.right,
      scenario: round,
      relaxed: [],
      value: round6(solved.right.objective + heldFit(round, opens, r)),
    })
    county = placeProposal(round, solved.right)
  }
  return right({ rounds, unmet })
}

/** The scenario with its team structure rules soft (each at its policy penalty). */
function softStructure(s: Scenario): Scenario {
  const structure = Object.fromEntries(
    Object.entries(s.policy.structure).map(([k, r]) => [k, { ...(r as object), hard: false }]),
  ) as unknown as Scenario['policy']['structure']
  return { ...s, policy: { ...s.policy, structure } }
}
