/**
 * Fit of a cadre to a post (人岗相适) as named components, following
 * docs/rules.md: practice and results (years of real work, achievements) weigh
 * more than a diploma.
 *
 * @module
 */
import {
  isFitComponents,
  isSpecialty,
  requireArgument,
  requireScenario,
  requireShape,
  requireString,
} from '../io/door.js'
import type { AssessmentPolicy } from '../domain/policy.js'
import type { FitComponents } from '../domain/proposal.js'
import type { Assessment, Cadre, Grade, Post, Scenario, Specialty, Team } from '../domain/types.js'
import { ageAt, monthsBetween } from '../domain/time.js'
import { latestCombinedScore } from '../assessment/combined.js'
import { supportOf } from './support.js'

const GRADE_VALUE: Readonly<Record<Grade, number>> = {
  excellent: 1,
  competent: 0.7,
  basic: 0.3,
  incompetent: 0,
}

/**
 * Strength of the evidence behind one specialty, in `[0, 1]`. @category Scoring
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 */
export function evidenceStrength(s: Specialty): number {
  requireArgument(
    'evidenceStrength',
    's',
    'a Specialty (with degree, years and achievements)',
    s,
    isSpecialty(s),
  )
  return strengthOf(s)
}

/** {@link evidenceStrength} without the door, for callers holding a decoded specialty. @internal */
export function strengthOf(s: Specialty): number {
  const years = Math.min(Math.max(s.years, 0), 8) / 8
  const achievements = Math.min(Math.max(s.achievements, 0), 3) / 3
  return Math.min(1, 0.15 * (s.degree ? 1 : 0) + 0.5 * years + 0.35 * achievements)
}

/**
 * How closely a cadre's specialty code matches a wanted code: 1 at or below
 * it, 0.6 in the same field, 0.3 in the same category, else 0.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Scoring
 */
export function codeMatch(have: string, wanted: string): number {
  requireString('codeMatch', 'have', have)
  requireString('codeMatch', 'wanted', wanted)
  return matchOf(have, wanted)
}

/** {@link codeMatch} without the door. @internal */
export function matchOf(have: string, wanted: string): number {
  if (have === wanted || have.startsWith(wanted + '/')) return 1
  // The category is the code up to its first '/', the field the segment after it.
  const h1 = have.indexOf('/')
  const w1 = wanted.indexOf('/')
  if ((h1 < 0 ? have : have.slice(0, h1)) !== (w1 < 0 ? wanted : wanted.slice(0, w1))) return 0
  if (h1 >= 0 && w1 >= 0) {
    const h2 = have.indexOf('/', h1 + 1)
    const w2 = wanted.indexOf('/', w1 + 1)
    if (have.slice(h1 + 1, h2 < 0 ? have.length : h2) === wanted.slice(w1 + 1, w2 < 0 ? wanted.length : w2))
      return 0.6
  }
  return 0.3
}

function specialtyComponent(cadre: Cadre, wantedCodes: readonly string[]): number {
  if (wantedCodes.length === 0) return 0.5
  let total = 0
  for (const wanted of wantedCodes) {
    let best = 0
    for (const s of cadre.specialties) best = Math.max(best, matchOf(s.code, wanted) * strengthOf(s))
    total += best
  }
  return total / wantedCodes.length
}

function assessmentComponent(assessments: readonly Assessment[]): number {
  if (assessments.length === 0) return 0.5
  const recent = [...assessments].sort((a, b) => b.year - a.year).slice(0, 3)
  return recent.reduce((s, a) => s + GRADE_VALUE[a.grade], 0) / recent.length
}

/**
 * Fit components of a pair, each in `[0, 1]`. The specialty component weighs
 * the post's wanted specialties, or — for a post that names none — those its
 * team demands, so that a cadre fits a finance bureau's deputy post better
 * than a township's when their record is in finance.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Scoring
 * @param team - the post's team; looked up when not given
 */
export function fitComponents(scenario: Scenario, cadre: Cadre, post: Post, team?: Team): FitComponents {
  requireScenario('fitComponents', scenario)
  requireShape('fitComponents', 'cadre', 'cadre', cadre)
  requireShape('fitComponents', 'post', 'post', post)
  if (team !== undefined) requireShape('fitComponents', 'team', 'team', team)
  return componentsOf(scenario, cadre, post, team)
}

