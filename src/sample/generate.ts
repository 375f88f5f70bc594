/**
 * Deterministic generators of fictional counties: the same options give a
 * deep-equal scenario (and byte-identical JSON) on every run and platform.
 *
 * Feasibility by construction: every team's incumbents who may stay already
 * meet the hard structure rules of the policy (a woman, a young member, a
 * minority or titular member, a non-party member where required), at most one
 * incumbent of a team must rotate, and never both heads of a unit. So "every
 * incumbent who may stay stays" satisfies every hard rule, whatever posts are
 * open; the reserve pool then gives the solver real choices.
 *
 * @module
 */
import { resolvePolicy, type Policy, type PolicyInput } from '../domain/policy.js'
import { decodeScenario } from '../io/decode.js'
import { renderValue } from '../io/errors.js'
import { formatPath } from '../io/path.js'
import type { Cadre, CadreCategory, PartyAffiliation, Scenario, YearMonth } from '../domain/types.js'
import { type Base, type CadreSpec, type Draft, makeCadre, toMonth } from './cadres.js'
import { COUNTY, NEIGHBOURS } from './names.js'
import { createRng, type Rng } from './random.js'
import { drawAssessmentRecords } from './assessments.js'
import { reservePool } from './reserve.js'
import { planTeams, type PostPlan } from './teams.js'
import { placeWitnesses, teamNeeds } from './witnesses.js'

/**
 * Options of {@link generateScenario}.
 * @category Sample
 */
export interface GenerateOptions {
  /** Seed of the pseudo-random stream (a safe integer). @defaultValue 1 */
  readonly seed?: number
  /** Number of cadres, 20 … 10,000. @defaultValue 300 */
  readonly cadres?: number
  /** Number of teams, 2 … cadres / 5. @defaultValue round(cadres / 10), at least 2 */
  readonly teams?: number
  /** Fraction of posts open in this round; 1 = full re-staffing at a general election (换届). @defaultValue 0.3 */
  readonly openShare?: number
  /** Fraction of posts currently vacant, 0 … 0.5. @defaultValue 0.08 */
  readonly vacancyShare?: number
  /**
   * Partial policy; its structure minima shape the incumbents. Fractional
   * years (`people.mustRotate.years` 6.3, `ladder.minYearsAtRank` 2.3) are
   * met in whole months, as the rules count them: a cadre due to rotate at
   * 6.3 years (75.6 months) has held the post 76 months or more, one who is
   * not, 75 or fewer. @defaultValue {}
   */
  readonly policy?: PolicyInput
  /** Reference date (计算年龄时间), `YYYY-MM`. @defaultValue '2026-09' */
  readonly asOf?: YearMonth
  /**
   * Years of detailed assessment records (`assessmentRecords`: annual,
   * ongoing, special; indicators and rater groups) before the year of `asOf`,
   * 0 … 10. They come from a random stream of their own: every other field
   * is the same whatever this is. @defaultValue 0
   */
  readonly recordYears?: number
}

interface Resolved {
  readonly seed: number
  readonly cadres: number
  readonly teams: number
  readonly openShare: number
  readonly vacancyShare: number
  readonly policy: Policy
  readonly asOf: YearMonth
  readonly recordYears: number
}

const DEFAULTS = { seed: 1, cadres: 300, openShare: 0.3, vacancyShare: 0.08, asOf: '2026-09' } as const

/** A refused option: `generateScenario: options.cadres: expected an integer in 20–10000, got 5`. */
function refuse(path: string, expected: string, got: unknown): never {
  throw new RangeError(`generateScenario: ${path}: expected ${expected}, got ${renderValue(got)}`)
}

/** The first issue of a policy, as the decoder finds it in a scenario that holds it, or `null`. */
function policyProblem(policy: unknown): { path: string; expected: string; got: string } | null {
  const probe = decodeScenario({ asOf: DEFAULTS.asOf, county: COUNTY, cadres: [], teams: [], policy })
  if (probe._tag === 'Right') return null
  const first = probe.left.issues.find((i) => i.path[0] === 'policy') ?? probe.left.issues[0]!
  return { path: `options.${formatPath(first.path)}`, expected: first.expected, got: first.got }
}

