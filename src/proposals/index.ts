export { solve, solveModel } from './solve.js'
export type { SolveError, SolveOptions, Backend } from './solve.js'
