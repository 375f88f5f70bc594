/**
 * Talent pool, structure analysis, staffing plan, reserve pools and
 * structure comparison: side capabilities that read the domain model, the
 * rules' context, eligibility and fit (docs/pool.md).
 *
 * @module
 */
export {
  analyseStructure,
  countyStructure,
  distributionsOf,
  GAP_SEVERITIES,
  mainFieldOf,
  severityOf,
  teamGaps,
  teamStructures,
} from './structure.js'
export type {
  ValueCount,
  CountyStructure,
  Distributions,
  GapSeverity,
  RuleSummary,
  StructureCheck,
  TeamGap,
  TeamStructure,
} from './structure.js'
export { categoryOf, lastGradeOf, queryPool, SINGLE_VALUED_FACETS } from './query.js'
export type {
  FacetCount,
  InvalidQuery,
  PoolEntry,
  PoolFacets,
  PoolQuery,
  PoolResult,
  TargetProfile,
} from './query.js'
export { staffingPlan } from './plan.js'
export type {
  Need,
  PostNeed,
  PostPlan,
  PostProfile,
  ProfileCandidate,
  StaffingPlanOptions,
  TeamPlan,
  UnplacedNeed,
} from './plan.js'
export {
  applyReview,
  DEFAULT_RESERVE_CRITERIA,
  RESERVE_GROUP_ORDER,
  reserveHealth,
  resolveReserveCriteria,
  reviewReserve,
} from './reserve.js'
export type {
  GroupHealth,
  InvalidReserveOptions,
  ReserveChange,
  ReserveCriteria,
  ReserveCriteriaInput,
  ReserveHealth,
  ReserveReview,
  ReserveReviewOptions,
} from './reserve.js'
export { applyProposal, compareStructure, scenarioAt } from './compare.js'
export type { ComparisonRow, StructureComparison } from './compare.js'
