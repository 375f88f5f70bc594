/**
 * Assessment analytics (考核): AHP and entropy weights, TOPSIS, combined
 * scores (三结合) with peer ranks, feedback lists (清单式反馈) and curves.
 * See docs/assessment.md.
 *
 * @module
 */
export { ahpWeights, RANDOM_INDEX, MAX_CONSISTENCY_RATIO } from './ahp.js'
export type { AhpResult, AhpError, AhpOptions } from './ahp.js'
export { entropyWeights, combineWeights, DEFAULT_COMBINATION } from './entropy.js'
export type { EntropyError, EntropyResult, WeightCombination } from './entropy.js'
export { topsis } from './topsis.js'
export type { TopsisError, TopsisOptions, TopsisResult } from './topsis.js'
export {
  combinedScores,
  cadreYearScores,
  recordScore,
  latestCombinedScore,
  peerCategory,
  ASSESSMENT_KINDS,
  EVALUATOR_GROUPS,
} from './combined.js'
export type {
  CombinedScores,
  CadreScores,
  YearScore,
  SourceScore,
  ScoreOrigin,
  YearScoreSummary,
} from './combined.js'
export { feedbackList, feedbackLists } from './feedback.js'
export type {
  FeedbackList,
  IndicatorComparison,
  TrendWarning,
  TrainingNeed,
  UnknownCadre,
} from './feedback.js'
export { comparisonCurve, capabilityCurve, trendSlope } from './curves.js'
export type {
  ComparisonCurve,
  ComparisonPoint,
  EvaluatorPoint,
  CapabilityCurve,
  CapabilitySeries,
  VegaLiteSpec,
} from './curves.js'
export { rankForProfile, indicatorEntropyWeights } from './profile.js'
export type {
  IndicatorProfile,
  ProfileRank,
  ProfileRanking,
  ProfileError,
  IndicatorWeights,
} from './profile.js'
