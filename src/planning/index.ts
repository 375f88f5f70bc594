export { auditRecords, AUDIT_ITEMS } from './audit.js'
export type { AuditCheck, CadreAudit, InvalidAudit, RecordAudit } from './audit.js'
export { decodeTrainingRecords, studyHours, TRAINING_KINDS } from './study.js'
export type {
  InvalidStudyHours,
  InvalidTrainingRecords,
  StudyHours,
  StudyHoursOptions,
  StudyLedger,
  TrainingRecord,
} from './study.js'
export { planTraining } from './training.js'
export type {
  Course,
  InvalidTrainingPlan,
  TrainingNeedOf,
  TrainingPlan,
  TrainingPlanOptions,
} from './training.js'
export { simulate } from './simulate.js'
export type {
  InvalidSimulation,
  PlannedRound,
  SimulatedYear,
  Simulation,
  SimulateOptions,
} from './simulate.js'
export { HORIZON_MAX_COLUMNS, planRotation } from './rotation.js'
export type {
  PlanningError,
  RotationOptions,
  RotationPlan,
  RotationRound,
  UnmetRotation,
} from './rotation.js'
