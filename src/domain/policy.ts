/**
 * The policy (配备政策): every structure rule and rule about people as data,
 * each switchable on/off and hard/soft, with the defaults of DOMAIN.md.
 * Nothing in a solver hard-codes one of these numbers.
 *
 * @module
 */
import type {
  AssessmentKind,
  EducationLevel,
  EvaluatorGroup,
  Gender,
  Grade,
  KinRelation,
  PostKind,
  PostRole,
  Rank,
  TeamKind,
} from './types.js'

/**
 * How a rule takes part: `enabled` switches it on; a `hard` rule must hold; a
 * soft one may be broken at `penalty` per unit of shortfall (see docs/rules.md
 * for the unit of each rule).
 * @category Policy
 */
export interface RuleSwitch {
  readonly enabled: boolean
  readonly hard: boolean
  readonly penalty: number
}

/** An age band of the age-gradient rule: members aged `minAge..maxAge` inclusive. @category Policy */
export interface AgeBand {
  readonly label: string
  readonly minAge: number
  readonly maxAge: number
}

/** Structure rules a team must satisfy (结构要求). @category Policy */
export interface StructureRules {
  /** ≥ `min` women in a team of ≥ `minTeamSize` posts. */
  readonly women: RuleSwitch & { readonly min: number; readonly minTeamSize: number }
  /** ≥ `min` members aged ≤ `maxAge` in a team of ≥ `minTeamSize` posts. */
  readonly young: RuleSwitch & { readonly min: number; readonly maxAge: number; readonly minTeamSize: number }
  /** The stricter town rule: ≥ `min` members aged ≤ `maxAge` in teams of the listed kinds. */
  readonly youngTown: RuleSwitch & {
    readonly min: number
    readonly maxAge: number
    readonly teamKinds: readonly TeamKind[]
  }
  /** ≥ `min` members whose ethnicity is not `majorityEthnicity`, in teams of an ethnic autonomous area. */
  readonly minority: RuleSwitch & { readonly min: number; readonly majorityEthnicity: string }
  /** ≥ `min` members of the area's titular ethnicity, in teams flagged `needsTitularMember`. */
  readonly titular: RuleSwitch & { readonly min: number }
  /** ≥ `min` non-party members, in teams flagged `needsNonPartyMember`. */
  readonly nonParty: RuleSwitch & { readonly min: number }
  /** ≥ `minPerBand` members in every band (老中青), in teams of ≥ `minTeamSize` posts. */
  readonly ageBands: RuleSwitch & {
    readonly bands: readonly AgeBand[]
    readonly minPerBand: number
    readonly minTeamSize: number
  }
  /** Average age of the members within `[min, max]` (either may be `null`), in teams of ≥ `minTeamSize` posts. */
  readonly averageAge: RuleSwitch & {
    readonly min: number | null
    readonly max: number | null
    readonly minTeamSize: number
  }
  /** Every specialty a team lists is covered by at least one member. */
  readonly specialtyCoverage: RuleSwitch
  /** At most `maxPerField` members share one field (`category/field`). */
  readonly specialtyCap: RuleSwitch & { readonly maxPerField: number }
  /** ≥ `minDistinct` temperament types in a team of ≥ `minTeamSize` posts. */
  readonly temperament: RuleSwitch & { readonly minDistinct: number; readonly minTeamSize: number }
}

/** Rules about one round of changes (稳定性). @category Policy */
export interface StabilityRules {
  /**
   * At most `max(minAllowed, floor(maxChangedShare × posts))` posts of a team
   * whose incumbent leaves in one round.
   */
  readonly maxChanged: RuleSwitch & { readonly maxChangedShare: number; readonly minAllowed: number }
  /** The party head and the government head of one unit are not both changed. */
  readonly headsNotBoth: RuleSwitch
}

