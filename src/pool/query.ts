/**
 * The talent pool (专业干部人才库): every cadre of the roster, queried by
 * category, specialty field and industry, rank, age, gender, ethnicity,
 * party, education, last assessment grade and reserve group, with facet
 * counts, and sorted by fit for a target post profile.
 *
 * @module
 */
import {
  anyOption,
  checkOptions,
  isContext,
  requireShape,
  scenarioArgument,
  type InvalidOptions,
  type OptionSpec,
} from '../io/door.js'
import { isPlainRecord } from '../io/combinators.js'
import { issue, renderValue } from '../io/errors.js'
import { knownKeyExpectation, nearestKnownKey } from '../io/known-key.js'
import { formatPath, type Path } from '../io/path.js'
import { parseEthnicity } from '../domain/ethnicity.js'
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { FitComponents } from '../domain/proposal.js'
import {
  CADRE_CATEGORIES,
  EDUCATION_LEVELS,
  RANKS,
  type Cadre,
  type CadreCategory,
  type EducationLevel,
  type Gender,
  type Grade,
  type PartyAffiliation,
  type Post,
  type PostKind,
  type Rank,
  type ReserveGroup,
  type Scenario,
  type Team,
} from '../domain/types.js'
import { contextOf, type ScenarioContext } from '../rules/context.js'
import { componentsOf, scoreOf } from '../scoring/fit.js'
import { mainFieldOf } from './structure.js'

const PROFESSIONAL = new Set(['education', 'health', 'engineering', 'energy'])

/**
 * The category (干部类别) of a cadre: the recorded `category`, else derived —
 * a cadre holding a post of the scenario's teams, or with no specialty, is
 * `party-government`; otherwise the first specialty's category segment
 * decides: `enterprise` → `enterprise`; `education`, `health`, `engineering`,
 * `energy` → `professional-technical`; anything else → `party-government`.
 *
 * @param cadre - a cadre of the roster
 * @param holdsPost - whether the cadre holds a post of the scenario's teams
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Pool
 * @example
 * const nurse = { ...cadre, category: undefined, specialties: [{ code: 'health/medicine', degree: true, years: 5, achievements: 0 }] }
 * categoryOf(nurse, false)
 * //=> 'professional-technical'
 */
export function categoryOf(cadre: Cadre, holdsPost: boolean): CadreCategory {
  requireShape('categoryOf', 'cadre', 'cadre', cadre)
  if (cadre.category !== undefined) return cadre.category
  const first = cadre.specialties[0]?.code.split('/')[0]
  if (holdsPost || first === undefined) return 'party-government'
  if (first === 'enterprise') return 'enterprise'
  return PROFESSIONAL.has(first) ? 'professional-technical' : 'party-government'
}

/** The post a query sorts by: fit of each cadre to a post of this kind, rank and specialties. @category Pool */
export interface TargetProfile {
  readonly kind: PostKind
  readonly rank: Rank
  /** Specialty codes wanted (prefixes); none: the specialty component is neutral. */
  readonly specialties?: readonly string[]
}

/**
 * A talent-pool query. Every criterion is optional; a list criterion keeps a
 * cadre matching any of its values; criteria combine with "and".
 * @category Pool
 */
export interface PoolQuery {
  readonly categories?: readonly CadreCategory[]
  /**
   * Specialty code prefixes (`economy`, `economy/finance`, `economy/finance/banking`): a
   * cadre with any specialty at or below one of them matches.
   */
  readonly specialties?: readonly string[]
  readonly ranks?: readonly Rank[]
  /** Age at `scenario.asOf`, inclusive. */
  readonly minAge?: number
  readonly maxAge?: number
  readonly genders?: readonly Gender[]
  /** Ethnic groups in any form the decoder reads (`han`, `汉族`, `Mongol`, `02`). */
  readonly ethnicities?: readonly string[]
  readonly parties?: readonly PartyAffiliation[]
  /** At least this education level. */
  readonly minEducation?: EducationLevel
  /** Grade of the latest assessment year; `none` matches a cadre never assessed. */
  readonly lastGrades?: readonly (Grade | 'none')[]
  /** Listed in any of these reserve groups. */
  readonly reserveGroups?: readonly ReserveGroup[]
  /** Only cadres who may be placed this round (no post, or an open one). @defaultValue false */
  readonly candidatesOnly?: boolean
  /** Sort by fit to this profile, best first (ties by roster order); without it, roster order. */
  readonly sortBy?: TargetProfile
  /** At most this many cadres in `cadres` (facets and `total` count them all). @defaultValue all */
  readonly limit?: number
}

