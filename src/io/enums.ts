/**
 * The enumerations of the input format, each listed once and checked complete
 * against its domain union by {@link literals}: adding a member to a union in
 * `src/domain/types.ts` without adding it here is a compile error.
 *
 * @module
 * @internal
 */
import {
  EDUCATION_LEVELS,
  type CadreCategory,
  RANKS,
  type AssessmentKind,
  type EvaluatorGroup,
  type Gender,
  type Grade,
  type KinRelation,
  type PartyAffiliation,
  type PostKind,
  type PostRole,
  type ReserveGroup,
  type Temperament,
  type TeamKind,
} from '../domain/types.js'
import { literals } from './combinators.js'

// ---------------------------------------------------------------------------

/** @internal */
export const CADRE_CATEGORY_VALUES = literals<CadreCategory>({
  'party-government': true,
  'professional-technical': true,
  enterprise: true,
})
/** @internal */
export const GENDERS = literals<Gender>({ male: true, female: true })
/** @internal */
export const PARTY_AFFILIATIONS = literals<PartyAffiliation>({
  cpc: true,
  'democratic-party': true,
  none: true,
})
/** @internal */
export const POST_KINDS = literals<PostKind>({ head: true, deputy: true, member: true })
/** @internal */
export const POST_ROLES = literals<PostRole>({
  'party-head': true,
  'government-head': true,
  'discipline-head': true,
  'organization-head': true,
  'court-head': true,
  'procuratorate-head': true,
  'police-head': true,
})
/** @internal */
export const GRADES = literals<Grade>({ excellent: true, competent: true, basic: true, incompetent: true })
/** @internal */
export const TEMPERAMENTS = literals<Temperament>({
  sanguine: true,
  choleric: true,
  phlegmatic: true,
  melancholic: true,
})
/** @internal */
export const RESERVE_GROUPS = literals<ReserveGroup>({
  young: true,
  women: true,
  minority: true,
  'non-party': true,
})
/** @internal */
export const TEAM_KINDS = literals<TeamKind>({
  'party-committee': true,
  government: true,
  'people-congress': true,
  cppcc: true,
  township: true,
  department: true,
  agency: true,
})
/** @internal */
export const KIN_RELATIONS = literals<KinRelation>({
  spouse: true,
  parent: true,
  child: true,
  sibling: true,
  'in-law': true,
  collateral: true,
})

/** @internal */
export const ASSESSMENT_KINDS = literals<AssessmentKind>({ annual: true, ongoing: true, special: true })
/** @internal */
export const EVALUATOR_GROUPS = literals<EvaluatorGroup>({
  superiors: true,
  peers: true,
  subordinates: true,
  public: true,
})

/** Every enumeration of the format by name, as the schema test compares them. @internal */
export const ENUMS = {
  gender: GENDERS,
  party: PARTY_AFFILIATIONS,
  educationLevel: EDUCATION_LEVELS,
  rank: RANKS,
  postKind: POST_KINDS,
  postRole: POST_ROLES,
  grade: GRADES,
  temperament: TEMPERAMENTS,
  reserveGroup: RESERVE_GROUPS,
  teamKind: TEAM_KINDS,
  kinRelation: KIN_RELATIONS,
  cadreCategory: CADRE_CATEGORY_VALUES,
  assessmentKind: ASSESSMENT_KINDS,
} as const
