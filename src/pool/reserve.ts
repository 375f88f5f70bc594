/**
 * Reserve pools (后备干部) of the four groups (四类干部: young, women,
 * minority, non-party): entry criteria with documented defaults, a dynamic
 * review as of a date (who enters, who exits and why — no "once listed,
 * forever listed", 一备了之), and the health of each pool against the
 * teams' needs and posts.
 *
 * @module
 */
import { renderValue } from '../io/errors.js'
import {
  anyOption,
  isContext,
  checkOptions,
  isReview,
  objectOption,
  requireArgument,
  requireScenario,
  scenarioArgument,
  type InvalidOptions,
  type OptionCheck,
  type OptionSpec,
} from '../io/door.js'
import type { Path } from '../io/path.js'
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { ReserveExitReason } from '../domain/codes.js'
import { isMonth, monthIndex } from '../domain/time.js'
import {
  RANKS,
  type Cadre,
  type Grade,
  type Rank,
  type Recommendation,
  type ReserveGroup,
  type Scenario,
  type YearMonth,
} from '../domain/types.js'
import { contextOf, type ScenarioContext } from '../rules/context.js'
import { lastGradeOf } from './query.js'
import type { FacetCount } from './query.js'
import type { TeamGap } from './structure.js'
import { teamGaps } from './structure.js'
import { scenarioAt } from './compare.js'

/** The reserve groups, in report order. @category Pool */
export const RESERVE_GROUP_ORDER: readonly ReserveGroup[] = ['young', 'women', 'minority', 'non-party']

/**
 * Entry criteria of the reserve pools. A cadre qualifies for a group when
 * they have the group's property (aged ≤ `young.maxAge`; a woman; not of the
 * policy's majority ethnicity; not a CPC member), are at most the group's
 * `maxAge`, hold a rank in `minRank … maxRank`, have no latest grade in
 * `exitGrades` (of the assessment years up to the review's year), and (with
 * `integrity`) have no open integrity finding.
 * @category Pool
 */
export interface ReserveCriteria {
  readonly young: { readonly maxAge: number }
  readonly women: { readonly maxAge: number }
  readonly minority: { readonly maxAge: number }
  readonly nonParty: { readonly maxAge: number }
  /** Lowest rank of a reserve cadre. */
  readonly minRank: Rank
  /** Highest rank of a reserve cadre: above it the cadre has been promoted past the reserve. */
  readonly maxRank: Rank
  /** A latest assessment grade among these removes the cadre (the latest year up to the review's year). */
  readonly exitGrades: readonly Grade[]
  /**
   * Under investigation, within a disciplinary period, or checks that found
   * a problem (checked but not clean) removes the cadre.
   */
  readonly integrity: boolean
  /** Entry only with a real-name recommendation on record for the cadre (and group). */
  readonly requireRecommendation: boolean
}

/**
 * The default reserve criteria: young ≤ 35; women, minority and non-party
 * cadres ≤ 50; ranks section member to section chief (the reserve of the
 * section-level leadership posts); out on a `basic` or `incompetent` latest
 * grade or an integrity finding; no recommendation required.
 * @category Pool
 */
export const DEFAULT_RESERVE_CRITERIA: ReserveCriteria = {
  young: { maxAge: 35 },
  women: { maxAge: 50 },
  minority: { maxAge: 50 },
  nonParty: { maxAge: 50 },
  minRank: 'section-member',
  maxRank: 'section-chief',
  exitGrades: ['basic', 'incompetent'],
  integrity: true,
  requireRecommendation: false,
}

/** Criteria given by a user: any part may be left out and takes its default. @category Pool */
export interface ReserveCriteriaInput {
  readonly young?: { readonly maxAge?: number }
  readonly women?: { readonly maxAge?: number }
  readonly minority?: { readonly maxAge?: number }
  readonly nonParty?: { readonly maxAge?: number }
  readonly minRank?: Rank
  readonly maxRank?: Rank
  readonly exitGrades?: readonly Grade[]
  readonly integrity?: boolean
  readonly requireRecommendation?: boolean
}

/** A reserve option that cannot be read: the field, what was expected, and what was given. @category Pool */
export interface InvalidReserveOptions {
  readonly _tag: 'InvalidReserveOptions'
  /** e.g. `criteria.young.maxAge` or `asOf`. */
  readonly field: string
  readonly expected: string
  readonly got: string
  readonly message: string
}