/** A query value the pool cannot read: the field, what was expected, and what was given. @category Pool */
export interface InvalidQuery {
  readonly _tag: 'InvalidQuery'
  /** The query field, e.g. `ranks[1]` or `maxAge`. */
  readonly field: string
  readonly expected: string
  readonly got: string
  readonly message: string
}

/** One cadre of a query result. @category Pool */
export interface PoolEntry {
  readonly cadreId: string
  readonly name: string
  readonly category: CadreCategory
  readonly rank: Rank
  readonly age: number
  /** Main field (`category/field` of the first specialty), or `null`. */
  readonly field: string | null
  /** Post held in the scenario's teams, or `null`. */
  readonly postId: string | null
  /** Fit to the target profile; `null` without `sortBy`. */
  readonly fit: number | null
  readonly components: FitComponents | null
}

/** One facet value and how many cadres of the result have it. @category Pool */
export interface FacetCount {
  readonly value: string
  readonly count: number
}

/**
 * Facet counts of a query result. Every facet but `reserveGroup` counts each
 * cadre once, so its counts sum to `total`; `reserveGroup` counts a cadre
 * under each group listed (`none` when none is).
 * @category Pool
 */
export interface PoolFacets {
  readonly category: readonly FacetCount[]
  /** Main field, `none` without a specialty. */
  readonly field: readonly FacetCount[]
  /** Main industry (first specialty code, up to three segments), `none` without a specialty. */
  readonly industry: readonly FacetCount[]
  readonly rank: readonly FacetCount[]
  /** Age bands of `policy.structure.ageBands` (`other` outside them). */
  readonly ageBand: readonly FacetCount[]
  readonly gender: readonly FacetCount[]
  readonly ethnicity: readonly FacetCount[]
  readonly party: readonly FacetCount[]
  readonly education: readonly FacetCount[]
  /** Grade of the latest assessment year, `none` if never assessed. */
  readonly lastGrade: readonly FacetCount[]
  readonly reserveGroup: readonly FacetCount[]
}

/** The result of a talent-pool query. @category Pool */
export interface PoolResult {
  /** Cadres matching the query. */
  readonly total: number
  /** The first `limit` of them, in result order. */
  readonly cadres: readonly PoolEntry[]
  readonly facets: PoolFacets
}

const SINGLE_FACETS = [
  'category',
  'field',
  'industry',
  'rank',
  'ageBand',
  'gender',
  'ethnicity',
  'party',
  'education',
  'lastGrade',
] as const

/** Names of the facets that count each cadre once (their counts sum to the result size). @category Pool */
export const SINGLE_VALUED_FACETS: readonly (keyof PoolFacets)[] = SINGLE_FACETS

const GENDER_VALUES: readonly Gender[] = ['female', 'male']
const PARTY_VALUES: readonly PartyAffiliation[] = ['cpc', 'democratic-party', 'none']
const GRADE_VALUES: readonly (Grade | 'none')[] = ['excellent', 'competent', 'basic', 'incompetent', 'none']
const GROUP_VALUES: readonly ReserveGroup[] = ['young', 'women', 'minority', 'non-party']
const KIND_VALUES: readonly PostKind[] = ['head', 'deputy', 'member']
const CODE = /^[^/]+(\/[^/]+)*$/

