export * from './fit.js'
export { eligibilityOf, blockSummary } from './candidates.js'
export type { EligibleCadre, BlockedCadre, PostEligibility } from './candidates.js'
