/**
 * The vocabulary of banzi (see docs/glossary.md): cadres, teams, posts and the
 * scenario of one adjustment round. Plain readonly data, JSON-serialisable, so
 * that a scenario can be stored, diffed and replayed byte for byte.
 *
 * @module
 */
import type { Policy } from './policy.js'

// ---------------------------------------------------------------------------
// scalars
// ---------------------------------------------------------------------------

/** A month, written `YYYY-MM` (e.g. `"1985-07"`). Ages and tenures are counted in whole months. @category Domain */
export type YearMonth = string

/** @category Domain */
export type Gender = 'male' | 'female'

/**
 * Political affiliation (政治面貌). `cpc` is a member of the Communist Party of
 * China (中共党员); `democratic-party` a member of one of the eight democratic
 * parties (民主党派); `none` no affiliation (群众). Both of the latter count as
 * non-party cadres (党外干部).
 * @category Domain
 */
export type PartyAffiliation = 'cpc' | 'democratic-party' | 'none'

/** Highest education level (学历), ordered low to high. @category Domain */
export type EducationLevel = 'secondary' | 'junior-college' | 'bachelor' | 'master' | 'doctorate'

/** The education levels in ascending order. @category Domain */
export const EDUCATION_LEVELS: readonly EducationLevel[] = [
  'secondary',
  'junior-college',
  'bachelor',
  'master',
  'doctorate',
]

/** Rank on the ladder (职级), ordered low to high. @category Domain */
export type Rank =
  'section-member' | 'section-deputy' | 'section-chief' | 'division-deputy' | 'division-chief'

/** The ranks in ascending order: one rung is one step in this list. @category Domain */
export const RANKS: readonly Rank[] = [
  'section-member',
  'section-deputy',
  'section-chief',
  'division-deputy',
  'division-chief',
]

/** Kind of a post (职位): head 正职, deputy 副职, member 成员. @category Domain */
export type PostKind = 'head' | 'deputy' | 'member'

/**
 * Special roles of a post, used by hometown avoidance and by the stability rule
 * that the party head and government head of a unit are not both changed.
 * @category Domain
 */
export type PostRole =
  | 'party-head'
  | 'government-head'
  | 'discipline-head'
  | 'organization-head'
  | 'court-head'
  | 'procuratorate-head'
  | 'police-head'

/** Yearly assessment grade (考核等次). @category Domain */
export type Grade = 'excellent' | 'competent' | 'basic' | 'incompetent'

/**
 * Kind of an assessment (考核类别): the yearly assessment 年度考核, the
 * ongoing, day-to-day assessment 平时考核, and the assessment of a special
 * task or major project 专项考核. The three are combined (三结合).
 * @category Domain
 */
export type AssessmentKind = 'annual' | 'ongoing' | 'special'

/**
 * A group of raters (测评主体): superiors 上级, peers 同级, subordinates 下级,
 * the public 群众 (including deputies and committee members 两代表一委员).
 * @category Domain
 */
export type EvaluatorGroup = 'superiors' | 'peers' | 'subordinates' | 'public'

/** Temperament type (气质类型): 多血质, 胆汁质, 粘液质, 抑郁质. @category Domain */
export type Temperament = 'sanguine' | 'choleric' | 'phlegmatic' | 'melancholic'

/** The four reserve groups (四类干部). @category Domain */
export type ReserveGroup = 'young' | 'women' | 'minority' | 'non-party'

/**
 * Cadre category (干部类别) of the talent pool: party and government
 * (党政), professional and technical (专业技术), enterprise management (企业管理).
 * @category Domain
 */
export type CadreCategory = 'party-government' | 'professional-technical' | 'enterprise'

/** The cadre categories, in the order reports list them. @category Domain */
export const CADRE_CATEGORIES: readonly CadreCategory[] = [
  'party-government',
  'professional-technical',
  'enterprise',
]