function resolveOptions(o: GenerateOptions): Resolved {
  if (o === null || typeof o !== 'object' || Array.isArray(o))
    throw new TypeError(
      `generateScenario: options: expected an options object (or nothing, for the defaults), got ${renderValue(o)}`,
    )
  const fail = (key: string, expected: string, got: unknown): never => refuse(`options.${key}`, expected, got)
  const seed = o.seed ?? DEFAULTS.seed
  const cadres = o.cadres ?? DEFAULTS.cadres
  if (!Number.isSafeInteger(seed)) fail('seed', 'a safe integer', seed)
  if (!Number.isInteger(cadres) || cadres < 20 || cadres > 10_000)
    fail('cadres', 'an integer in 20–10000', cadres)
  const teams = o.teams ?? Math.max(2, Math.round(cadres / 10))
  if (!Number.isInteger(teams) || teams < 2 || teams > Math.max(2, Math.floor(cadres / 5))) {
    fail('teams', `an integer in 2–${Math.max(2, Math.floor(cadres / 5))} (cadres / 5)`, teams)
  }
  const openShare = o.openShare ?? DEFAULTS.openShare
  const vacancyShare = o.vacancyShare ?? DEFAULTS.vacancyShare
  if (!(typeof openShare === 'number' && openShare >= 0 && openShare <= 1))
    fail('openShare', 'a number in 0–1', openShare)
  if (!(typeof vacancyShare === 'number' && vacancyShare >= 0 && vacancyShare <= 0.5))
    fail('vacancyShare', 'a number in 0–0.5', vacancyShare)
  const asOf = o.asOf ?? DEFAULTS.asOf
  if (typeof asOf !== 'string' || !/^(19|20|21)\d\d-(0[1-9]|1[0-2])$/.test(asOf))
    fail('asOf', 'a month YYYY-MM of 1900–2199', asOf)
  const recordYears = o.recordYears ?? 0
  if (!Number.isInteger(recordYears) || recordYears < 0 || recordYears > 10)
    fail('recordYears', 'an integer in 0–10', recordYears)
  if (o.policy !== undefined) {
    const problem = policyProblem(o.policy)
    if (problem !== null)
      throw new RangeError(
        `generateScenario: ${problem.path}: expected ${problem.expected}, got ${problem.got}`,
      )
  }
  return {
    seed,
    cadres,
    teams,
    openShare,
    vacancyShare,
    policy: resolvePolicy(o.policy),
    asOf,
    recordYears,
  }
}

// incumbents: fewer women and non-party cadres than the reserve pool; heads under avoidance come from outside
const ETHNICITY: Base['ethnicity'] = [
  ['han', 66],
  ['mongol', 20],
  ['hui', 4],
  ['manchu', 4],
  ['daur', 2],
]
const INCUMBENT_PARTY: readonly (readonly [PartyAffiliation, number])[] = [
  ['cpc', 93],
  ['democratic-party', 5],
  ['none', 2],
]
const INCUMBENTS: Base = { female: 0.14, ethnicity: ETHNICITY, party: INCUMBENT_PARTY, local: 0.8 }

/**
 * Generates a fictional county (a banner of an autonomous region): teams and
 * their posts, a roster of incumbents and reserve cadres, and the open posts of
 * one adjustment round. Same options, same scenario.
 *
 * @param options - sizes, shares, policy and reference date; see {@link GenerateOptions}
 * @returns a fully populated scenario; when the roster can fill the posts (as with the
 *   default number of teams), keeping every incumbent who may stay meets every hard rule
 * @throws RangeError when an option is out of its range or of the wrong type (the
 *   message names it: `generateScenario: options.cadres: expected an integer in 20–10000,
 *   got 5`); TypeError when `options` is not an object. The one entry point that throws
 *   on a bad value rather than answering `Either`: it makes fictional counties for tests,
 *   examples and benchmarks from options written in code, where a slip is a programmer
 *   error to fix at once (docs/guide.md, "What throws")
 * @category Sample
 * @example
 * const s = generateScenario({ seed: 7, cadres: 200 })
 * [s.cadres.length, s.teams.length, s.county]
 * //=> [200, 20, '青山旗']
 */