/** {@link fitComponents} without the door, for callers holding a decoded scenario's records. @internal */
export function componentsOf(scenario: Scenario, cadre: Cadre, post: Post, team?: Team): FitComponents {
  const age = ageAt(cadre.birth, scenario.asOf)
  const ideal = scenario.policy.fit.idealAge[post.kind]
  const wanted =
    post.specialties.length > 0
      ? post.specialties
      : ((team ?? scenario.teams.find((t) => t.posts.includes(post)))?.specialties ?? [])
  const components: FitComponents = {
    specialty: specialtyComponent(cadre, wanted),
    assessment: assessmentComponent(cadre.assessments),
    experience: Math.min(Math.max(monthsBetween(cadre.rankSince, scenario.asOf), 0), 96) / 96,
    age: Math.max(0, 1 - Math.abs(age - ideal) / 20),
  }
  const w = scenario.policy.fit.weights
  return {
    ...components,
    ...(w.combined > 0 ? { combined: combinedComponent(cadre, scenario.policy.assessment) } : {}),
    // A post of none of the scenario's teams (a target profile) reads only the any-post tallies,
    // whatever its id: a tally for a real post of that id is not its support.
    ...(w.support > 0
      ? {
          support: supportOf(
            scenario,
            cadre.id,
            scenario.teams.some((t) => t.posts.includes(post)) ? post.id : null,
          ),
        }
      : {}),
  }
}

/** Latest combined score / 100 of each cadre under each assessment policy, computed once per pair of objects. */
const COMBINED = new WeakMap<AssessmentPolicy, WeakMap<Cadre, number>>()

function combinedComponent(cadre: Cadre, policy: AssessmentPolicy): number {
  let byCadre = COMBINED.get(policy)
  if (byCadre === undefined) COMBINED.set(policy, (byCadre = new WeakMap()))
  let v = byCadre.get(cadre)
  if (v === undefined) {
    const latest = latestCombinedScore(cadre, policy)
    v = latest === null ? 0.5 : latest.score / 100
    byCadre.set(cadre, v)
  }
  return v
}

/**
 * Weighted fit in `[0, scale]`, rounded to 1e-6 so that equal inputs give
 * equal objectives on every platform.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Scoring
 */
export function fitScore(scenario: Scenario, components: FitComponents): number {
  requireScenario('fitScore', scenario)
  requireArgument(
    'fitScore',
    'components',
    'FitComponents (from fitComponents)',
    components,
    isFitComponents(components),
  )
  return scoreOf(scenario, components)
}

/** {@link fitScore} without the door. @internal */
export function scoreOf(scenario: Scenario, components: FitComponents): number {
  return weightedFit(
    scenario,
    components.specialty,
    components.assessment,
    components.experience,
    components.age,
    components.combined,
    components.support,
  )
}

/** {@link fitScore} of the components given one by one. */
function weightedFit(
  scenario: Scenario,
  specialty: number,
  assessment: number,
  experience: number,
  age: number,
  combinedComponent: number | undefined,
  supportComponent: number | undefined,
): number {
  const w = scenario.policy.fit.weights
  // the combined and support components take part only when weighted, so default fits are unchanged to the last bit
  const combined = w.combined > 0 ? w.combined : 0
  const support = w.support > 0 ? w.support : 0
  const sum = w.specialty + w.assessment + w.experience + w.age + combined + support
  if (!(sum > 0)) return 0
  let weighted = w.specialty * specialty + w.assessment * assessment + w.experience * experience + w.age * age
  if (combined > 0) weighted += combined * (combinedComponent ?? 0.5)
  if (support > 0) weighted += support * (supportComponent ?? 0)
  const raw = weighted / sum
  return Math.round(raw * scenario.policy.fit.scale * 1e6) / 1e6
}

/**
 * The fit of many pairs of one scenario, equal to {@link fitComponents} and
 * {@link fitScore} to the last bit: what depends on the cadre alone (assessment,
 * experience, age, combined score) is computed once per cadre, the specialty
 * component once per (cadre, set of wanted specialties).
 * @internal
 */
export class FitTable {
  private readonly wantedIds = new Map<string, number>()
  private readonly wantedSets: (readonly string[])[] = []
  /** By wanted set, then cadre: the specialty component, NaN until computed. */
  private readonly specialty: Float64Array[] = []
  private readonly assessment: Float64Array
  private readonly experience: Float64Array
  /** The combined component by cadre, when weighted (NaN until computed). */
  private readonly combined: Float64Array | null
  /** The support component is weighted: scores depend on the post, not only its kind and wanted set. */
  private readonly supportWeighted: boolean
  private readonly done: Uint8Array
  /** Wanted code → held code → {@link codeMatch}. */
  private readonly matches = new Map<string, Map<string, number>>()
  /** By `wanted:kind`, then cadre: the fit score, NaN until computed. */
  private readonly scores = new Map<string, Float64Array>()

  constructor(
    readonly scenario: Scenario,
    /** Age of each cadre at `asOf`. */
    readonly ages: Int32Array,
  ) {
    const n = scenario.cadres.length
    this.assessment = new Float64Array(n)
    this.experience = new Float64Array(n)
    this.combined = scenario.policy.fit.weights.combined > 0 ? new Float64Array(n) : null
    this.supportWeighted = scenario.policy.fit.weights.support > 0
    this.done = new Uint8Array(n)
  }

