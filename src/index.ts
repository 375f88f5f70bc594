/**
 * banzi 班子 — exact, explained and checked staffing of a county's leadership
 * teams. This file is the public API and nothing else.
 *
 * @module
 */

// domain: vocabulary, policy, proposal, month arithmetic
export * from './domain/index.js'

// input: decoding with readable issues, encoding
export {
  decodeScenario,
  encodeScenario,
  formatIssues,
  formatPath,
  parseOrLibrary,
  decodeRecommendations,
  decodeScenarioWithWarnings,
  scenarioWarnings,
  POLICY_LIMITS,
  isScenario,
  scenarioFingerprint,
} from './io/index.js'
export type {
  InvalidScenario,
  InvalidRecommendations,
  Issue,
  Path,
  AssignInstance,
  GapInstance,
  GapProblem,
  OrLibraryError,
  OrLibraryFormat,
  DecodedScenario,
  ScenarioWarning,
  InvalidCall,
  InvalidOptions,
  InvalidArgument,
  ScenarioMismatch,
} from './io/index.js'

// sample and generated counties
export { sampleScenario, generateScenario } from './sample/index.js'
export type { GenerateOptions } from './sample/index.js'

// rules and scoring
export {
  contextOf,
  pairVerdicts,
  PAIR_RULES,
  PAIR_FLAG,
  whyNot,
  adjustmentCandidates,
  moveCandidates,
  yearlyGrades,
  shortTenureMonths,
  RULE_CATALOGUE,
  RULE_SOURCES,
  renderRuleTable,
  withRuleTable,
} from './rules/index.js'
export type {
  ScenarioContext,
  CandidatePair,
  Eligibility,
  PairPenalty,
  Verdict,
  Facts,
  PairRule,
  PairFacts,
  Finding,
  Occasion,
  Reads,
  Reason,
  PairExplanation,
  UnknownId,
  AdjustmentCandidate,
  AdjustmentOptions,
  MoveCandidate,
  MoveOptions,
  MoveReason,
  Moves,
  Readiness,
  ScoreEvidence,
  YearGrade,
  RuleEntry,
  RuleScope,
  RuleSource,
} from './rules/index.js'
export {
  fitComponents,
  fitScore,
  evidenceStrength,
  codeMatch,
  eligibilityOf,
  blockSummary,
} from './scoring/index.js'
export type { EligibleCadre, BlockedCadre, PostEligibility } from './scoring/index.js'

// assessment
export {
  ahpWeights,
  RANDOM_INDEX,
  MAX_CONSISTENCY_RATIO,
  entropyWeights,
  combineWeights,
  DEFAULT_COMBINATION,
  topsis,
  combinedScores,
  cadreYearScores,
  recordScore,
  latestCombinedScore,
  peerCategory,
  ASSESSMENT_KINDS,
  EVALUATOR_GROUPS,
  feedbackList,
  feedbackLists,
  comparisonCurve,
  capabilityCurve,
  trendSlope,
  rankForProfile,
  indicatorEntropyWeights,
} from './assessment/index.js'
export type {
  AhpResult,
  AhpError,
  AhpOptions,
  EntropyError,
  EntropyResult,
  WeightCombination,
  TopsisError,
  TopsisOptions,
  TopsisResult,
  CombinedScores,
  CadreScores,
  YearScore,
  SourceScore,
  ScoreOrigin,
  YearScoreSummary,
  FeedbackList,
  IndicatorComparison,
  TrendWarning,
  TrainingNeed,
  UnknownCadre,
  ComparisonCurve,
  ComparisonPoint,
  EvaluatorPoint,
  CapabilityCurve,
  CapabilitySeries,
  VegaLiteSpec,
  IndicatorProfile,
  ProfileRank,
  ProfileRanking,
  ProfileError,
  IndicatorWeights,
} from './assessment/index.js'

// model and solvers
export { exportModel, exportedNames } from './model/index.js'
export type { ModelFormat, ExportSource, ExportedNames, NameStyle } from './model/index.js'
export { generalizedAssignment, gapModel } from './solvers/index.js'
export type { GapInput, GapOptions, GapSolution, GapError } from './solvers/index.js'
export { formulate, sizeOf, editMilp } from './model/index.js'
export type {
  StaffingModel,
  PairComponents,
  Milp,
  MilpSize,
  MilpEdit,
  ExtraRow,
  Conflict,
  SlackInfo,
  RuleRow,
} from './model/index.js'
export {
  linearSumAssignment,
  highsSolver,
  jsLpSolver,
  configureHighs,
  CORE_MIN_COLUMNS,
  DEFAULT_MAX_CORE_COLUMNS,
} from './solvers/index.js'
export type {
  LapOptions,
  CostMatrix,
  LapResult,
  LapError,
  Solver,
  SolverResult,
  SolverStatus,
  RunOptions,
  ProgressEvent,
  HighsInitOptions,
  SolveMethod,
  CoreStats,
  LpRelaxation,
  WarmStart,
} from './solvers/index.js'

