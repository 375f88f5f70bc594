/**
 * Sample scenarios: deterministic generators of fictional counties, for
 * demos, tests and benchmarks.
 *
 * @module
 */
export { generateScenario, sampleScenario, type GenerateOptions } from './generate.js'