/** Rules about people: whether a cadre may take a post (资格条件). @category Policy */
export interface PeopleRules {
  /**
   * One rung at a time; years at the current rank before promotion from it.
   * `minYearsAtRank[r]` is the years needed at rank `r` before moving up.
   */
  readonly ladder: RuleSwitch & { readonly minYearsAtRank: Readonly<Record<Rank, number>> }
  /**
   * Appointment to a post ranked below the cadre (降级任职). Demotion is an
   * outcome of assessment (能上能下), not a staffing convenience: soft by
   * default, so the optimiser steps a cadre down only when it pays more than
   * the penalty.
   */
  readonly stepDown: RuleSwitch
  /**
   * Minimum education for a new appointment: `minLevelPerKind[p.kind]` when
   * set, else `minLevel`. Full-time or in-service education counts alike; the
   * finding notes which it was.
   */
  readonly education: RuleSwitch & {
    readonly minLevel: EducationLevel
    readonly minLevelPerKind: Readonly<Record<PostKind, EducationLevel | null>>
  }
  /** Maximum age at appointment, per post kind. */
  readonly age: RuleSwitch & { readonly maxAgeAtAppointment: Readonly<Record<PostKind, number>> }
  /** Four checks done, recent (within `maxAgeMonths`), clean and double-signed before a promotion. */
  readonly integrity: RuleSwitch & { readonly maxAgeMonths: number }
  /** No appointment while under investigation or within a disciplinary period. */
  readonly discipline: RuleSwitch
  /** No promotion with one of `blockingGrades` in the last `lookbackYears` assessment years. */
  readonly assessment: RuleSwitch & {
    readonly lookbackYears: number
    readonly blockingGrades: readonly Grade[]
  }
  /**
   * Kin never in the same team: two cadres linked by a recorded `kin` link of
   * one of `relations` (spouse, direct blood relatives, collateral within three
   * generations, close in-laws by default).
   */
  readonly kinAvoidance: RuleSwitch & { readonly relations: readonly KinRelation[] }
  /**
   * Years left before retirement at a promotion: at least `minYears` until the
   * retirement age of the cadre's gender (`retirementAge`), so that a promoted
   * cadre can serve. Retirement ages are policy data: they differ by county,
   * rank and the year of the reform.
   */
  readonly retirement: RuleSwitch & {
    readonly retirementAge: Readonly<Record<Gender, number>>
    readonly minYears: number
  }
  /** Posts with one of `roles` never held in the cadre's home locality. */
  readonly hometownAvoidance: RuleSwitch & { readonly roles: readonly PostRole[] }
  /** ≥ `years` in the same post: must move (staying is blocked). */
  readonly mustRotate: RuleSwitch & { readonly years: number }
  /** ≥ `years` in the same post: should move (staying pays the penalty). */
  readonly shouldRotate: RuleSwitch & { readonly years: number }
  /**
   * Terms of office (任期): a term lasts `termYears`; after `maxTerms` terms in
   * the same post (months in post ≥ 12 × termYears × maxTerms) the cadre may
   * not stay for another. Applies to rotation-exempt posts too.
   */
  readonly terms: RuleSwitch & { readonly termYears: number; readonly maxTerms: number }
  /** ≥ `years` at the same level (rank): no further appointment to a post of that rank. */
  readonly levelYears: RuleSwitch & { readonly years: number }
  /**
   * Under `years` in a post the incumbent is generally not moved (任职不满三年
   * 一般不得调整): an incumbent of an open post who leaves it — moved to another
   * post or out of the round — pays the penalty once. Soft by default.
   */
  readonly shortTenure: RuleSwitch & { readonly years: number }
  /**
   * Record consistency (三龄两历): a record that disagrees with itself (party
   * member before `minPartyAge`, work before `minWorkAge`, overlapping history,
   * a party date of a non-member, …) blocks appointment until resolved.
   */
  readonly record: RuleSwitch & { readonly minPartyAge: number; readonly minWorkAge: number }
  /**
   * No promotion without recommendation (推荐是提拔的必经程序): a promotion
   * needs a real-name recommender or democratic votes for the post (or for
   * any post) whose mean share over the groups that voted is at least
   * `minShare` (and above 0). Off by default: a scenario without
   * recommendations would promote no one.
   */
  readonly recommendation: RuleSwitch & { readonly minShare: number }
}

/** Weights of the fit components; they are normalised to sum to one. @category Policy */
export interface FitWeights {
  readonly specialty: number
  readonly assessment: number
  readonly experience: number
  readonly age: number
  /**
   * Weight of the combined assessment score (三结合, `src/assessment`) of the
   * cadre's latest assessed year. 0 by default, which leaves every fit as it
   * was; when positive, the component is computed and shown.
   */
  readonly combined: number
  /**
   * Weight of the recommendation support for the post (推荐得票,
   * `scenario.recommendations`). 0 by default, which leaves every fit as it
   * was; when positive, the component is computed and shown.
   */
  readonly support: number
}

/**
 * How the support component is made from a tally: the mean vote share over
 * the rater groups that voted on the post, weighted `votes`, and the
 * real-name recommenders, weighted `named` (full credit at `namedForFull`
 * recommenders). See docs/rules.md.
 * @category Policy
 */