// proposals
export { solve, solveModel, solveMany, rankProposals, rankModel, diffProposals } from './proposals/index.js'
export { explainProposal, forcePair, diagnose, whyNotChosen } from './proposals/index.js'
export { createSession } from './proposals/index.js'
export type { StaffingSession, SessionEditError } from './proposals/index.js'
export type {
  SolveError,
  SolveOptions,
  SolveManyOptions,
  Backend,
  RankOptions,
  RankedProposal,
  Ranking,
  RankingStatus,
  RankingStop,
  PostDiff,
} from './proposals/index.js'
export type {
  ExplainOptions,
  Explanation,
  RuleCost,
  PostExplanation,
  RunnerUp,
  RunnerUpOutcome,
  ForcedPair,
  NotChosen,
  Diagnosis,
  ConflictMember,
  Relaxation,
  SupplyFinding,
} from './proposals/index.js'

// independent validator
export { validateProposal, auditProposal } from './check/index.js'
export type { SoftShortfall, ProposalAudit } from './check/index.js'

// talent pool and structure
export {
  queryPool,
  categoryOf,
  lastGradeOf,
  SINGLE_VALUED_FACETS,
  teamStructures,
  countyStructure,
  analyseStructure,
  teamGaps,
  distributionsOf,
  mainFieldOf,
  severityOf,
  GAP_SEVERITIES,
  staffingPlan,
  reviewReserve,
  applyReview,
  reserveHealth,
  resolveReserveCriteria,
  DEFAULT_RESERVE_CRITERIA,
  RESERVE_GROUP_ORDER,
  applyProposal,
  scenarioAt,
  compareStructure,
} from './pool/index.js'
export type {
  PoolQuery,
  PoolResult,
  PoolEntry,
  PoolFacets,
  FacetCount,
  InvalidQuery,
  TargetProfile,
  TeamStructure,
  CountyStructure,
  Distributions,
  ValueCount,
  StructureCheck,
  RuleSummary,
  TeamGap,
  GapSeverity,
  StaffingPlanOptions,
  TeamPlan,
  UnplacedNeed,
  PostPlan,
  PostProfile,
  PostNeed,
  Need,
  ProfileCandidate,
  ReserveCriteria,
  ReserveCriteriaInput,
  ReserveReviewOptions,
  ReserveReview,
  ReserveChange,
  ReserveHealth,
  GroupHealth,
  InvalidReserveOptions,
  ComparisonRow,
  StructureComparison,
} from './pool/index.js'

// selection procedure: motion to probation, every step recorded
export {
  openRound,
  recordRecommendations,
  shortlistForInspection,
  recordInspection,
  recordDecision,
  startNotice,
  recordObjection,
  resolveObjection,
  closeNotice,
  confirmProbation,
  recommenderRecord,
  shortlist,
  tallyRecommendations,
  withRecommendations,
  decodeSelectionRound,
  addMonths,
  dayNumber,
  isDay,
  isWorkingDay,
  lastWorkingDay,
  DEFAULT_SELECTION_RULES,
  STAGES,
} from './selection/index.js'
export type {
  Appointment,
  InvalidRecordQuery,
  Chain,
  InvalidShortlistOptions,
  InvalidTally,
  PostShortlist,
  Shortlist,
  ShortlistCandidate,
  ShortlistOptions,
  Support,
  LaterFinding,
  RecommendationOutcome,
  RecommendedCadre,
  RecommenderRecord,
  Day,
  Decision,
  FourMusts,
  Inspection,
  InvalidSelectionRound,
  LogEntry,
  Motion,
  Notice,
  Objection,
  ProbationOutcome,
  ProcedureError,
  Resolution,
  RoundPost,
  RoundRecommendation,
  SelectionRound,
  SelectionRules,
  SelectionRulesInput,
  Stage,
  StepName,
  WorkingCalendar,
} from './selection/index.js'

// planning over years: the record audit (档案必审), study hours (学时管理), training to the gaps
export {
  auditRecords,
  AUDIT_ITEMS,
  decodeTrainingRecords,
  HORIZON_MAX_COLUMNS,
  planRotation,
  planTraining,
  simulate,
  studyHours,
  TRAINING_KINDS,
} from './planning/index.js'
export type {
  AuditCheck,
  CadreAudit,
  InvalidAudit,
  RecordAudit,
  InvalidStudyHours,
  InvalidTrainingRecords,
  StudyHours,
  StudyHoursOptions,
  StudyLedger,
  TrainingRecord,
  Course,
  InvalidTrainingPlan,
  TrainingNeedOf,
  TrainingPlan,
  TrainingPlanOptions,
  InvalidSimulation,
  PlannedRound,
  SimulatedYear,
  Simulation,
  SimulateOptions,
  PlanningError,
  RotationOptions,
  RotationPlan,
  RotationRound,
  UnmetRotation,
} from './planning/index.js'
export type { RecordConflict } from './rules/record.js'
