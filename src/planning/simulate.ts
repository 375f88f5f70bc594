/**
 * What-if over years (模拟推演): the roster aged year by year, those who reach
 * retirement age leaving their posts, the rounds of a plan applied when they
 * fall due, and the county's structure indicators each year — as a table and
 * as a Vega-Lite chart.
 *
 * @module
 */
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { VegaLiteSpec } from '../assessment/curves.js'
import type { Assignment, Proposal } from '../domain/proposal.js'
import { ageAt, isMonth, monthIndex, monthsAfter, monthsToRetirement } from '../domain/time.js'
import type { Cadre, Scenario, TeamKind, YearMonth } from '../domain/types.js'
import { isPlainRecord } from '../io/combinators.js'
import { scenarioIssue } from '../io/door.js'
import { issue } from '../io/errors.js'
import { placeProposal } from '../pool/compare.js'
import { analyseStructure, teamGaps } from '../pool/structure.js'

/** A round of a plan: a proposal, applied in the month it falls due. @category Planning */
export interface PlannedRound {
  readonly at: YearMonth
  /** A proposal made for the scenario as aged to `at`; only its assignments are read. */
  readonly proposal: Proposal
}

/** Options of {@link simulate}. @category Planning */
export interface SimulateOptions {
  /** Years to run, 1–20. @defaultValue 3 */
  readonly years?: number
  /** The plan's rounds, applied in month order when they fall due. */
  readonly rounds?: readonly PlannedRound[]
}

/** The county's structure in one year of a simulation. @category Planning */
export interface SimulatedYear {
  readonly asOf: YearMonth
  /** Cadres who reached retirement age since the year before, leaving their posts. */
  readonly retired: readonly string[]
  /** Rounds applied since the year before. */
  readonly rounds: number
  readonly members: number
  readonly vacant: number
  /** Of the members, one decimal; `null` without members. */
  readonly averageAge: number | null
  readonly women: number
  /** Aged at most `policy.structure.young.maxAge`. */
  readonly young: number
  /** Not of `policy.structure.minority.majorityEthnicity`. */
  readonly minority: number
  readonly nonParty: number
  /** Per team kind, the share of its teams with every specialty they need covered (0–1, two decimals). */
  readonly specialtyCoverage: Readonly<Partial<Record<TeamKind, number>>>
  /** Teams short of a hard structure rule. */
  readonly hardGaps: number
}

/** A simulation: one row per year, from the scenario's own month, and its chart. @category Planning */
export interface Simulation {
  readonly years: readonly SimulatedYear[]
  /** Members, vacancies, women, young, minority and non-party per year, as lines. */
  readonly spec: VegaLiteSpec
}

/**
 * Why a simulation was not run: the argument refused, named by its place
 * (`scenario: expected a decoded scenario …`, `scenario.asOf: expected
 * YYYY-MM, got "2026-13"`, `options: expected an options object …`,
 * `options.years: …`, `options.rounds[2].at: …`,
 * `options.rounds[0].proposal.assignments[3]: expected an assignment …`).
 * Nothing was computed.
 * @category Planning
 */
export interface InvalidSimulation {
  readonly _tag: 'InvalidSimulation'
  /** The place refused and why, in one line. */
  readonly message: string
}

const addYears = (ym: YearMonth, n: number): YearMonth => monthsAfter(ym, 12 * n)

/** Whether `a` is an assignment: a post id, and a cadre id or `null`. */
const isAssignment = (a: unknown): a is Pick<Assignment, 'postId' | 'cadreId'> =>
  isPlainRecord(a) && typeof a.postId === 'string' && (a.cadreId === null || typeof a.cadreId === 'string')

/**
 * Whether a cadre has reached the retirement age of their gender at `asOf`,
 * counted in months as the retirement rule counts it (an age of 60.25 is
 * reached 723 months after the birth month, not at 61). @internal
 */
export const retiredBy = (s: Scenario, cadre: Cadre, asOf: YearMonth): boolean =>
  monthsToRetirement(cadre.birth, s.policy.people.retirement.retirementAge[cadre.gender], asOf) <= 0

/** Cadres at or past retirement age leave their posts (and stay on the roster without one). */
function retire(s: Scenario): { scenario: Scenario; retired: string[] } {
  const retired: string[] = []
  const cadres = s.cadres.map((c) => {
    if (c.currentPost === null || !retiredBy(s, c, s.asOf)) return c
    retired.push(c.id)
    return { ...c, currentPost: null }
  })
  return { scenario: retired.length === 0 ? s : { ...s, cadres }, retired }
}

function yearOf(s: Scenario, retired: readonly string[], rounds: number): SimulatedYear {
  const st = s.policy.structure
  const members = s.cadres.filter((c) => c.currentPost !== null)
  const county = analyseStructure(s).county
  const gaps = teamGaps(s)
  const byKind = new Map<TeamKind, { teams: number; covered: number }>()
  const lacking = new Set(
    gaps.filter((g) => g.code === 'structure.specialty-coverage' && g.shortfall > 0).map((g) => g.teamId),
  )
  for (const t of s.teams) {
    const k = byKind.get(t.kind) ?? { teams: 0, covered: 0 }
    byKind.set(t.kind, { teams: k.teams + 1, covered: k.covered + (lacking.has(t.id) ? 0 : 1) })
  }
  return {
    asOf: s.asOf,
    retired,
    rounds,
    members: members.length,
    vacant: county.vacant,
    averageAge: county.averageAge,
    women: members.filter((c) => c.gender === 'female').length,
    young: members.filter((c) => ageAt(c.birth, s.asOf) <= st.young.maxAge).length,
    minority: members.filter((c) => c.ethnicity !== st.minority.majorityEthnicity).length,
    nonParty: members.filter((c) => c.party !== 'cpc').length,
    specialtyCoverage: Object.fromEntries(
      [...byKind].map(([kind, k]) => [kind, Math.round((k.covered / k.teams) * 100) / 100]),
    ),
    hardGaps: new Set(gaps.filter((g) => g.hard && g.shortfall > 0).map((g) => g.teamId)).size,
  }
}