export interface SupportPolicy {
  /** Weight (≥ 0) of the mean vote share. */
  readonly votes: number
  /** Weight (≥ 0) of the real-name recommenders. */
  readonly named: number
  /** Real-name recommenders that give full credit (≥ 1). */
  readonly namedForFull: number
}

/** How a fit score is made (人岗相适). @category Policy */
export interface FitPolicy {
  readonly weights: FitWeights
  /** Fit of a perfect pair; fits lie in `[0, scale]`. */
  readonly scale: number
  /** Age at which the age component peaks, per post kind. */
  readonly idealAge: Readonly<Record<PostKind, number>>
  /** How the `support` component reads a recommendation tally. */
  readonly support: SupportPolicy
}

/**
 * One assessment indicator (考核指标): its code (a key of
 * `AssessmentRecord.indicators`), its weight in a kind's score, and the
 * training topic (培训专题) that addresses a weakness in it.
 * @category Policy
 */
export interface IndicatorSpec {
  readonly code: string
  /** Weight (≥ 0); weights are renormalised over the indicators a record has. */
  readonly weight: number
  /** Training topic code for a weakness in this indicator (see `TRAINING_TOPIC_LABELS`). */
  readonly training: string
}

/** Thresholds of the feedback list (清单式反馈). @category Policy */
export interface FeedbackPolicy {
  /** An indicator is well above (below) peers at a z-score ≥ `deviation` (≤ −`deviation`). */
  readonly deviation: number
  /** Fewest other cadres in a peer group (same rank and category) for a comparison to be made. */
  readonly minPeers: number
  /** Years of decline in a row that raise a trend warning (2: falling two years running). */
  readonly fallingYears: number
}

/** Thresholds of moving up and down (能上能下). @category Policy */
export interface MovesPolicy {
  /** Consecutive latest years graded excellent that make a cadre a candidate to move up. */
  readonly excellentRun: number
  /** Consecutive latest years graded basic that make a cadre a candidate to move down. */
  readonly basicRun: number
  /** Years looked back for an `incompetent` grade (as `adjustmentCandidates`). */
  readonly lookbackYears: number
}

/**
 * How assessments are combined and read (考核): the indicators, the 三结合
 * weights of the three kinds, the weights of the rater groups, and the
 * thresholds of feedback and of moving up and down. See docs/assessment.md.
 * @category Policy
 */
export interface AssessmentPolicy {
  /** The indicators, in report order (德能勤绩廉 by default). */
  readonly indicators: readonly IndicatorSpec[]
  /** 三结合 weights of the kinds; renormalised over the kinds present in a year. */
  readonly kinds: Readonly<Record<AssessmentKind, number>>
  /** Weights of the rater groups; renormalised over the groups present in a record. */
  readonly evaluators: Readonly<Record<EvaluatorGroup, number>>
  readonly feedback: FeedbackPolicy
  readonly moves: MovesPolicy
}

/** Vacancies (空缺): allowed or not, and what one costs. @category Policy */
export interface VacancyPolicy {
  /** If false, every open post must be filled. */
  readonly allowed: boolean
  /** Cost of leaving one open post empty; larger than any fit so posts are filled when possible. */
  readonly penalty: number
}

/** The whole policy. @category Policy */
export interface Policy {
  readonly structure: StructureRules
  readonly stability: StabilityRules
  readonly people: PeopleRules
  readonly fit: FitPolicy
  readonly vacancy: VacancyPolicy
  readonly assessment: AssessmentPolicy
}

/** A policy given by a user: any part may be left out and takes its default. @category Policy */
export type PolicyInput = DeepPartial<Policy>

/** @category Policy */
export type DeepPartial<T> = T extends readonly (infer _)[]
  ? T
  : T extends object
    ? { readonly [K in keyof T]?: DeepPartial<T[K]> }
    : T

const on = (penalty: number, hard = true): RuleSwitch => ({ enabled: true, hard, penalty })
const off = (penalty: number, hard = true): RuleSwitch => ({ enabled: false, hard, penalty })

/**
 * The default policy, from DOMAIN.md. Every number here is documented in
 * docs/rules.md; counties change them through {@link resolvePolicy}.
 * @category Policy
 */