/** Kind of a leadership team. @category Domain */
export type TeamKind =
  'party-committee' | 'government' | 'people-congress' | 'cppcc' | 'township' | 'department' | 'agency'

/** Kin relation (亲属关系) recorded between two cadres. @category Domain */
export type KinRelation = 'spouse' | 'parent' | 'child' | 'sibling' | 'in-law' | 'collateral'

// ---------------------------------------------------------------------------
// cadre
// ---------------------------------------------------------------------------

/**
 * Evidence of a specialty (专业). `code` is a taxonomy path
 * `category/field/industry` (e.g. `economy/finance/banking`); shorter prefixes
 * are allowed. Years of real work and achievements weigh more than a degree.
 * @category Domain
 */
export interface Specialty {
  readonly code: string
  /** Holds a degree in it. */
  readonly degree: boolean
  /** Years of real work in it. */
  readonly years: number
  /** Recognised achievements (awards, completed major projects). */
  readonly achievements: number
}

/** @category Domain */
export interface Education {
  readonly level: EducationLevel
  /** Full-time (全日制) rather than in-service (在职) education. */
  readonly fullTime: boolean
}

/** A post currently held, and since when (任现职时间). @category Domain */
export interface Tenure {
  readonly postId: string
  readonly since: YearMonth
}

/** A recorded kin link to another cadre of the roster. @category Domain */
export interface KinLink {
  readonly cadreId: string
  readonly relation: KinRelation
}

/** One yearly assessment result. @category Domain */
export interface Assessment {
  readonly year: number
  readonly grade: Grade
  /** Optional numeric score, 0–100. */
  readonly score?: number
}

/**
 * One detailed assessment result (考核记录): of one kind, for one year, with
 * the scores of its indicators (德能勤绩廉 by default; the list is policy) and
 * of its rater groups, each 0–100. Every part is optional but the year and
 * kind: the analytics of `src/assessment` say which sources they used and
 * renormalise over those present. Detailed records are read by the
 * assessment analytics only; the staffing rules read `assessments`.
 * @category Domain
 */
export interface AssessmentRecord {
  readonly year: number
  readonly kind: AssessmentKind
  /** Grade of this assessment, if one was given. */
  readonly grade?: Grade
  /** Overall score 0–100, if one was given. */
  readonly score?: number
  /** Indicator code → score 0–100 (codes from `policy.assessment.indicators`). */
  readonly indicators?: Readonly<Record<string, number>>
  /** Rater group → score 0–100 (民主测评 by group). */
  readonly evaluators?: Readonly<Partial<Record<EvaluatorGroup, number>>>
}

/**
 * Integrity record: the four checks (凡提四必), the double signature (双签字)
 * and disciplinary status.
 * @category Domain
 */
export interface Integrity {
  /** 档案必审 */
  readonly fileAudited: boolean
  /** 个人有关事项报告必核 */
  readonly personalMattersVerified: boolean
  /** 纪检监察机关意见必听 */
  readonly disciplineOpinionHeard: boolean
  /** 信访举报必查 */
  readonly complaintsInvestigated: boolean
  /** 双签字 on the integrity conclusion. */
  readonly doubleSigned: boolean
  /** Month the checks were completed; `null` if never. */
  readonly checkedOn: YearMonth | null
  /** The checks found no open problem. */
  readonly clean: boolean
  /** Currently under investigation (立案审查). */
  readonly underInvestigation: boolean
  /** End of a disciplinary period (处分影响期), if any. */
  readonly disciplinaryUntil: YearMonth | null
}

/**
 * One period of the work history (工作经历): a post held in a unit from `from`
 * to `to` (`null`: still held). Consecutive periods may share their boundary
 * month (one ends in the month the next begins).
 * @category Domain
 */
export interface WorkPeriod {
  readonly from: YearMonth
  readonly to: YearMonth | null
  readonly unit: string
  readonly post: string
}