function invalid(field: string, expected: string, value: unknown): InvalidQuery {
  const got = value === undefined ? 'nothing' : renderValue(value)
  return { _tag: 'InvalidQuery', field, expected, got, message: `${field}: expected ${expected}, got ${got}` }
}

const listOf = (values: readonly string[]): string =>
  `one of ${values.map((v) => JSON.stringify(v)).join(', ')}`

/**
 * The keys of a {@link PoolQuery}: each value is read by {@link checkQuery},
 * which names it in an {@link InvalidQuery}; the door refuses a near miss of a
 * key (`minage`, `MaxAge`), which would else match every cadre.
 */
const QUERY_SPEC: OptionSpec = {
  categories: anyOption,
  specialties: anyOption,
  ranks: anyOption,
  minAge: anyOption,
  maxAge: anyOption,
  genders: anyOption,
  ethnicities: anyOption,
  parties: anyOption,
  minEducation: anyOption,
  lastGrades: anyOption,
  reserveGroups: anyOption,
  candidatesOnly: anyOption,
  sortBy: anyOption,
  limit: anyOption,
}

/** The keys of a {@link TargetProfile}. */
const PROFILE_SPEC: OptionSpec = { kind: anyOption, rank: anyOption, specialties: anyOption }

/**
 * The door's refusal of a query object's keys (its own and its `sortBy`'s),
 * or `null`. Besides the options door's near misses (case, British
 * spelling), a key within a few edits of a criterion is refused with it
 * (`gender` → `genders`, `specialty` → `specialties`): left alone, it
 * filtered nothing and the query matched every cadre. A key that is no near
 * miss (a note of the caller's) is left alone.
 */
function queryKeys(q: object): InvalidOptions | null {
  const own = withNearMisses(q, QUERY_SPEC, ['query'])
  if (own !== null) return own
  const sortBy = (q as PoolQuery).sortBy
  return isPlainRecord(sortBy) ? withNearMisses(sortBy, PROFILE_SPEC, ['query', 'sortBy']) : null
}

/** {@link checkOptions} of `o` at `path`, and a refusal of each unknown key near a known one. */
function withNearMisses(o: object, spec: OptionSpec, path: Path): InvalidOptions | null {
  const checked = checkOptions(o, spec, path)
  const issues = checked._tag === 'Left' ? [...checked.left.issues] : []
  const known = Object.keys(spec)
  const named = new Set(issues.map((i) => formatPath(i.path)))
  for (const key of Object.keys(o)) {
    if (Object.hasOwn(spec, key) || named.has(formatPath([...path, key]))) continue
    // A singular read as its plural too (`party` → `parties`).
    const near = [key, `${key}s`].find((k) => nearestKnownKey(k, known) !== undefined)
    if (near !== undefined)
      issues.push(
        issue([...path, key], knownKeyExpectation(near, known), (o as Record<string, unknown>)[key]),
      )
  }
  return issues.length === 0
    ? null
    : { _tag: 'InvalidOptions', issues, message: issues.map((i) => i.message).join('\n') }
}

