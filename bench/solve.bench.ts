/**
 * Solve benchmark: generated counties of 60, 300, 1,200 and 5,000 cadres under
 * the default policy. Each case runs in its own process so that peak memory
 * is the case's own. Prints a table and writes bench/results/solve.json.
 *
 *   npm run bench                     # all sizes
 *   npm run bench -- 60 300           # chosen sizes
 *   BENCH_TIME_LIMIT_MS=60000 npm run bench
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { generateScenario } from '../src/sample/index.js'
import { formulate, sizeOf } from '../src/model/index.js'
import { solveModel } from '../src/proposals/index.js'
import { validateProposal } from '../src/check/index.js'

const SEED = 2026
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS ?? 120_000)
const REPEATS = 3

interface CaseResult {
  cadres: number
  teams: number
  openPosts: number
  columns: number
  rows: number
  formulateMs: number
  solveMs: number[]
  status: string
  message: string | null
  objective: number | null
  gap: number | null
  violations: number | null
  peakRssMb: number
}

async function runCase(cadres: number): Promise<CaseResult> {
  const scenario = generateScenario({ seed: SEED, cadres })
  let t = performance.now()
  const model = formulate(scenario)
  const formulateMs = performance.now() - t
  const size = sizeOf(model.milp)
  const solveMs: number[] = []
  let status = 'n/a'
  let message: string | null = null
  let objective: number | null = null
  let gap: number | null = null
  let violations: number | null = null
  for (let r = 0; r < REPEATS; r++) {
    t = performance.now()
    const res = await solveModel(model, { timeLimitMs: TIME_LIMIT_MS })
    solveMs.push(performance.now() - t)
    if (res._tag === 'Left') {
      status = res.left._tag
      message = res.left.message
    } else {
      status = res.right.status
      objective = res.right.objective
      gap = res.right.gap
      violations = validateProposal(scenario, res.right).length
    }
    if (status !== 'optimal') break // a time-limited case is not repeated: its time is the limit
  }
  return {
    cadres,
    teams: scenario.teams.length,
    openPosts: scenario.openPosts.length,
    columns: size.columns,
    rows: size.rows,
    formulateMs,
    solveMs,
    status,
    message,
    objective,
    gap,
    violations,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--case') {
    process.stdout.write(JSON.stringify(await runCase(Number(args[1]))))
    return
  }
  const sizes = args.length > 0 ? args.map(Number) : [60, 300, 1200, 5000]
  const self = fileURLToPath(import.meta.url)
  const results: CaseResult[] = []
  console.log(`seed ${SEED}, time limit ${TIME_LIMIT_MS} ms, median of ${REPEATS}, node ${process.version}`)
  console.log(
    '| cadres | teams | open posts | variables | rows | formulate ms | solve ms (median) | status | gap | violations | peak RSS MB |',
  )
  console.log('|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|')
  for (const n of sizes) {
    const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--case', String(n)], {
      encoding: 'utf8',
      maxBuffer: 1 << 26,
    })
    const r = JSON.parse(out) as CaseResult
    results.push(r)
    console.log(
      `| ${r.cadres} | ${r.teams} | ${r.openPosts} | ${r.columns} | ${r.rows} | ${r.formulateMs.toFixed(0)} | ${median(r.solveMs).toFixed(0)} | ${r.status} | ${r.gap === null ? '–' : r.gap.toExponential(1)} | ${r.violations ?? '–'} | ${r.peakRssMb.toFixed(0)} |`,
    )
  }
  for (const r of results)
    if (r.message !== null) console.log(`${r.cadres} cadres: ${r.status}: ${r.message}`)
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(
    'bench/results/solve.json',
    JSON.stringify({ seed: SEED, timeLimitMs: TIME_LIMIT_MS, results }, null, 2),
  )
}

void main()
