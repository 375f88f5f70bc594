/**
 * Input and output of scenarios: decode untrusted JSON-like input into a
 * validated {@link Scenario} with readable issues, and encode it back.
 * The input format is described in docs/input-format.md and
 * docs/scenario.schema.json.
 *
 * @module
 */
export { decodeScenario } from './decode.js'
export { encodeScenario } from './encode.js'
export { formatIssues, type InvalidScenario, type Issue } from './errors.js'
export { formatPath, type Path } from './path.js'
export { parseOrLibrary } from './orlib.js'
export type { AssignInstance, GapInstance, GapProblem, OrLibraryError, OrLibraryFormat } from './orlib.js'
export { decodeRecommendations, type InvalidRecommendations } from './recommendations.js'
export {
  decodeScenarioWithWarnings,
  scenarioWarnings,
  type DecodedScenario,
  type ScenarioWarning,
} from './warnings.js'
export { POLICY_LIMITS } from './policy-codec.js'
export {
  isScenario,
  scenarioFingerprint,
  type InvalidCall,
  type InvalidOptions,
  type InvalidArgument,
  type ScenarioMismatch,
} from './door.js'
