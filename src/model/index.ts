export { formulate } from './formulate.js'
export type { StaffingModel, SlackInfo, Conflict } from './formulate.js'
export { MilpBuilder, sizeOf, objectiveOf } from './milp.js'
export type { Milp, MilpSize } from './milp.js'
