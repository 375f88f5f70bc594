/**
 * The three-year rotation plan of the sample county (1,200 cadres), one round
 * a year, round by round with look-ahead: every round solved exactly on the
 * county as it will be, timed end to end and re-checked by the validator.
 * Target (issue "Planning over years"): ≤ 30 s.
 *
 *   npx tsx bench/rotation.bench.ts [years=3] [roundsPerYear=1]
 */
import { performance } from 'node:perf_hooks'
import { planRotation, sampleScenario, validateProposal } from '../src/index.js'

const years = Number(process.argv[2] ?? 3)
const perYear = Number(process.argv[3] ?? 1)
const scenario = sampleScenario()
const t0 = performance.now()
const r = await planRotation(scenario, { years, roundsPerYear: perYear })
const seconds = (performance.now() - t0) / 1000
if (r._tag === 'Left') {
  console.error(`planRotation: ${r.left._tag}: ${r.left.message}`)
  process.exit(1)
}
console.log(
  `sample county, ${scenario.cadres.length} cadres, ${years} years × ${perYear} round(s), node ${process.version}`,
)
console.log(
  '| round | open posts | must move | should move | retired | changes | structure relaxed | status | violations |',
)
console.log('|---|---:|---:|---:|---:|---:|---|---|---:|')
let violations = 0
for (const x of r.right.rounds) {
  const v = validateProposal(x.scenario, x.proposal).length
  violations += v
  console.log(
    `| ${x.at} | ${x.openPosts.length} | ${x.mustMove.length} | ${x.shouldMove.length} | ${x.retired.length} | ${x.proposal.assignments.filter((a) => a.change !== 'stays').length} | ${x.relaxed.length === 0 ? 'no' : `yes (${x.relaxed.length} conflicts)`} | ${x.proposal.status} | ${v} |`,
  )
}
console.log(
  `\n${seconds.toFixed(1)} s end to end; ${r.right.unmet.length} must-moves unmet; target ≤ 30 s: ${seconds <= 30 ? 'met' : 'NOT met'}`,
)
process.exitCode = violations === 0 ? 0 : 1