/** The first problem of a query, or `null`. */
function checkQuery(q: PoolQuery): InvalidQuery | null {
  if (typeof q !== 'object' || q === null || Array.isArray(q))
    return invalid('query', 'a query object (or nothing, for every cadre)', q)
  const list = (field: string, value: unknown, ok: (x: unknown) => boolean, expected: string) => {
    if (value === undefined) return null
    if (!Array.isArray(value)) return invalid(field, `an array of ${expected}`, value)
    for (let i = 0; i < value.length; i++)
      if (!ok(value[i])) return invalid(`${field}[${i}]`, expected, value[i])
    return null
  }
  const among =
    (values: readonly string[]) =>
    (x: unknown): boolean =>
      typeof x === 'string' && values.includes(x)
  const age = (field: string, value: unknown) =>
    value === undefined || (Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 150)
      ? null
      : invalid(field, 'an integer age in 0–150', value)
  return (
    list('categories', q.categories, among(CADRE_CATEGORIES), listOf(CADRE_CATEGORIES)) ??
    list(
      'specialties',
      q.specialties,
      (x) => typeof x === 'string' && CODE.test(x),
      'a specialty code prefix',
    ) ??
    list('ranks', q.ranks, among(RANKS), listOf(RANKS)) ??
    age('minAge', q.minAge) ??
    age('maxAge', q.maxAge) ??
    (q.minAge !== undefined && q.maxAge !== undefined && q.minAge > q.maxAge
      ? invalid('maxAge', `an age ≥ minAge ${q.minAge}`, q.maxAge)
      : null) ??
    list('genders', q.genders, among(GENDER_VALUES), listOf(GENDER_VALUES)) ??
    list(
      'ethnicities',
      q.ethnicities,
      (x) => typeof x === 'string' && parseEthnicity(x) !== undefined,
      "one of China's 56 ethnic groups (GB 3304) in any usual form: han, 汉族, Han, 01",
    ) ??
    list('parties', q.parties, among(PARTY_VALUES), listOf(PARTY_VALUES)) ??
    (q.minEducation === undefined || among(EDUCATION_LEVELS)(q.minEducation)
      ? null
      : invalid('minEducation', listOf(EDUCATION_LEVELS), q.minEducation)) ??
    list('lastGrades', q.lastGrades, among(GRADE_VALUES), listOf(GRADE_VALUES)) ??
    list('reserveGroups', q.reserveGroups, among(GROUP_VALUES), listOf(GROUP_VALUES)) ??
    (q.candidatesOnly === undefined || typeof q.candidatesOnly === 'boolean'
      ? null
      : invalid('candidatesOnly', 'a boolean', q.candidatesOnly)) ??
    (q.limit === undefined || (Number.isInteger(q.limit) && q.limit >= 0)
      ? null
      : invalid('limit', 'a non-negative integer', q.limit)) ??
    checkProfile(q.sortBy)
  )
}

function checkProfile(p: TargetProfile | undefined): InvalidQuery | null {
  if (p === undefined) return null
  if (typeof p !== 'object' || p === null) return invalid('sortBy', 'a target profile object', p)
  if (!KIND_VALUES.includes(p.kind)) return invalid('sortBy.kind', listOf(KIND_VALUES), p.kind)
  if (!RANKS.includes(p.rank)) return invalid('sortBy.rank', listOf(RANKS), p.rank)
  const codes: unknown = p.specialties
  if (codes === undefined) return null
  if (!Array.isArray(codes))
    return invalid('sortBy.specialties', 'an array of specialty code prefixes', codes)
  for (let i = 0; i < codes.length; i++)
    if (typeof codes[i] !== 'string' || !CODE.test(codes[i] as string))
      return invalid(`sortBy.specialties[${i}]`, 'a specialty code prefix', codes[i])
  return null
}

/**
 * The grade of the latest assessment year (the worst one if a year is listed twice), or `none`. @category Pool
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 */
export function lastGradeOf(cadre: Cadre): Grade | 'none' {
  requireShape('lastGradeOf', 'cadre', 'cadre', cadre)
  let year = -Infinity
  let grade: Grade | 'none' = 'none'
  const order = GRADE_VALUES
  for (const a of cadre.assessments) {
    if (a.year > year || (a.year === year && order.indexOf(a.grade) > order.indexOf(grade))) {
      year = a.year
      grade = a.grade
    }
  }
  return grade
}

const hasSpecialtyUnder = (cadre: Cadre, prefixes: readonly string[]): boolean =>
  cadre.specialties.some((s) => prefixes.some((p) => s.code === p || s.code.startsWith(`${p}/`)))

/** A post of the given profile, to score fit against (not part of any team). @internal */
export function profilePost(p: TargetProfile, id = 'target'): Post {
  return {
    id,
    title: id,
    kind: p.kind,
    rank: p.rank,
    specialties: [...(p.specialties ?? [])],
    role: null,
    rotationExempt: false,
  }
}

