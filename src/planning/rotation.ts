/**
 * The rotation plan (交流预判): rounds over years, each a proposal on the
 * county as it will be then — older, with retirements — that moves everyone
 * who must rotate (`people.mustRotate`, ten years in a post by default) by
 * the last round before their deadline, lets those who should rotate
 * (`people.shouldRotate`) move where the round allows, and keeps every rule
 * of the round (the stability rules among them: at most a third of a team
 * changed, the two heads not both).
 *
 * Two methods. Round by round with look-ahead: each round opens the posts of
 * those whose deadline falls before the next round and forbids them to stay,
 * and is solved exactly on its own; anyone who must rotate and cannot is
 * reported with what stops it. Exact over the whole horizon: one
 * time-indexed MILP of every round at once (src/planning/horizon.ts), where
 * a choice of round 1 is made knowing round 2's deadlines, retirements and
 * ages; it is replayed round by round through the same rounds, so that its
 * rounds are real proposals on their counties. `'auto'` takes the exact plan
 * where its model fits ({@link HORIZON_MAX_COLUMNS}) and keeps every rule.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { Proposal } from '../domain/proposal.js'
import { monthsAfter } from '../domain/time.js'
import type { Scenario, YearMonth } from '../domain/types.js'
import { editMilp, formulate } from '../model/index.js'
import { placeProposal } from '../pool/compare.js'
import { solve, solveModel, type SolveError, type SolveOptions } from '../proposals/solve.js'
import { buildHorizon, solveHorizon, type HorizonChoice } from './horizon.js'
import { heldFit, openRound, opensOf, roundMonths } from './rounds.js'

/** Options of {@link planRotation}. @category Planning */
export interface RotationOptions {
  /** Years the plan covers, 1–10. @defaultValue 3 */
  readonly years?: number
  /** Rounds a year, 1–4, the first at the scenario's month. @defaultValue 1 */
  readonly roundsPerYear?: number
  /**
   * How the plan is made: `'exact'`, one MILP over the whole horizon (the
   * best plan by {@link RotationPlan.value} among those its model admits,
   * see docs/planning.md); `'round-by-round'`, each round solved exactly on
   * its own; `'auto'`, the exact plan when its model has at most
   * `maxColumns` columns and a plan keeping every rule of every round
   * exists, else round by round ({@link RotationPlan.fallback} says why);
   * an exact solve stopped before its proof (time limit) gives way to the
   * round-by-round plan when that one is worth more.
   * @defaultValue 'auto'
   */
  readonly method?: 'exact' | 'round-by-round' | 'auto'
  /**
   * The most columns of the exact plan's model (all rounds together) that
   * `'auto'` and `'exact'` build and solve.
   * @defaultValue {@link HORIZON_MAX_COLUMNS}
   */
  readonly maxColumns?: number
  /** Options of each round's solve. The exact plan's model is solved by HiGHS, within `timeLimitMs` and `signal`. */
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
   * round as it should have been), when its open posts could not meet them;
   * empty when the round keeps every rule as the policy says.
   */
  readonly relaxed: readonly string[]
  /**
   * The round's part of the plan's value: its proposal's objective, plus the
   * fit, at the round's month, of the holders of posts that opened in an
   * earlier round and are closed in this one (see {@link RotationPlan.value}).
   */
  readonly value: number
}

/** Someone who must rotate within the plan and is not moved by their deadline. @category Planning */
export interface UnmetRotation {
  readonly cadreId: string
  readonly postId: string
  /**
   * The month they reach `mustRotate` years in the post; fractional years count in whole months,
   * a fraction of a month up (9.3 years: 112 months after `since`).
   */
  readonly due: YearMonth
  /** The round that had to move them. */
  readonly round: YearMonth
  /** What stops it, from the round's diagnosis (rule labels), or `stays` when the round kept them. */
  readonly why: string
}

