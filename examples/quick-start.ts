/**
 * Quick start: decode a scenario from JSON, staff it, check the proposal, and
 * see what a bad input and an impossible policy return.
 *
 *   npx tsx examples/quick-start.ts
 */
import {
  decodeScenario,
  encodeScenario,
  formatIssues,
  generateScenario,
  solve,
  validateProposal,
} from '../src/index.js'

// A small generated county, written out as the JSON a county app would send.
const json = JSON.stringify(encodeScenario(generateScenario({ seed: 7, cadres: 80 })))

const decoded = decodeScenario(JSON.parse(json))
if (decoded._tag === 'Left') throw new Error(formatIssues(decoded.left))
const scenario = decoded.right

const result = await solve(scenario, { timeLimitMs: 20_000 })
if (result._tag === 'Left') throw new Error(`${result.left._tag}: ${result.left.message}`)
const proposal = result.right
console.log(`status ${proposal.status}, objective ${proposal.objective.toFixed(2)}, gap ${proposal.gap}`)
for (const a of proposal.assignments.slice(0, 5))
  console.log(`  ${a.postId} ← ${a.cadreId ?? '(vacant)'} (${a.change}, fit ${a.fit.toFixed(1)})`)
const violations = validateProposal(scenario, proposal)
console.log(`validator: ${violations.length} violations`)
if (violations.length > 0) process.exit(1)

// Bad input: a typed error naming the place, never a throw.
const broken = JSON.parse(json)
broken.cadres[3].birth = '1985/13'
const bad = decodeScenario(broken)
if (bad._tag === 'Right') process.exit(1)
console.log(formatIssues(bad.left))

// An impossible policy: every team of three or more needs five women.
const strict = decodeScenario({ ...JSON.parse(json), policy: { structure: { women: { min: 5 } } } })
if (strict._tag === 'Left') process.exit(1)
const impossible = await solve(strict.right)
if (impossible._tag === 'Right') process.exit(1)
console.log(`${impossible.left._tag}: ${impossible.left.message.split('\n')[0]}`)
