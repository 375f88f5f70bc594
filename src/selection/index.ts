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
} from './round.js'
export { recommenderRecord } from './accountability.js'
export { shortlist } from './shortlist.js'
export { tallyRecommendations, withRecommendations, type InvalidTally } from './tally.js'
export type {
  Chain,
  InvalidShortlistOptions,
  PostShortlist,
  Shortlist,
  ShortlistCandidate,
  ShortlistOptions,
  Support,
} from './shortlist.js'
export type {
  InvalidRecordQuery,
  LaterFinding,
  RecommendationOutcome,
  RecommendedCadre,
  RecommenderRecord,
} from './accountability.js'
export { decodeSelectionRound, type InvalidSelectionRound } from './codec.js'
export { addMonths, dayNumber, isDay, isWorkingDay, lastWorkingDay } from './calendar.js'
export { DEFAULT_SELECTION_RULES, STAGES } from './types.js'
export type {
  Appointment,
  Day,
  Decision,
  FourMusts,
  Inspection,
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
} from './types.js'