export const DEFAULT_POLICY: Policy = {
  structure: {
    women: { ...on(200), min: 1, minTeamSize: 3 },
    young: { ...on(200), min: 1, maxAge: 35, minTeamSize: 3 },
    youngTown: { ...off(100), min: 1, maxAge: 30, teamKinds: ['township'] },
    minority: { ...on(200), min: 1, majorityEthnicity: 'han' },
    titular: { ...on(200), min: 1 },
    nonParty: { ...on(200), min: 1 },
    ageBands: {
      ...on(30, false),
      bands: [
        { label: '≤40', minAge: 0, maxAge: 40 },
        { label: '41–50', minAge: 41, maxAge: 50 },
        { label: '≥51', minAge: 51, maxAge: 200 },
      ],
      minPerBand: 1,
      minTeamSize: 5,
    },
    averageAge: { ...off(1, false), min: null, max: 48, minTeamSize: 3 },
    specialtyCoverage: on(100, false),
    specialtyCap: { ...on(20, false), maxPerField: 2 },
    temperament: { ...on(10, false), minDistinct: 2, minTeamSize: 4 },
  },
  stability: {
    maxChanged: { ...on(100), maxChangedShare: 1 / 3, minAllowed: 1 },
    headsNotBoth: on(100),
  },
  people: {
    ladder: {
      ...on(50),
      minYearsAtRank: {
        'section-member': 3,
        'section-deputy': 2,
        'section-chief': 3,
        'division-deputy': 2,
        'division-chief': 0,
      },
    },
    stepDown: on(40, false),
    education: {
      ...on(50),
      minLevel: 'junior-college',
      minLevelPerKind: { head: null, deputy: null, member: null },
    },
    age: { ...on(50), maxAgeAtAppointment: { head: 55, deputy: 55, member: 57 } },
    integrity: { ...on(50), maxAgeMonths: 12 },
    discipline: on(1000),
    assessment: { ...on(50), lookbackYears: 2, blockingGrades: ['basic', 'incompetent'] },
    kinAvoidance: {
      ...on(1000),
      relations: ['spouse', 'parent', 'child', 'sibling', 'in-law', 'collateral'],
    },
    retirement: { ...on(50), retirementAge: { male: 60, female: 55 }, minYears: 2 },
    hometownAvoidance: {
      ...on(100),
      roles: [
        'party-head',
        'government-head',
        'discipline-head',
        'organization-head',
        'court-head',
        'procuratorate-head',
        'police-head',
      ],
    },
    mustRotate: { ...on(100), years: 10 },
    shouldRotate: { ...on(5, false), years: 5 },
    terms: { ...on(100), termYears: 5, maxTerms: 2 },
    levelYears: { ...on(100), years: 15 },
    shortTenure: { ...on(10, false), years: 3 },
    record: { ...on(100), minPartyAge: 18, minWorkAge: 16 },
    recommendation: { enabled: false, hard: true, penalty: 50, minShare: 0 },
  },
  fit: {
    weights: { specialty: 0.4, assessment: 0.3, experience: 0.15, age: 0.15, combined: 0, support: 0 },
    scale: 100,
    idealAge: { head: 45, deputy: 42, member: 40 },
    support: { votes: 0.7, named: 0.3, namedForFull: 2 },
  },
  vacancy: { allowed: true, penalty: 1000 },
  assessment: {
    indicators: [
      { code: 'political', weight: 0.25, training: 'political-theory' },
      { code: 'ability', weight: 0.2, training: 'professional-skills' },
      { code: 'diligence', weight: 0.15, training: 'work-style' },
      { code: 'performance', weight: 0.3, training: 'performance-management' },
      { code: 'integrity', weight: 0.1, training: 'integrity-education' },
    ],
    kinds: { annual: 0.5, ongoing: 0.3, special: 0.2 },
    evaluators: { superiors: 0.4, peers: 0.3, subordinates: 0.2, public: 0.1 },
    feedback: { deviation: 1, minPeers: 5, fallingYears: 2 },
    moves: { excellentRun: 2, basicRun: 2, lookbackYears: 1 },
  },
}

const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function merge<T>(base: T, patch: unknown): T {
  if (patch === undefined) return base
  // A section (an object of the default) is only ever merged into, never replaced by a non-object.
  if (isPlainObject(base)) {
    if (!isPlainObject(patch)) return base
    const out: Record<string, unknown> = { ...base }
    for (const key of Object.keys(patch)) {
      if (Object.hasOwn(base, key)) out[key] = merge(base[key], patch[key])
    }
    return out as T
  }
  return patch as T
}

/**
 * Fills the parts of a policy a user left out with {@link DEFAULT_POLICY}.
 * Arrays replace, objects merge key by key; unknown keys are ignored here (the
 * decoder reports them).
 * @category Policy
 * @example
 * resolvePolicy({ structure: { women: { hard: false } } }).structure.women
 * //=> { enabled: true, hard: false, penalty: 200, min: 1, minTeamSize: 3 }
 */
export function resolvePolicy(input: PolicyInput = {}): Policy {
  return merge(DEFAULT_POLICY, input)
}