/** A rotation plan. @category Planning */
export interface RotationPlan {
  /** The method that made the plan. */
  readonly method: 'round-by-round' | 'exact'
  readonly rounds: readonly RotationRound[]
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
 * solved without forcing them, and they are reported with the rules in the
 * way. Exactly, the plan of highest {@link RotationPlan.value} among those
 * keeping every rule of every round; its rounds are replayed on their
 * counties, each a proposal the validator can re-check.
 *
 * @param scenario - a decoded scenario (its `openPosts` are the first round's besides the rotation's own)
 * @param options - years, rounds a year, method, solve options
 * @category Planning
 */
export async function planRotation(
  scenario: Scenario,
  options: RotationOptions = {},
): Promise<Either<PlanningError, RotationPlan>> {
  const invalid = (message: string) => left<PlanningError>({ _tag: 'InvalidPlanOptions', message })
  if (typeof scenario !== 'object' || scenario === null || !Array.isArray(scenario.cadres))
    return invalid('scenario: expected a decoded scenario (call decodeScenario first)')
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
    if (method === 'exact' || exact.right.status === 'optimal') return exact
    // Stopped before the proof: the better of the best found and the round-by-round plan.
    const rbr = await roundByRound(scenario, months, options.solve)
    if (rbr._tag === 'Left' || rbr.right.value <= exact.right.value) return exact
    return right({
      ...rbr.right,
      fallback: `the exact plan's solve stopped (${exact.right.status}) at a value of ${exact.right.value}, below the round-by-round plan's`,
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
  return plan._tag === 'Left' ? plan : right({ ...plan.right, fallback: why.message })
}

/** Why the exact plan was not made. */
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

/**
 * The whole months of `mustRotate.years`, a fraction of a month up: 9.3 years is 111.6 months,
 * reached at 112 (as `dueOf` compares whole months held with `12 × years`, and as the ladder rule
 * counts 2.04 years at rank as 25 months).
 */
const mustRotateMonths = (people: Scenario['policy']['people']): number =>
  Math.max(0, Math.ceil(12 * people.mustRotate.years - 1e-9))

/** The round-by-round plan. */
async function roundByRound(
  scenario: Scenario,
  months: readonly YearMonth[],
  options: SolveOptions | undefined,
): Promise<Either<PlanningError, RotationPlan>> {
  const people = scenario.policy.people
  const opens = opensOf(scenario, months)
  const rounds: RotationRound[] = []
  const unmet: UnmetRotation[] = []
  let county: Scenario = scenario
  for (let r = 0; r < months.length - 1; r++) {
    const o = openRound(scenario, county, r, months[r]!, months[r + 1]!)
    const { at, must } = o
    // The round as it should be; if its rules cannot all be met with the posts it opens (a team
    // whose structure its open posts cannot mend), with the structure rules soft (reported); and
    // if the must-moves still cannot all be made, without forcing them (reported).
    let round = o.scenario
    let solved = await solve(round, options)
    let relaxed: string[] = []
    const conflicts = (e: SolveError) =>
      e._tag === 'Infeasible'
        ? e.conflicts.length > 0
          ? e.conflicts.map((c) => c.message)
          : [e.message]
        : []
    if (solved._tag === 'Left' && solved.left._tag === 'Infeasible') {
      relaxed = conflicts(solved.left)
      round = softStructure(o.scenario)
      solved = await solve(round, options)
    }
    if (solved._tag === 'Left' && solved.left._tag === 'Infeasible' && must.length > 0) {
      const why = conflicts(solved.left).join('; ')
      round = softStructure(o.base)
      solved = await solve(round, options)
      if (solved._tag === 'Right')
        for (const m of must)
          if (solved.right.assignments.some((a) => a.postId === m.postId && a.cadreId === m.cadreId))
            unmet.push({
              ...m,
              due: monthsAfter(o.held.get(m.postId)!.currentPost!.since, mustRotateMonths(people)),
              round: at,
              why,
            })
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
      message: `the exact plan's model has more than ${built.limit.toLocaleString('en-US')} columns (${built.columns.toLocaleString('en-US')} by round ${built.rounds} of ${months.length - 1}): planned round by round`,
    })
  if (built._tag === 'TooLong')
    return left({ kind: 'too-large', message: `${built.message}: planned round by round` })
  if (built._tag === 'Locks') return left({ kind: 'failed', message: built.message })
  if (options?.signal?.aborted)
    return left({ kind: 'stopped', error: { _tag: 'Aborted', message: 'aborted' } })
  const run = {
    ...(options?.timeLimitMs === undefined ? {} : { timeLimitMs: options.timeLimitMs }),
    ...(options?.signal === undefined ? {} : { signal: options.signal }),
  }
  const choice = await solveHorizon(built.model, run)
  if (choice === null)
    return left({
      kind: 'infeasible',
      message:
        'no plan keeps every rule of every round and makes every must-move by its deadline: planned round by round',
    })
  if ('stopped' in choice)
    return choice.stopped === 'interrupted'
      ? left({ kind: 'stopped', error: { _tag: 'Aborted', message: choice.message } })
      : choice.stopped === 'time-limit'
        ? left({ kind: 'time-limit', message: `the exact plan's ${choice.message}: planned round by round` })
        : left({ kind: 'failed', message: `the exact plan's solve failed: ${choice.message}` })
  const rounds = await replay(scenario, months, choice, run)
  if (rounds._tag === 'Left') return rounds
  return right({
    method: 'exact',
    rounds: rounds.right,
    unmet: [],
    value: valueOf(rounds.right),
    bound: choice.bound === null ? null : round6(choice.bound),
    status: choice.status,
    fallback: null,
    columns: built.model.milp.colNames.length,
  })
}

/** The exact plan's rounds as proposals on their own counties. */
async function replay(
  scenario: Scenario,
  months: readonly YearMonth[],
  choice: HorizonChoice,
  run: SolveOptions,
): Promise<Either<NoExact, RotationRound[]>> {
  const opens = opensOf(scenario, months)
  const rounds: RotationRound[] = []
  let county: Scenario = scenario
  for (let r = 0; r < months.length - 1; r++) {
    const o = openRound(scenario, county, r, months[r]!, months[r + 1]!)
    const chosen = choice.rounds[r]!
    const mismatch = (what: string) =>
      left<NoExact>({ kind: 'failed', message: `the exact plan does not replay in round ${o.at}: ${what}` })
    if (o.openPosts.length !== chosen.size || o.openPosts.some((p) => !chosen.has(p)))
      return mismatch('other posts open')
    const model = formulate(o.scenario)
    const el = model.eligibility
    const colBounds: [number, number, number][] = []
    for (let i = 0; i < o.openPosts.length; i++) {
      const who = chosen.get(o.openPosts[i]!)!
      let found = who === null
      for (let k = el.postStart[i]!; k < el.postStart[i + 1]!; k++) {
        const v = o.scenario.cadres[el.cadre[k]!]!.id === who ? 1 : 0
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
      scenario: o.scenario,
      relaxed: [],
      value: round6(solved.right.objective + heldFit(o.scenario, opens, r)),
    })
    county = placeProposal(o.scenario, solved.right)
  }
  return right(rounds)
}

/** The scenario with its team structure rules soft (each at its policy penalty). */
function softStructure(s: Scenario): Scenario {
  const structure = Object.fromEntries(
    Object.entries(s.policy.structure).map(([k, r]) => [k, { ...(r as object), hard: false }]),
  ) as unknown as Scenario['policy']['structure']
  return { ...s, policy: { ...s.policy, structure } }
}