/** A cadre (干部): a candidate or incumbent official. @category Domain */
export interface Cadre {
  readonly id: string
  readonly name: string
  readonly gender: Gender
  readonly birth: YearMonth
  /**
   * Ethnicity as a canonical code of `ETHNIC_GROUPS` (src/domain/ethnicity.ts) (`han`, `mongol`, `hui`); the
   * decoder reads 汉族, Han or 01 into `han`. Compared exactly by the rules.
   */
  readonly ethnicity: string
  readonly party: PartyAffiliation
  readonly education: Education
  readonly specialties: readonly Specialty[]
  /** Post held in this scenario's teams, or `null` (e.g. a reserve cadre). */
  readonly currentPost: Tenure | null
  readonly rank: Rank
  readonly rankSince: YearMonth
  /** Home county (成长地): a place name or division code, matched with a team's locality by `samePlace` (src/domain/place.ts). */
  readonly hometown: string
  readonly kin: readonly KinLink[]
  readonly assessments: readonly Assessment[]
  /**
   * Detailed assessment records (annual, ongoing, special; indicators and
   * rater groups), if recorded. Absent and empty mean the same: no detail.
   */
  readonly assessmentRecords?: readonly AssessmentRecord[]
  readonly integrity: Integrity
  readonly temperament: Temperament | null
  readonly reserveGroups: readonly ReserveGroup[]
  /**
   * Exceptional promotion (破格提拔) explicitly approved for this cadre: waives
   * the years-at-rank requirement (never the one-rung rule) and is flagged.
   */
  readonly exceptionalPromotion: boolean
  /** Month the cadre started work (参加工作时间), if recorded. */
  readonly workStart: YearMonth | null
  /** Month the cadre joined the party (入党时间), if recorded; only for `party: 'cpc'`. */
  readonly partyJoined: YearMonth | null
  /** Work history (工作经历), oldest first; may be empty. */
  readonly history: readonly WorkPeriod[]
  /**
   * Cadre category (干部类别) of the talent pool, if recorded. When absent it
   * is derived by `categoryOf`: a cadre holding a post of the scenario's
   * teams, or with no specialty, is `party-government`; otherwise the first
   * specialty's category segment decides (`enterprise` → `enterprise`;
   * `education`, `health`, `engineering`, `energy` → `professional-technical`;
   * anything else → `party-government`). No rule or fit reads it.
   */
  readonly category?: CadreCategory
}

/** Frontline experience that counts in a candidate's favour (三大攻坚战, grassroots, hard problems). @category Domain */
export type FrontlineExperience = 'poverty' | 'pollution' | 'risk' | 'grassroots' | 'hard-problem'

/**
 * A real-name recommendation (实名制推荐): a named recommender puts a cadre
 * forward on a date, for a reason, and stays accountable for it. Optional
 * input next to a scenario (decoded by `decodeRecommendations`).
 * @category Domain
 */
export interface Recommendation {
  readonly cadreId: string
  /** Name of the recommender (推荐人). */
  readonly recommender: string
  /** The recommender's post or capacity. */
  readonly recommenderPost: string
  readonly date: YearMonth
  readonly reason: string
  /** Reserve groups the cadre is recommended for; empty: any group they qualify for. */
  readonly groups: readonly ReserveGroup[]
  readonly frontline: readonly FrontlineExperience[]
  /** The responsibility the recommender signs for (推荐责任), as recorded. */
  readonly responsibility: string
}

/**
 * The votes of one rater group (推荐主体) in a democratic recommendation
 * (民主推荐): how many of its voters voted for the cadre.
 * @category Domain
 */
export interface GroupVotes {
  /** The rater group or meeting, e.g. `领导班子成员` or `中层干部`. */
  readonly group: string
  /** Votes the cadre received from the group (得票数). */
  readonly votes: number
  /** Voters of the group who took part (参加推荐人数); at least `votes`, one count per group and post. */
  readonly voters: number
}

