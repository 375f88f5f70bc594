export { linearSumAssignment } from './lap.js'
export type { LapOptions, CostMatrix, LapResult, LapError } from './lap.js'
export { highsSolver, configureHighs } from './highs.js'
export type { HighsInitOptions } from './highs.js'
export { jsLpSolver } from './jslp.js'
export { relativeGap, CORE_MIN_COLUMNS, DEFAULT_MAX_CORE_COLUMNS } from './solver.js'
export type {
  Solver,
  SolverResult,
  SolverStatus,
  RunOptions,
  ProgressEvent,
  SolveMethod,
  CoreStats,
  LpRelaxation,
  WarmStart,
} from './solver.js'
export { generalizedAssignment, gapModel } from './gap.js'
export type { GapInput, GapOptions, GapSolution, GapError } from './gap.js'
