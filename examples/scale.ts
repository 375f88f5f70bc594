/**
 * Speed and scale: how the HiGHS backend solves a county by a priced core
 * (and proves the result against the whole model), a batch of counties with
 * both cores busy, and rule costs estimated from one LP.
 *
 *   npx tsx examples/scale.ts
 */
import {
  explainProposal,
  formulate,
  generateScenario,
  highsSolver,
  sizeOf,
  solve,
  solveMany,
  validateProposal,
} from '../src/index.js'

// Load HiGHS once, so that the timings below are the solves' own (the first run of each method
// still pays for compiling it; the second is the one to read).
await solve(generateScenario({ seed: 1, cadres: 20 }), { backend: 'highs' })

// A county of 600 cadres: the priced core against the whole model, same optimum (times vary by
// instance: branch and bound on a small core is usually, not always, the faster).
const county = generateScenario({ seed: 2026, cadres: 600 })
const model = formulate(county)
const size = sizeOf(model.milp)
for (const method of ['core', 'direct', 'core', 'direct'] as const) {
  const t = performance.now()
  const r = await highsSolver.solve(model.milp, { method })
  const ms = performance.now() - t
  const core = r.core === undefined ? '' : `, core ${r.core.coreColumns} of ${r.core.columns} columns`
  console.log(`${method}: ${r.status} ${r.objective?.toFixed(6)} in ${ms.toFixed(0)} ms${core}`)
}
console.log(`(${size.columns} columns × ${size.rows} rows)`)

// Rule costs from one LP relaxation, against the proposal.
const best = await solve(county)
if (best._tag === 'Left') throw new Error(best.left.message)
console.log(`violations: ${validateProposal(county, best.right).length}`)
const explained = await explainProposal(county, best.right, { costs: 'estimate', runnersUp: 0 })
if (explained._tag === 'Left') throw new Error(explained.left.message)
for (const c of explained.right.ruleCosts.filter((c) => c.cost > 0).slice(0, 5))
  console.log(`  ${c.code}: ≈ ${c.cost.toFixed(2)} (${c.method}) in ${c.teamIds.length} team(s)`)

// A batch of counties, two at a time.
const batch = [31, 32, 33, 34].map((seed) => generateScenario({ seed, cadres: 200 }))
const t = performance.now()
const results = await solveMany(batch, {
  concurrency: 2,
  onResult: (i, r) => console.log(`  county ${i}: ${r._tag === 'Right' ? r.right.status : r.left._tag}`),
})
console.log(`${results.length} counties in ${(performance.now() - t).toFixed(0)} ms`)
process.exit(0)
