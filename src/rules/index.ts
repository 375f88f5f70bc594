export { contextOf, fixedMembers, teamOfPost, postById, cadreAt } from './context.js'
export type { ScenarioContext } from './context.js'
export { eligibility, pairVerdicts, PAIR_RULES, PAIR_FLAG } from './eligibility.js'
export type { CandidatePair, Eligibility, PairPenalty } from './eligibility.js'
export type { Verdict, Facts, PairRule, PairFacts, Finding, Occasion, Reads } from './verdict.js'
export { evaluate, concerns } from './verdict.js'
export { whyNot } from './why-not.js'
export type { Reason, PairExplanation, UnknownId } from './why-not.js'
export { shortTenureMonths } from './tenure.js'
export { adjustmentCandidates, moveCandidates, yearlyGrades } from './adjustment.js'
export type {
  AdjustmentCandidate,
  AdjustmentOptions,
  MoveCandidate,
  MoveOptions,
  MoveReason,
  Moves,
  Readiness,
  ScoreEvidence,
  YearGrade,
} from './adjustment.js'
export { RULE_CATALOGUE } from './catalogue.js'
export type { RuleEntry, RuleScope, RuleSource } from './catalogue.js'
export { renderRuleTable, withRuleTable, RULE_SOURCES } from './rule-table.js'