export function generateScenario(options: GenerateOptions = {}): Scenario {
  const o = resolveOptions(options)
  const rng = wholeDraws(createRng(o.seed))
  const asOf = toMonth(o.asOf)
  const ctx = {
    asOf,
    county: COUNTY,
    neighbours: NEIGHBOURS,
    majority: o.policy.structure.minority.majorityEthnicity,
  }
  const plans = planTeams(rng, o.teams, COUNTY)
  const posts = plans.flatMap((plan, t) => plan.posts.map((p, i) => ({ plan: p, team: plan, t, i })))

  const witnesses = plans.map((plan) => placeWitnesses(rng, plan, teamNeeds(plan, o.policy)))
  // vacancies never take a witness's post while others are left; the reserve keeps ≥ 15% of the roster
  const maxIncumbents = o.cadres - Math.max(2, Math.ceil(0.15 * o.cadres))
  const vacancies = Math.min(
    posts.length,
    Math.max(Math.round(o.vacancyShare * posts.length), posts.length - maxIncumbents),
  )
  const isWitness = (p: (typeof posts)[number]): boolean => witnesses[p.t]?.has(p.i) ?? false
  const vacant = new Set(
    [...rng.shuffle(posts.filter((p) => !isWitness(p))), ...rng.shuffle(posts.filter(isWitness))]
      .slice(0, vacancies)
      .map((p) => p.plan.post.id),
  )

  // at most one must-rotate incumbent per team, never both heads of a unit, only where stability allows one change
  const mustMove = new Set<string>()
  const unitsWithMovingHead = new Set<string>()
  const { maxChanged } = o.policy.stability
  const headRole = (p: PostPlan): boolean => p.post.role === 'party-head' || p.post.role === 'government-head'
  plans.forEach((plan, t) => {
    const n = plan.posts.length
    if (Math.max(maxChanged.minAllowed, Math.floor(maxChanged.maxChangedShare * n)) < 1 || !rng.chance(0.15))
      return
    const candidates = plan.posts.filter(
      (p, i) =>
        !vacant.has(p.post.id) &&
        !witnesses[t]?.has(i) &&
        !p.post.rotationExempt &&
        !(headRole(p) && unitsWithMovingHead.has(plan.team.unit)),
    )
    if (candidates.length === 0) return
    const p = rng.pick(candidates)
    mustMove.add(p.post.id)
    if (headRole(p)) unitsWithMovingHead.add(plan.team.unit)
  })

  // tenure: a quarter of the incumbents are due to move (≥ 5 years); only the chosen few must (≥ 10).
  // In whole months, as the rules count them (months in post ≥ 12 × years): a fractional limit
  // is reached in the month after it, 6.3 years (75.6 months) at 76 months and not at 75.
  const mustMonths = Math.ceil(12 * o.policy.people.mustRotate.years)
  const shouldMonths = Math.min(Math.ceil(12 * o.policy.people.shouldRotate.years), mustMonths)
  const cap = Math.max(1, mustMonths - 1)
  const avoid = new Set<string>(
    o.policy.people.hometownAvoidance.enabled ? o.policy.people.hometownAvoidance.roles : [],
  )
  const drafts: Draft[] = []
  const teamOf: number[] = []
  for (const { plan, team, t, i } of posts) {
    if (vacant.has(plan.post.id)) continue
    const w = witnesses[t]?.get(i)
    const maxAge = w?.maxAge
    const months = mustMove.has(plan.post.id)
      ? rng.int(mustMonths, mustMonths + 50)
      : maxAge !== undefined
        ? rng.int(1, Math.max(1, Math.min(59, Math.floor(12 * (maxAge - 25)), cap)))
        : rng.chance(0.25)
          ? rng.int(Math.min(shouldMonths, cap), cap)
          : rng.int(1, Math.min(shouldMonths - 1, cap))
    const spec: CadreSpec = {
      rank: plan.post.rank,
      female: w?.female,
      ethnicity: plan.ethnicity ?? w?.ethnicity,
      party: w?.nonParty ? 'non-party' : plan.cpcOnly ? 'cpc' : undefined,
      nonLocal: plan.post.role !== null && avoid.has(plan.post.role),
      maxAge,
      post: { id: plan.post.id, months },
      hints: [...plan.post.specialties, ...team.team.specialties],
    }
    drafts.push(makeCadre(rng, spec, INCUMBENTS, ctx))
    teamOf.push(t)
  }
  for (const d of reservePool(rng, o.cadres - drafts.length, plans, o.policy, ctx)) {
    drafts.push(d)
    teamOf.push(-1)
  }

  // the roster is not sorted by post: ids follow a shuffled order
  const order = rng.shuffle(drafts.map((_, k) => k))
  const roster = order.map((k, j) => {
    const d = drafts[k] as Draft
    d.id = `C${String(j + 1).padStart(5, '0')}`
    return d
  })
  linkKin(
    rng,
    roster,
    order.map((k) => teamOf[k] as number),
  )
  assignCategories(o.seed, roster)

  const open = new Set(
    [
      ...rng.shuffle(posts.filter((p) => vacant.has(p.plan.post.id) || mustMove.has(p.plan.post.id))),
      ...rng.shuffle(posts.filter((p) => !vacant.has(p.plan.post.id) && !mustMove.has(p.plan.post.id))),
    ]
      .slice(0, Math.round(o.openShare * posts.length))
      .map((p) => p.plan.post.id),
  )
  const cadres = roster as readonly Cadre[]
  return {
    asOf: o.asOf,
    county: COUNTY,
    cadres: o.recordYears === 0 ? cadres : withRecords(cadres, o),
    teams: plans.map((p) => p.team),
    policy: o.policy,
    openPosts: posts.filter((p) => open.has(p.plan.post.id)).map((p) => p.plan.post.id),
    locks: [],
    forbidden: [],
  }
}

