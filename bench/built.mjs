/**
 * End to end from the built package, as an application runs it (no TypeScript
 * loader in the process): `formulate` then `solveModel` on a generated county,
 * cold (worker start and HiGHS compilation included), each case in a process
 * of its own so that peak RSS is the case's own. A case is a number of cadres
 * (the generator's share of posts open, seed 2026), or `full-N` for the general election of N
 * cadres (every post open), either with `@seed` for another seed.
 *
 *   npm run build && node bench/built.mjs            # 1,200 and 5,000 cadres
 *   node bench/built.mjs 1200 2500
 *   node bench/built.mjs full-1200@1125 full-1200@2026 full-1200@7 full-1200@99
 */
import { execFileSync } from 'node:child_process'
import { performance } from 'node:perf_hooks'
import { fileURLToPath } from 'node:url'

const self = fileURLToPath(import.meta.url)
if (process.argv[2] === '--case') {
  const { generateScenario, formulate, solveModel, validateProposal } = await import('../dist/index.js')
  const [name, seedText] = process.argv[3].split('@')
  const full = name.startsWith('full-')
  const cadres = Number(full ? name.slice('full-'.length) : name)
  const seed = seedText === undefined ? 2026 : Number(seedText)
  const scenario = generateScenario({ seed, cadres, ...(full ? { openShare: 1 } : {}) })
  const t0 = performance.now()
  const model = formulate(scenario)
  const t1 = performance.now()
  const r = await solveModel(model)
  const t2 = performance.now()
  process.stdout.write(
    JSON.stringify({
      case: process.argv[3],
      formulateMs: t1 - t0,
      solveMs: t2 - t1,
      status: r._tag === 'Right' ? r.right.status : r.left._tag,
      violations: r._tag === 'Right' ? validateProposal(scenario, r.right).length : null,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    }),
  )
  process.exit(0)
}
const cases = process.argv.length > 2 ? process.argv.slice(2) : ['1200', '5000']
for (const c of cases)
  if (!/^(full-)?[1-9][0-9]*(@[0-9]+)?$/.test(c)) {
    console.error(`bench/built.mjs: expected a case like 1200, full-1200 or full-1200@7, got "${c}"`)
    process.exit(2)
  }
console.log(`built package (dist/), node ${process.version}, cold process per case`)
console.log('| case | formulate ms | solve ms | end to end ms | status | violations | peak RSS MB |')
console.log('|---|---:|---:|---:|---|---:|---:|')
for (const c of cases) {
  const r = JSON.parse(execFileSync(process.execPath, [self, '--case', c], { encoding: 'utf8' }))
  console.log(
    `| ${r.case} | ${r.formulateMs.toFixed(0)} | ${r.solveMs.toFixed(0)} | ${(r.formulateMs + r.solveMs).toFixed(0)} | ${r.status} | ${r.violations ?? '–'} | ${r.peakRssMb.toFixed(0)} |`,
  )
}