/** A team of one post, so that fit never looks for the post among the scenario's teams. @internal */
export function profileTeam(post: Post): Team {
  return {
    id: post.id,
    name: post.title,
    kind: 'department',
    unit: post.id,
    locality: '',
    area: { ethnicAutonomous: false, titularEthnicity: null },
    needsTitularMember: false,
    needsNonPartyMember: false,
    specialties: [],
    posts: [post],
  }
}

function facetCounts(values: Iterable<string>, order: readonly string[] = []): FacetCount[] {
  const counts = new Map<string, number>()
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1)
  const rank = new Map(order.map((v, i) => [v, i]))
  return [...counts.entries()]
    .map(([value, count]) => ({ value, count }))
    .sort((a, b) => {
      const ra = rank.get(a.value) ?? Infinity
      const rb = rank.get(b.value) ?? Infinity
      if (ra !== rb) return ra - rb
      return b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0)
    })
}

/**
 * Queries the talent pool: the cadres of the roster matching every given
 * criterion, with facet counts over all of them, sorted by fit to
 * `sortBy` (fit of `src/scoring/fit.ts`, ties by roster order) or in roster order.
 *
 * @param scenario - a decoded scenario (ages are taken at its `asOf`)
 * @param query - the criteria; see {@link PoolQuery}
 * @param context - the scenario's context, when the caller already built it
 * @returns `Right` of the result, or `Left`: an {@link InvalidQuery} naming the field of the first
 * value that cannot be read, or `InvalidOptions` naming a key misspelt by case, British spelling
 * or a missing unit (`query.minage: expected a known option (did you mean "minAge"?), got 50`)
 * @category Pool
 * @example
 * const r = queryPool(sampleScenario(), { specialties: ['economy/finance'], genders: ['female'], maxAge: 40 })
 * r._tag === 'Right' && r.right.total
 * //=> 22
 */