/**
 * The stream with its whole-number draws kept whole whatever their bounds: a
 * bound a fractional policy setting makes fractional (the months at rank of
 * `ladder.minYearsAtRank` 2.3, 27.6; the age limit of `young.maxAge` 38.3)
 * is rounded inward, the lower up and the upper down, so that a draw is a
 * whole number within the bounds — a month `YYYY-MM`, never
 * `2016-6.400000000001455`. Whole bounds draw exactly as before, from the
 * same stream.
 */
function wholeDraws(rng: Rng): Rng {
  return { ...rng, int: (min, max) => rng.int(Math.ceil(min), Math.floor(max)) }
}

const RESERVE_CATEGORIES: readonly (readonly [CadreCategory, number])[] = [
  ['party-government', 78],
  ['professional-technical', 15],
  ['enterprise', 7],
]

/**
 * Categories (干部类别) of the talent pool: incumbents are party and government
 * cadres; the others are drawn from a stream of their own, so that nothing
 * drawn before (and nothing the solver reads) changes.
 */
function assignCategories(seed: number, roster: Draft[]): void {
  const rng = createRng(seed + 0x2545f491)
  for (const d of roster)
    d.category = d.currentPost === null ? rng.weighted(RESERVE_CATEGORIES) : 'party-government'
}

/** The roster with detailed assessment records, from a stream of their own (the seed's mirror). */
function withRecords(cadres: readonly Cadre[], o: Resolved): Cadre[] {
  const records = drawAssessmentRecords(cadres, o.asOf, o.recordYears, o.policy, ~o.seed)
  // in the field order of the decoder, so that an encoded scenario reads back byte for byte
  return cadres.map((c, i) => {
    const {
      integrity,
      temperament,
      reserveGroups,
      exceptionalPromotion,
      workStart,
      partyJoined,
      history,
      category,
      ...head
    } = c
    return {
      ...head,
      assessmentRecords: records[i]!,
      integrity,
      temperament,
      reserveGroups,
      exceptionalPromotion,
      workStart,
      partyJoined,
      history,
      ...(category === undefined ? {} : { category }),
    }
  })
}

/** A few spouse and sibling pairs (about 1.2% of the roster), never in the same team. */
function linkKin(rng: Rng, roster: Draft[], teamOf: readonly number[]): void {
  const pairs = Math.max(1, Math.round(roster.length * 0.006))
  const year = (d: Draft): number => toMonth(d.birth) / 12
  for (let made = 0, tries = 0; made < pairs && tries < pairs * 50; tries++) {
    const a = rng.int(0, roster.length - 1)
    const b = rng.int(0, roster.length - 1)
    const x = roster[a] as Draft
    const y = roster[b] as Draft
    const ta = teamOf[a] as number
    if (a === b || x.kin.length > 0 || y.kin.length > 0 || (ta >= 0 && ta === teamOf[b])) continue
    const gap = Math.abs(year(x) - year(y))
    const relation = x.gender !== y.gender && gap <= 8 ? 'spouse' : gap <= 12 ? 'sibling' : null
    if (relation === null) continue
    x.kin = [{ cadreId: y.id, relation }]
    y.kin = [{ cadreId: x.id, relation }]
    made++
  }
}

const SAMPLE_SEED = 2026

/**
 * The bundled sample county 青山旗 (Qingshan Banner, fictional): 1,200 cadres,
 * 120 teams, about 700 posts, 30% of them open; five years of detailed
 * assessment records; fixed seed, default policy.
 * @returns the same scenario on every call
 * @category Sample
 * @example
 * const s = sampleScenario()
 * [s.cadres.length, s.teams.length]
 * //=> [1200, 120]
 */
export function sampleScenario(): Scenario {
  return withSupervision(generateScenario({ seed: SAMPLE_SEED, cadres: 1200, teams: 120, recordYears: 5 }))
}

/**
 * Direct supervisory links (直接上下级领导关系) as a county has them: each
 * department is led by one deputy head of the government (分管副旗长), the
 * deputies taking the departments in turn. Kin avoidance reaches across them.
 */
function withSupervision(s: Scenario): Scenario {
  const deputies = s.teams
    .filter((t) => t.kind === 'government')
    .flatMap((t) => t.posts.filter((p) => p.kind === 'deputy').map((p) => p.id))
  if (deputies.length === 0) return s
  let next = 0
  const teams = s.teams.map((t) =>
    t.kind === 'department' ? { ...t, supervisedBy: [deputies[next++ % deputies.length]!] } : t,
  )
  return { ...s, teams }
}
