// The built package, as a user installs it: both entry points load, and both
// backends staff a small county from each, with no validator violation.
// Run after `npm run build`:  node scripts/package-smoke.mjs
import { createRequire } from 'node:module'

const esm = await import('../dist/index.js')
const cjs = createRequire(import.meta.url)('../dist/index.cjs')
let failed = 0
for (const [name, b] of [
  ['esm', esm],
  ['cjs', cjs],
]) {
  const scenario = b.generateScenario({ seed: 4, cadres: 120 })
  for (const backend of ['highs', 'javascript-lp-solver']) {
    const r = await b.solve(scenario, { backend, timeLimitMs: 30_000 })
    const ok =
      r._tag === 'Right' && r.right.status === 'optimal' && b.validateProposal(scenario, r.right).length === 0
    console.log(
      `${name} ${backend}: ${ok ? `ok, objective ${r.right.objective}` : JSON.stringify(r.left ?? r.right.status)}`,
    )
    if (!ok) failed++
  }
}
process.exit(failed === 0 ? 0 : 1)