export function queryPool(
  scenario: Scenario,
  query: PoolQuery = {},
  context?: ScenarioContext,
): Either<InvalidQuery | InvalidOptions, PoolResult> {
  const notScenario = scenarioArgument(scenario)
  if (notScenario !== null)
    return left({
      _tag: 'InvalidQuery',
      field: 'scenario',
      expected: notScenario.expected,
      got: notScenario.got,
      message: notScenario.message,
    })
  if (context !== undefined && !isContext(context))
    return left({
      _tag: 'InvalidQuery',
      field: 'context',
      expected: 'a ScenarioContext (from contextOf), or nothing',
      got: renderValue(context),
      message: `context: expected a ScenarioContext (from contextOf), or nothing, got ${renderValue(context)}`,
    })
  // A query that is not an object at all is the query's own error (checkQuery names it).
  const misspelt =
    typeof query === 'object' && query !== null && !Array.isArray(query) ? queryKeys(query) : null
  if (misspelt !== null) return left(misspelt)
  const problem = checkQuery(query)
  if (problem !== null) return left(problem)
  const ctx = context ?? contextOf(scenario)
  const cadres = scenario.cadres
  const candidate = query.candidatesOnly === true ? new Set(ctx.candidates) : null
  const heldInTeams = (c: Cadre): boolean =>
    c.currentPost !== null && ctx.postLocation.has(c.currentPost.postId)
  const sets = {
    categories: query.categories === undefined ? null : new Set(query.categories),
    ranks: query.ranks === undefined ? null : new Set(query.ranks),
    genders: query.genders === undefined ? null : new Set(query.genders),
    ethnicities:
      query.ethnicities === undefined ? null : new Set(query.ethnicities.map((e) => parseEthnicity(e) ?? e)),
    parties: query.parties === undefined ? null : new Set(query.parties),
    grades: query.lastGrades === undefined ? null : new Set(query.lastGrades),
    groups: query.reserveGroups === undefined ? null : new Set(query.reserveGroups),
  }
  const minEducation = query.minEducation === undefined ? 0 : EDUCATION_LEVELS.indexOf(query.minEducation)
  const hits: number[] = []
  const categories: CadreCategory[] = []
  const grades: (Grade | 'none')[] = []
  for (let i = 0; i < cadres.length; i++) {
    const c = cadres[i]!
    const age = ctx.ages[i]!
    if (candidate !== null && !candidate.has(i)) continue
    if (query.minAge !== undefined && age < query.minAge) continue
    if (query.maxAge !== undefined && age > query.maxAge) continue
    if (sets.ranks !== null && !sets.ranks.has(c.rank)) continue
    if (sets.genders !== null && !sets.genders.has(c.gender)) continue
    if (sets.ethnicities !== null && !sets.ethnicities.has(c.ethnicity)) continue
    if (sets.parties !== null && !sets.parties.has(c.party)) continue
    if (EDUCATION_LEVELS.indexOf(c.education.level) < minEducation) continue
    if (query.specialties !== undefined && !hasSpecialtyUnder(c, query.specialties)) continue
    if (sets.groups !== null && !c.reserveGroups.some((g) => sets.groups!.has(g))) continue
    const category = categoryOf(c, heldInTeams(c))
    if (sets.categories !== null && !sets.categories.has(category)) continue
    const grade = lastGradeOf(c)
    if (sets.grades !== null && !sets.grades.has(grade)) continue
    hits.push(i)
    categories.push(category)
    grades.push(grade)
  }

  const bands = scenario.policy.structure.ageBands.bands
  const bandOf = (age: number): string =>
    bands.find((b) => age >= b.minAge && age <= b.maxAge)?.label ?? 'other'
  const industryOf = (c: Cadre): string => c.specialties[0]?.code.split('/').slice(0, 3).join('/') ?? 'none'
  const at = (k: number): Cadre => cadres[hits[k]!]!
  const each = <T>(f: (c: Cadre, k: number) => T): T[] => hits.map((_, k) => f(at(k), k))
  const facets: PoolFacets = {
    category: facetCounts(categories, CADRE_CATEGORIES),
    field: facetCounts(each((c) => mainFieldOf(c) ?? 'none')),
    industry: facetCounts(each(industryOf)),
    rank: facetCounts(
      each((c) => c.rank),
      RANKS,
    ),
    ageBand: facetCounts(
      hits.map((i) => bandOf(ctx.ages[i]!)),
      bands.map((b) => b.label),
    ),
    gender: facetCounts(
      each((c) => c.gender),
      GENDER_VALUES,
    ),
    ethnicity: facetCounts(each((c) => c.ethnicity)),
    party: facetCounts(
      each((c) => c.party),
      PARTY_VALUES,
    ),
    education: facetCounts(
      each((c) => c.education.level),
      EDUCATION_LEVELS,
    ),
    lastGrade: facetCounts(grades, GRADE_VALUES),
    reserveGroup: facetCounts(
      each((c) => (c.reserveGroups.length === 0 ? ['none'] : c.reserveGroups)).flat(),
      [...GROUP_VALUES, 'none'],
    ),
  }

  let order = hits.map((_, k) => k)
  let fits: Float64Array | null = null
  let parts: FitComponents[] | null = null
  if (query.sortBy !== undefined) {
    const post = profilePost(query.sortBy)
    const team = profileTeam(post)
    parts = each((c) => componentsOf(scenario, c, post, team))
    fits = Float64Array.from(parts, (p) => scoreOf(scenario, p))
    const f = fits
    order = order.sort((a, b) => f[b]! - f[a]! || hits[a]! - hits[b]!)
  }
  const limit = query.limit ?? order.length
  const entries = order.slice(0, limit).map((k): PoolEntry => {
    const c = at(k)
    return {
      cadreId: c.id,
      name: c.name,
      category: categories[k]!,
      rank: c.rank,
      age: ctx.ages[hits[k]!]!,
      field: mainFieldOf(c),
      postId: heldInTeams(c) ? c.currentPost!.postId : null,
      fit: fits === null ? null : fits[k]!,
      components: parts === null ? null : parts[k]!,
    }
  })
  return right({ total: hits.length, cadres: entries, facets })
}
