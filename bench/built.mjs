/**
 * End to end from the built package, as an application runs it (no TypeScript
 * loader in the process): `formulate` then `solveModel` on a generated county,
 * cold (worker start and HiGHS compilation included), each size in a process
 * of its own so that peak RSS is the case's own.
 *
 *   npm run build && node bench/built.mjs            # 1,200 and 5,000 cadres
 *   node bench/built.mjs 1200 2500
 */
import { execFileSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const self = fileURLToPath(import.meta.url)
if (process.argv[2] === '--case') {
  const { generateScenario, formulate, solveModel, validateProposal } = await import('../dist/index.js')
  const cadres = Number(process.argv[3])
  const scenario = generateScenario({ seed: 2026, cadres })
  const t0 = performance.now()
  const model = formulate(scenario)
  const t1 = performance.now()
  const r = await solveModel(model)
  const t2 = performance.now()
  process.stdout.write(
    JSON.stringify({
      cadres,
      formulateMs: t1 - t0,
      solveMs: t2 - t1,
      status: r._tag === 'Right' ? r.right.status : r.left._tag,
      violations: r._tag === 'Right' ? validateProposal(scenario, r.right).length : null,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  )
  process.exit(0)
}
const sizes = process.argv.length > 2 ? process.argv.slice(2).map(Number) : [1200, 5000]
console.log(`seed 2026, built package (dist/), node ${process.version}, cold process per case`)
console.log('| cadres | formulate ms | solve ms | end to end ms | status | violations | peak RSS MB |')
console.log('|---:|---:|---:|---:|---|---:|---:|')
for (const n of sizes) {
  const r = JSON.parse(execFileSync(process.execPath, [self, '--case', String(n)], { encoding: 'utf8' }))
  console.log(
    `| ${r.cadres} | ${r.formulateMs.toFixed(0)} | ${r.solveMs.toFixed(0)} | ${(r.formulateMs + r.solveMs).toFixed(0)} | ${r.status} | ${r.violations ?? '–'} | ${r.peakRssMb.toFixed(0)} |`,
  )
}