/**
 * Runs the county forward (what-if): each year from the scenario's month, the
 * roster one year older, cadres at retirement age out of their posts, the
 * plan's rounds applied as they fall due (each proposal's assignments placed;
 * incumbents of its posts it does not place leave them), and the structure
 * indicators read — members, vacancies, average age, women, young, minority,
 * non-party, specialty coverage per team kind, teams short of a hard
 * structure rule. Without rounds it shows what doing nothing does.
 *
 * @param scenario - a decoded scenario
 * @param options - years, and the plan's rounds
 * @category Planning
 */
export function simulate(
  scenario: Scenario,
  options: SimulateOptions = {},
): Either<InvalidSimulation, Simulation> {
  const invalid = (message: string) => left<InvalidSimulation>({ _tag: 'InvalidSimulation', message })
  const refused = (path: (string | number)[], expected: string, value: unknown) =>
    invalid(issue(path, expected, value).message)
  // Its asOf a real month too: monthsAfter refuses "2026-13", and monthIndex would read it as 2027-01.
  const notScenario = scenarioIssue(scenario)
  if (notScenario !== null) return invalid(notScenario.message)
  if (options !== undefined && !isPlainRecord(options))
    return refused(['options'], 'an options object (or nothing, for the defaults)', options)
  const years = options.years ?? 3
  if (typeof years !== 'number' || !Number.isInteger(years) || years < 1 || years > 20)
    return invalid(`options.years: expected a whole number in 1–20, got ${JSON.stringify(years)}`)
  const rounds = options.rounds ?? []
  if (!Array.isArray(rounds)) return invalid('options.rounds: expected an array of { at, proposal }')
  const last = monthIndex(addYears(scenario.asOf, years))
  const known = new Set(scenario.cadres.map((c) => c.id))
  const posts = new Set(scenario.teams.flatMap((t) => t.posts.map((p) => p.id)))
  for (const [i, r] of (rounds as readonly PlannedRound[]).entries()) {
    if (!isPlainRecord(r)) return refused(['options', 'rounds', i], 'a round { at, proposal }', r)
    // A real month only: monthIndex reads "2026-13" as 2027-01 and "2027-00" as 2026-12.
    const at = isMonth(r.at) ? monthIndex(r.at) : Number.NaN
    if (Number.isNaN(at) || at < monthIndex(scenario.asOf) || at > last)
      return invalid(
        `options.rounds[${i}].at: expected a month from ${scenario.asOf} to ${addYears(scenario.asOf, years)}, got ${JSON.stringify(r.at)}`,
      )
    if (typeof r.proposal !== 'object' || r.proposal === null || !Array.isArray(r.proposal.assignments))
      return invalid(`options.rounds[${i}].proposal: expected a proposal`)
    for (const [j, a] of (r.proposal.assignments as readonly unknown[]).entries()) {
      if (!isAssignment(a))
        return refused(
          ['options', 'rounds', i, 'proposal', 'assignments', j],
          'an assignment { postId, cadreId }',
          a,
        )
      if (!posts.has(a.postId))
        return invalid(
          `options.rounds[${i}].proposal.assignments[${j}].postId: no post "${a.postId}" in the scenario`,
        )
      if (a.cadreId !== null && !known.has(a.cadreId))
        return invalid(
          `options.rounds[${i}].proposal.assignments[${j}].cadreId: no cadre "${a.cadreId}" in the scenario`,
        )
    }
  }
  const due = [...(rounds as readonly PlannedRound[])]
    .map((r, i) => ({ r, i }))
    .sort((a, b) => monthIndex(a.r.at) - monthIndex(b.r.at) || a.i - b.i)
  let s: Scenario = { ...scenario, openPosts: [], locks: [], forbidden: [] }
  let next = 0
  const out: SimulatedYear[] = []
  for (let y = 0; y <= years; y++) {
    const asOf = addYears(scenario.asOf, y)
    let applied = 0
    const retired: string[] = []
    // Rounds due by this year's month, each on the roster of its own month.
    while (next < due.length && monthIndex(due[next]!.r.at) <= monthIndex(asOf)) {
      const { r } = due[next++]!
      const at = retire({ ...s, asOf: r.at })
      retired.push(...at.retired)
      s = placeProposal(
        { ...at.scenario, openPosts: r.proposal.assignments.map((a) => a.postId) },
        r.proposal,
      )
      applied++
    }
    const now = retire({ ...s, asOf })
    retired.push(...now.retired)
    s = now.scenario
    out.push(yearOf(s, [...new Set(retired)], applied))
  }
  const metrics = ['members', 'vacant', 'women', 'young', 'minority', 'nonParty'] as const
  const spec: VegaLiteSpec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: `${scenario.county}: structure over ${years} years`,
    data: { values: out.flatMap((y) => metrics.map((m) => ({ asOf: y.asOf, metric: m, value: y[m] }))) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'asOf', type: 'ordinal', title: 'month' },
      y: { field: 'value', type: 'quantitative', title: 'cadres' },
      color: { field: 'metric', type: 'nominal', title: null, sort: [...metrics] },
    },
  }
  return right({ years: out, spec })
}