const bad = (field: string, expected: string, value: unknown): InvalidReserveOptions => {
  const got = value === undefined ? 'nothing' : renderValue(value)
  return {
    _tag: 'InvalidReserveOptions',
    field,
    expected,
    got,
    message: `${field}: expected ${expected}, got ${got}`,
  }
}

const GRADES: readonly Grade[] = ['excellent', 'competent', 'basic', 'incompetent']

/** A reserve group's criteria: an object (`{ maxAge }`), not the age itself. */
const GROUP_OPTION: OptionCheck = { expected: 'an object { maxAge }', test: objectOption.test }

/**
 * The keys of {@link ReserveCriteriaInput}; the values are read by
 * {@link resolveCriteria}, which names them in an {@link InvalidReserveOptions},
 * but for a group's that is not an object (`young: 30`), which would else be
 * read as the default.
 */
const CRITERIA_SPEC: OptionSpec = {
  young: GROUP_OPTION,
  women: GROUP_OPTION,
  minority: GROUP_OPTION,
  nonParty: GROUP_OPTION,
  minRank: anyOption,
  maxRank: anyOption,
  exitGrades: anyOption,
  integrity: anyOption,
  requireRecommendation: anyOption,
}

const GROUP_SPEC: OptionSpec = { maxAge: anyOption }

/** The keys of {@link ReserveReviewOptions}, each read by {@link reviewReserve}. */
const REVIEW_SPEC: OptionSpec = { asOf: anyOption, criteria: anyOption, recommendations: anyOption }

const AGE_GROUPS = ['young', 'women', 'minority', 'nonParty'] as const

/**
 * The criteria found at `at` (`criteria`, or `options.criteria` of a review)
 * with the defaults filled in: the door's refusal of a misspelt key or a
 * group that is not an object, or the first field that cannot be read. A
 * part left out, or `undefined`, takes its default.
 */
function resolveCriteria(
  criteria: unknown,
  at: Path,
): Either<InvalidReserveOptions | InvalidOptions, ReserveCriteria> {
  const input = criteria === undefined ? {} : criteria
  if (input === null || typeof input !== 'object' || Array.isArray(input))
    return left(bad('criteria', 'an object', input))
  const door = checkOptions<ReserveCriteriaInput>(input, CRITERIA_SPEC, at)
  if (door._tag === 'Left') return door
  const given = door.right
  for (const key of AGE_GROUPS) {
    const group = checkOptions(given[key], GROUP_SPEC, [...at, key])
    if (group._tag === 'Left') return group
  }
  const d = DEFAULT_RESERVE_CRITERIA
  const or = <T>(v: T | undefined, dflt: T): T => (v === undefined ? dflt : v)
  const ages = {} as Record<(typeof AGE_GROUPS)[number], { maxAge: number }>
  for (const key of AGE_GROUPS) {
    const maxAge: unknown = or(given[key]?.maxAge, d[key].maxAge)
    if (!Number.isInteger(maxAge) || (maxAge as number) < 0 || (maxAge as number) > 150)
      return left(bad(`criteria.${key}.maxAge`, 'an integer age in 0–150', maxAge))
    ages[key] = { maxAge: maxAge as number }
  }
  const minRank: unknown = or(given.minRank, d.minRank)
  const maxRank: unknown = or(given.maxRank, d.maxRank)
  const rankList = `one of ${RANKS.map((r) => JSON.stringify(r)).join(', ')}`
  if (!RANKS.includes(minRank as Rank)) return left(bad('criteria.minRank', rankList, minRank))
  if (!RANKS.includes(maxRank as Rank)) return left(bad('criteria.maxRank', rankList, maxRank))
  if (RANKS.indexOf(maxRank as Rank) < RANKS.indexOf(minRank as Rank))
    return left(bad('criteria.maxRank', `a rank not below minRank "${minRank as string}"`, maxRank))
  const exitGrades: unknown = or(given.exitGrades, d.exitGrades)
  if (!Array.isArray(exitGrades)) return left(bad('criteria.exitGrades', 'an array of grades', exitGrades))
  for (let i = 0; i < exitGrades.length; i++)
    if (!GRADES.includes(exitGrades[i] as Grade))
      return left(
        bad(`criteria.exitGrades[${i}]`, `one of ${GRADES.map((g) => `"${g}"`).join(', ')}`, exitGrades[i]),
      )
  for (const key of ['integrity', 'requireRecommendation'] as const) {
    const v: unknown = given[key]
    if (v !== undefined && typeof v !== 'boolean') return left(bad(`criteria.${key}`, 'a boolean', v))
  }
  return right({
    ...ages,
    minRank: minRank as Rank,
    maxRank: maxRank as Rank,
    exitGrades: [...(exitGrades as Grade[])],
    integrity: or(given.integrity, d.integrity),
    requireRecommendation: or(given.requireRecommendation, d.requireRecommendation),
  })
}