/**
 * The recommendation support of one cadre for one post (推荐情况), or for
 * any post of the round: the democratic votes by rater group and the
 * real-name recommenders. It shapes proposals through the fit's `support`
 * component (`policy.fit.weights.support`) and, when the policy switches it
 * on, the gate `recommendation.required` (no promotion without support).
 * Build it from a selection round's or the reserve's records with
 * `tallyRecommendations`.
 * @category Domain
 */
export interface RecommendationTally {
  /** The cadre recommended. */
  readonly cadreId: string
  /** The post recommended for; `null`: any post. */
  readonly postId: string | null
  /** Democratic votes by rater group, one entry per group. */
  readonly votes: readonly GroupVotes[]
  /** Real-name recommenders (实名制推荐), each once. */
  readonly recommenders: readonly string[]
}

// ---------------------------------------------------------------------------
// team and post
// ---------------------------------------------------------------------------

/** One seat of a team (职数). @category Domain */
export interface Post {
  readonly id: string
  readonly title: string
  readonly kind: PostKind
  /** Rank required to hold the post. */
  readonly rank: Rank
  /** Specialty codes wanted for this post (prefixes of cadre specialty codes). */
  readonly specialties: readonly string[]
  readonly role: PostRole | null
  /** Exempt from compulsory rotation (特殊岗位). */
  readonly rotationExempt: boolean
}

/** Area flags of a team. @category Domain */
export interface Area {
  /** In an ethnic autonomous area: the minority rule applies. */
  readonly ethnicAutonomous: boolean
  /** The titular ethnicity of the area as a canonical code (e.g. `mongol`), if any. */
  readonly titularEthnicity: string | null
}

/** A leadership team (领导班子). @category Domain */
export interface Team {
  readonly id: string
  readonly name: string
  readonly kind: TeamKind
  /** Unit the team belongs to; party and government teams of one unit share it. Defaults to the team id. */
  readonly unit: string
  /** Locality for hometown avoidance (a place name or division code); defaults to the scenario's county. */
  readonly locality: string
  readonly area: Area
  /** Must have a member of the area's titular ethnicity. */
  readonly needsTitularMember: boolean
  /** Must have a non-party member. */
  readonly needsNonPartyMember: boolean
  /** Specialty codes the team as a whole must cover. */
  readonly specialties: readonly string[]
  readonly posts: readonly Post[]
  /**
   * Ids of the posts, in other teams, whose holders directly lead this team
   * (直接上下级领导关系: the deputy county head in charge of agriculture leads
   * the agriculture bureau's team). Kin avoidance reaches across each of these
   * links. Absent means none.
   */
  readonly supervisedBy?: readonly string[]
}

/** A cadre–post pair, used by locks and forbidden pairs. @category Domain */
export interface Pair {
  readonly cadreId: string
  readonly postId: string
}

/**
 * The input of one adjustment round (调整方案输入): reference date, roster,
 * teams, policy, which posts are open, and the user's locks and forbidden pairs.
 * Posts not listed in `openPosts` keep their incumbent (or stay vacant).
 * @category Domain
 */
export interface Scenario {
  /** Reference date for ages and tenures (计算年龄时间). */
  readonly asOf: YearMonth
  /** The county the teams belong to (default locality of every team). */
  readonly county: string
  readonly cadres: readonly Cadre[]
  readonly teams: readonly Team[]
  readonly policy: Policy
  /** Ids of the posts staffed in this round, in a stable order. */
  readonly openPosts: readonly string[]
  /** Pairs that must be in every proposal. */
  readonly locks: readonly Pair[]
  /** Pairs that must never be in a proposal. */
  readonly forbidden: readonly Pair[]
  /**
   * Recommendation support (推荐情况) of the round, at most one tally per
   * cadre and post (and one per cadre for any post); absent or empty when
   * the scenario records none.
   */
  readonly recommendations?: readonly RecommendationTally[]
}
