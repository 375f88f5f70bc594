export { solve, solveModel } from './solve.js'
export { solveMany } from './many.js'
export type { SolveManyOptions } from './many.js'
export type { SolveError, SolveOptions, Backend } from './solve.js'
export { rankProposals, rankModel, diffProposals } from './rank.js'
export type { RankOptions, RankedProposal, PostDiff, Ranking, RankingStatus, RankingStop } from './rank.js'
export { explainProposal, forcePair } from './explain.js'
export type {
  ExplainOptions,
  Explanation,
  RuleCost,
  PostExplanation,
  RunnerUp,
  RunnerUpOutcome,
  ForcedPair,
} from './explain.js'
export { whyNotChosen } from './why-not-chosen.js'
export type { NotChosen } from './why-not-chosen.js'
export { diagnose } from './diagnose.js'
export type { Diagnosis, ConflictMember, Relaxation } from './diagnose.js'
export type { SupplyFinding } from './supply.js'
export { createSession } from './session.js'
export type { StaffingSession, SessionEditError } from './session.js'