/**
 * The criteria with the defaults filled in (a part left out, or `undefined`,
 * takes its default), or why they cannot be read: `InvalidOptions` for a key
 * misspelt by case, British spelling or a missing unit (`criteria.Young:
 * expected a known option (did you mean "young"?)`, `criteria.young.maxage`)
 * or a group that is not an object (`criteria.young: expected an object {
 * maxAge }, got 30`); else {@link InvalidReserveOptions} naming the first
 * field that cannot be read.
 * @category Pool
 * @example
 * resolveReserveCriteria({ young: { maxAge: 40 } })
 * //=> right({ ...DEFAULT_RESERVE_CRITERIA, young: { maxAge: 40 } })
 */
export function resolveReserveCriteria(
  input: ReserveCriteriaInput = {},
): Either<InvalidReserveOptions | InvalidOptions, ReserveCriteria> {
  return resolveCriteria(input, ['criteria'])
}

/** Options of {@link reviewReserve}. @category Pool */
export interface ReserveReviewOptions {
  /**
   * Date of the review; ages, disciplinary periods and recommendations are read at it, and
   * assessment grades of the years up to its year (a later year's grade is not yet known).
   * @defaultValue scenario.asOf
   */
  readonly asOf?: YearMonth
  readonly criteria?: ReserveCriteriaInput
  /** Real-name recommendations (see `decodeRecommendations`); the latest one per cadre is attached. */
  readonly recommendations?: readonly Recommendation[]
}

/** One cadre entering or leaving one reserve group. @category Pool */
export interface ReserveChange {
  readonly cadreId: string
  readonly name: string
  readonly group: ReserveGroup
  /** Why the cadre leaves (empty for an entry), in a fixed order. */
  readonly reasons: readonly ReserveExitReason[]
  /** The latest recommendation of the cadre on or before the review date, if any. */
  readonly recommendation: Recommendation | null
}

/** The outcome of a reserve review. @category Pool */
export interface ReserveReview {
  readonly asOf: YearMonth
  readonly criteria: ReserveCriteria
  /** Qualifying cadres not listed in the group: they enter. By group, then roster order. */
  readonly entries: readonly ReserveChange[]
  /** Listed cadres who no longer qualify: they leave. By group, then roster order. */
  readonly exits: readonly ReserveChange[]
  /** After the review: the ids of each group's members, in roster order. */
  readonly members: Readonly<Record<ReserveGroup, readonly string[]>>
  /** Per group, its members with a recommendation for it (or for any group) on or before the review date. */
  readonly recommended: Readonly<Record<ReserveGroup, readonly string[]>>
}

const EXIT_ORDER: readonly ReserveExitReason[] = [
  'aged-out',
  'promoted',
  'assessment',
  'integrity',
  'criteria',
]

/** Whether the cadre has an open integrity finding at the month `at`. */
function integrityFinding(c: Cadre, at: number): boolean {
  const i = c.integrity
  if (i.underInvestigation) return true
  if (i.disciplinaryUntil !== null && monthIndex(i.disciplinaryUntil) >= at) return true
  return i.checkedOn !== null && monthIndex(i.checkedOn) <= at && !i.clean
}

const AGED_OUT = 1
const PROMOTED = 2
const ASSESSMENT = 4
const INTEGRITY = 8
const CRITERIA = 16
/** The reasons of each bit mask, in {@link EXIT_ORDER}: one shared list per mask. */
const REASONS: readonly (readonly ReserveExitReason[])[] = Array.from({ length: 32 }, (_, mask) =>
  EXIT_ORDER.filter((_, bit) => (mask & (1 << bit)) !== 0),
)