  /** The id of the specialties a post wants: its own, or its team's when it names none. */
  wantedOf(post: Post, team: Team): number {
    const wanted = post.specialties.length > 0 ? post.specialties : team.specialties
    const key = wanted.join('\u0000')
    let id = this.wantedIds.get(key)
    if (id === undefined) {
      this.wantedIds.set(key, (id = this.wantedSets.length))
      this.wantedSets.push(wanted)
      this.specialty.push(new Float64Array(this.scenario.cadres.length).fill(NaN))
    }
    return id
  }

  private cadre(c: number): void {
    if (this.done[c] === 1) return
    const cadre = this.scenario.cadres[c]!
    this.assessment[c] = assessmentComponent(cadre.assessments)
    this.experience[c] = Math.min(Math.max(monthsBetween(cadre.rankSince, this.scenario.asOf), 0), 96) / 96
    if (this.combined !== null) this.combined[c] = combinedComponent(cadre, this.scenario.policy.assessment)
    this.done[c] = 1
  }

  private specialtyOf(c: number, wanted: number): number {
    const row = this.specialty[wanted]!
    let v = row[c]!
    if (Number.isNaN(v))
      row[c] = v = this.specialtyComponent(this.scenario.cadres[c]!, this.wantedSets[wanted]!)
    return v
  }

  /** `specialtyComponent` with each code match looked up once per pair of codes (the same arithmetic). */
  private specialtyComponent(cadre: Cadre, wantedCodes: readonly string[]): number {
    if (wantedCodes.length === 0) return 0.5
    let total = 0
    for (const wanted of wantedCodes) {
      let matches = this.matches.get(wanted)
      if (matches === undefined) this.matches.set(wanted, (matches = new Map()))
      let best = 0
      for (const s of cadre.specialties) {
        let m = matches.get(s.code)
        if (m === undefined) matches.set(s.code, (m = matchOf(s.code, wanted)))
        best = Math.max(best, m * strengthOf(s))
      }
      total += best
    }
    return total / wantedCodes.length
  }

  /**
   * The components of cadre `c` in post `postId` of `kind` wanting specialty
   * set `wanted` ({@link FitTable.wantedOf}).
   */
  components(c: number, wanted: number, kind: Post['kind'], postId: string): FitComponents {
    this.cadre(c)
    const ideal = this.scenario.policy.fit.idealAge[kind]
    const components: FitComponents = {
      specialty: this.specialtyOf(c, wanted),
      assessment: this.assessment[c]!,
      experience: this.experience[c]!,
      age: Math.max(0, 1 - Math.abs(this.ages[c]! - ideal) / 20),
    }
    return {
      ...components,
      ...(this.combined === null ? {} : { combined: this.combined[c]! }),
      ...(this.supportWeighted ? { support: this.supportOf(c, postId) } : {}),
    }
  }

  /** `fitScore(components(c, wanted, kind, postId))`, without building the components. */
  score(c: number, wanted: number, kind: Post['kind'], postId: string): number {
    return this.scorer(wanted, kind, postId)(c)
  }

  /**
   * The score of each cadre in post `postId` of one kind and wanted set
   * ({@link FitTable.score}): computed once per cadre for every post of that
   * kind and set, unless the support component (which depends on the post)
   * is weighted.
   */
  scorer(wanted: number, kind: Post['kind'], postId: string): (c: number) => number {
    if (this.supportWeighted) return (c) => this.scoreOf(c, wanted, kind, postId)
    const key = `${wanted}:${kind}`
    let row = this.scores.get(key)
    if (row === undefined)
      this.scores.set(key, (row = new Float64Array(this.scenario.cadres.length).fill(NaN)))
    const scores = row
    return (c) => {
      let v = scores[c]!
      if (Number.isNaN(v)) scores[c] = v = this.scoreOf(c, wanted, kind, postId)
      return v
    }
  }

  private supportOf(c: number, postId: string): number {
    return supportOf(this.scenario, this.scenario.cadres[c]!.id, postId)
  }

  private scoreOf(c: number, wanted: number, kind: Post['kind'], postId: string): number {
    this.cadre(c)
    const ideal = this.scenario.policy.fit.idealAge[kind]
    return weightedFit(
      this.scenario,
      this.specialtyOf(c, wanted),
      this.assessment[c]!,
      this.experience[c]!,
      Math.max(0, 1 - Math.abs(this.ages[c]! - ideal) / 20),
      this.combined === null ? undefined : this.combined[c]!,
      this.supportWeighted ? this.supportOf(c, postId) : undefined,
    )
  }
}