/**
 * The grade of the latest assessment year up to the review's year (the worst
 * one if a year is listed twice), or `none`: as the rules read a grade
 * (`assessment.low-grade` counts the years from `year(asOf) − lookbackYears`,
 * the current year's grade included), a review does not know the grades of
 * later years — a review back in 2025 does not exit anyone for a 2026 grade.
 */
function gradeKnownBy(c: Cadre, year: number): Grade | 'none' {
  const known = c.assessments.filter((a) => a.year <= year)
  return known.length === c.assessments.length ? lastGradeOf(c) : lastGradeOf({ ...c, assessments: known })
}

/** Reasons that hold for every group: rank, latest grade known at the month `at`, integrity (a bit mask). */
function commonFailures(c: Cadre, k: ReserveCriteria, at: number): number {
  let mask = 0
  const rank = RANKS.indexOf(c.rank)
  if (rank > RANKS.indexOf(k.maxRank)) mask |= PROMOTED
  if (rank < RANKS.indexOf(k.minRank)) mask |= CRITERIA
  const grade = gradeKnownBy(c, Math.floor(at / 12))
  if (grade !== 'none' && k.exitGrades.includes(grade)) mask |= ASSESSMENT
  if (k.integrity && integrityFinding(c, at)) mask |= INTEGRITY
  return mask
}

/** Reasons a cadre of age `age` fails a group's criteria, added to the common ones (0: qualifies). */
function groupFailures(
  c: Cadre,
  age: number,
  group: ReserveGroup,
  k: ReserveCriteria,
  majority: string,
): number {
  switch (group) {
    case 'young':
      return age > k.young.maxAge ? AGED_OUT : 0
    case 'women':
      return (age > k.women.maxAge ? AGED_OUT : 0) | (c.gender === 'female' ? 0 : CRITERIA)
    case 'minority':
      return (age > k.minority.maxAge ? AGED_OUT : 0) | (c.ethnicity !== majority ? 0 : CRITERIA)
    case 'non-party':
      return (age > k.nonParty.maxAge ? AGED_OUT : 0) | (c.party !== 'cpc' ? 0 : CRITERIA)
  }
}

/**
 * Reviews the reserve pools as of a date (动态调整): for each group, every
 * listed cadre (`reserveGroups`) who no longer qualifies leaves, with the
 * reasons (aged out, promoted past the reserve's rank, assessment fell,
 * integrity finding, the group's condition no longer met), and every
 * qualifying cadre not listed enters (with `requireRecommendation`, only
 * those recommended on or before the date for that group or any group).
 * Reviewing {@link applyReview}'s result at the same date changes nothing.
 *
 * @param scenario - a decoded scenario
 * @param options - date, criteria and recommendations; see {@link ReserveReviewOptions}
 * @param ctx - the scenario's context, reused when the review date is `scenario.asOf`
 * @returns `Right` of the review, or `Left`: `InvalidOptions` for a key misspelt by case, British
 * spelling or a missing unit (`options.asof: expected a known option (did you mean "asOf"?)`), in
 * the options or their criteria, or a criteria group that is not an object; else
 * {@link InvalidReserveOptions} naming the first option that cannot be read
 * @category Pool
 * @example
 * const r = reviewReserve(sampleScenario(), { asOf: '2027-09' })
 * r._tag === 'Right' && r.right.exits.filter((e) => e.reasons.includes('aged-out')).length
 * //=> 50
 */
export function reviewReserve(
  scenario: Scenario,
  options: ReserveReviewOptions = {},
  ctx?: ScenarioContext,
): Either<InvalidReserveOptions | InvalidOptions, ReserveReview> {
  const notScenario = scenarioArgument(scenario)
  if (notScenario !== null) return left(bad('scenario', notScenario.expected, scenario))
  if (ctx !== undefined && !isContext(ctx))
    return left(bad('ctx', 'a ScenarioContext (from contextOf), or nothing', ctx))
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    return left(bad('options', 'an options object (or nothing, for the defaults)', options))
  const door = checkOptions<ReserveReviewOptions>(options, REVIEW_SPEC)
  if (door._tag === 'Left') return door
  const recs: unknown = options.recommendations
  if (recs !== undefined && !Array.isArray(recs))
    return left(bad('recommendations', 'an array of recommendations (from decodeRecommendations)', recs))
  const badRec = ((recs ?? []) as unknown[]).findIndex(
    (r) =>
      typeof r !== 'object' ||
      r === null ||
      typeof (r as Recommendation).cadreId !== 'string' ||
      typeof (r as Recommendation).date !== 'string' ||
      !Array.isArray((r as Recommendation).groups),
  )
  if (badRec >= 0)
    return left(
      bad(
        `recommendations[${badRec}]`,
        'a Recommendation (from decodeRecommendations)',
        (recs as unknown[])[badRec],
      ),
    )
  const asOf = options.asOf === undefined ? scenario.asOf : options.asOf
  if (!isMonth(asOf)) return left(bad('asOf', 'a month YYYY-MM', asOf))
  const resolved = resolveCriteria(options.criteria, ['options', 'criteria'])
  if (resolved._tag === 'Left') return resolved
  const k = resolved.right
  const context = asOf === scenario.asOf ? (ctx ?? contextOf(scenario)) : contextOf({ ...scenario, asOf })
  const at = monthIndex(asOf)
  const majority = scenario.policy.structure.minority.majorityEthnicity
  const recommended = latestRecommendations(options.recommendations ?? [], at)
  const entries: ReserveChange[] = []
  const exits: ReserveChange[] = []
  const members: Record<ReserveGroup, string[]> = { young: [], women: [], minority: [], 'non-party': [] }
  const common = Int32Array.from(scenario.cadres, (c) => commonFailures(c, k, at))
  const byCadre = new Map<string, Recommendation[]>()
  for (const r of options.recommendations ?? [])
    byCadre.set(r.cadreId, [...(byCadre.get(r.cadreId) ?? []), r])
  for (const group of RESERVE_GROUP_ORDER) {
    scenario.cadres.forEach((c, i) => {
      const listed = c.reserveGroups.includes(group)
      const mask = common[i]! | groupFailures(c, context.ages[i]!, group, k, majority)
      const rec = recommended.get(c.id) ?? null
      if (listed && mask !== 0) {
        exits.push({ cadreId: c.id, name: c.name, group, reasons: REASONS[mask]!, recommendation: rec })
        return
      }
      if (!listed && mask !== 0) return
      if (!listed && k.requireRecommendation && !recommendedFor(byCadre.get(c.id) ?? [], group, at)) return
      if (!listed) entries.push({ cadreId: c.id, name: c.name, group, reasons: [], recommendation: rec })
      // in roster order: the roster is walked in order
      members[group].push(c.id)
    })
  }
  const withRecommendation = {} as Record<ReserveGroup, string[]>
  for (const group of RESERVE_GROUP_ORDER)
    withRecommendation[group] = members[group].filter((id) =>
      recommendedFor(byCadre.get(id) ?? [], group, at),
    )
  return right({ asOf, criteria: k, entries, exits, members, recommended: withRecommendation })
}

/** The latest recommendation of each cadre on or before the month `at` (the last listed on a tie). */
function latestRecommendations(list: readonly Recommendation[], at: number): Map<string, Recommendation> {
  const out = new Map<string, Recommendation>()
  for (const r of list) {
    const m = monthIndex(r.date)
    if (m > at) continue
    const prev = out.get(r.cadreId)
    if (prev === undefined || monthIndex(prev.date) <= m) out.set(r.cadreId, r)
  }
  return out
}

/** Whether one of the cadre's recommendations, on or before `at`, is for the group (or for any). */
const recommendedFor = (mine: readonly Recommendation[], group: ReserveGroup, at: number) =>
  mine.some((r) => monthIndex(r.date) <= at && (r.groups.length === 0 || r.groups.includes(group)))

/**
 * The scenario with each cadre's `reserveGroups` set as the review leaves
 * them (groups in {@link RESERVE_GROUP_ORDER}); nothing else changes.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Pool
 */
export function applyReview(scenario: Scenario, review: ReserveReview): Scenario {
  requireScenario('applyReview', scenario)
  requireArgument('applyReview', 'review', 'a ReserveReview (from reviewReserve)', review, isReview(review))
  const groupsOf = new Map<string, ReserveGroup[]>()
  for (const group of RESERVE_GROUP_ORDER)
    for (const id of review.members[group]) groupsOf.set(id, [...(groupsOf.get(id) ?? []), group])
  return {
    ...scenario,
    cadres: scenario.cadres.map((c) => ({ ...c, reserveGroups: groupsOf.get(c.id) ?? [] })),
  }
}

/** The health of one reserve pool. @category Pool */
export interface GroupHealth {
  readonly group: ReserveGroup
  /** Listed before the review. */
  readonly listed: number
  readonly entries: number
  readonly exits: number
  /** Members after the review. */
  readonly size: number
  /** Teams short of the structure rule this group feeds (women → `structure.women`, …) at the review's date. */
  readonly teamsInNeed: number
  /** `size / teamsInNeed`; `null` when no team is in need. */
  readonly perTeamNeed: number | null
  /** `size / posts` of all teams. */
  readonly perPost: number
  /** Members by rank, ascending (the pipeline). */
  readonly pipeline: readonly FacetCount[]
  /** Members with a recommendation on record. */
  readonly recommended: number
}

/** Pool health of every group. @category Pool */
export interface ReserveHealth {
  readonly asOf: YearMonth
  readonly posts: number
  readonly groups: readonly GroupHealth[]
}

const FEEDS: Readonly<Record<ReserveGroup, readonly string[]>> = {
  young: ['structure.young', 'structure.young-town'],
  women: ['structure.women'],
  minority: ['structure.minority', 'structure.titular'],
  'non-party': ['structure.non-party'],
}

/**
 * The health of each reserve pool after a review: its size, entries and
 * exits, how many teams are short of what it feeds at the review's date
 * (with the size per team in need), its ratio to all posts, its pipeline by
 * rank, and how many of its members carry a real-name recommendation.
 *
 * @param scenario - the scenario the review was made on
 * @param review - from {@link reviewReserve}
 * @param teamGapsOf - the scenario's {@link teamGaps}, when already computed; used only when the review is at `scenario.asOf` (at another date the gaps are counted on {@link scenarioAt} the review's date)
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Pool
 */
export function reserveHealth(
  scenario: Scenario,
  review: ReserveReview,
  teamGapsOf?: readonly TeamGap[],
): ReserveHealth {
  requireScenario('reserveHealth', scenario)
  requireArgument(
    'reserveHealth',
    'review',
    'a ReserveReview (from reviewReserve)',
    review,
    isReview(review) && isMonth(review.asOf),
  )
  requireArgument(
    'reserveHealth',
    'teamGapsOf',
    'the teamGaps of the scenario, or nothing',
    teamGapsOf,
    teamGapsOf === undefined || Array.isArray(teamGapsOf),
  )
  // Teams in need at the review's date: a review a year on counts the teams short then (members
  // aged out of `structure.young`), not at the scenario's month; `teamGapsOf`, the scenario's own
  // gaps, serves a review at the scenario's month only.
  const gaps =
    review.asOf === scenario.asOf
      ? (teamGapsOf ?? teamGaps(scenario))
      : teamGaps(scenarioAt(scenario, review.asOf))
  const byId = new Map(scenario.cadres.map((c) => [c.id, c]))
  const posts = scenario.teams.reduce((s, t) => s + t.posts.length, 0)
  const count = (list: readonly ReserveChange[], g: ReserveGroup) => list.filter((x) => x.group === g).length
  return {
    asOf: review.asOf,
    posts,
    groups: RESERVE_GROUP_ORDER.map((group): GroupHealth => {
      const ids = review.members[group]
      const teamsInNeed = new Set(gaps.filter((g) => FEEDS[group].includes(g.code)).map((g) => g.teamId)).size
      const ranks = new Map<Rank, number>()
      for (const id of ids) {
        const r = byId.get(id)!.rank
        ranks.set(r, (ranks.get(r) ?? 0) + 1)
      }
      return {
        group,
        listed: scenario.cadres.filter((c) => c.reserveGroups.includes(group)).length,
        entries: count(review.entries, group),
        exits: count(review.exits, group),
        size: ids.length,
        teamsInNeed,
        perTeamNeed: teamsInNeed === 0 ? null : Math.round((ids.length / teamsInNeed) * 100) / 100,
        perPost: posts === 0 ? 0 : Math.round((ids.length / posts) * 1000) / 1000,
        pipeline: RANKS.filter((r) => ranks.has(r)).map((r) => ({ value: r, count: ranks.get(r)! })),
        recommended: review.recommended[group].length,
      }
    }),
  }
}
