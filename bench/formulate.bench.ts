/**
 * Times the pipeline before the solver: `eligibility(contextOf(scenario))`
 * (every pair rule on every candidate × open post) and `formulate(scenario)`
 * (context, eligibility, fit and the whole MILP), on the sample county and on
 * generated counties of 1,200 and 5,000 cadres, a normal round (openShare 0.3)
 * and a full re-staffing (openShare 1). The target for eligibility is
 * 5,000 × 3,000 in ≤ 1 s (`cadres: 5000, openShare: 1`: 2,901 open posts ×
 * 5,000 candidates); that case is formulated only with `--all` (11 million
 * columns).
 *
 * Run: `npm run bench:formulate [runs] [--all]` (`npx tsx bench/formulate.bench.ts`).
 * Each case runs in a process of its own, so that its peak resident memory is
 * its own: one warm-up, then `runs` (default 3) timed runs of each step, on a
 * fresh context each time; the median wall time is reported.
 */
import { fork } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { formulate } from '../src/model/index.js'
import { sizeOf } from '../src/model/milp.js'
import { contextOf, eligibility } from '../src/rules/index.js'
import { generateScenario, sampleScenario } from '../src/sample/index.js'
import type { Scenario } from '../src/domain/types.js'

interface Case {
  readonly name: string
  readonly scenario: () => Scenario
  /** Formulate it too (the largest case is timed for eligibility only unless `--all`). */
  readonly formulate: boolean
}

const args = process.argv.slice(2)
const all = args.includes('--all')
const caseArg = args.indexOf('--case')
const runs = Number(args.find((a, i) => /^\d+$/.test(a) && args[i - 1] !== '--case') ?? 3)

const CASES: readonly Case[] = [
  { name: 'sample county', scenario: sampleScenario, formulate: true },
  { name: '1,200 cadres', scenario: () => generateScenario({ seed: 2026, cadres: 1200 }), formulate: true },
  {
    name: '1,200 cadres, openShare 1',
    scenario: () => generateScenario({ seed: 2026, cadres: 1200, openShare: 1 }),
    formulate: true,
  },
  {
    name: '5,000 cadres, openShare 0.3',
    scenario: () => generateScenario({ seed: 2026, cadres: 5000, openShare: 0.3 }),
    formulate: true,
  },
  {
    name: '5,000 cadres, openShare 1',
    scenario: () => generateScenario({ seed: 2026, cadres: 5000, openShare: 1 }),
    formulate: all,
  },
]

interface Row {
  readonly name: string
  readonly open: number
  readonly candidates: number
  readonly eligible: number
  readonly eligibilityMs: number
  readonly formulateMs: number | null
  readonly columns: number | null
  readonly rows: number | null
  readonly nonzeros: number | null
  readonly peakRssMb: number
}

const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]!
}

function timed<T>(f: () => T): [T, number] {
  const t0 = performance.now()
  const v = f()
  return [v, performance.now() - t0]
}

/** One case, in this process. */
function measure(c: Case): Row {
  const scenario = c.scenario()
  const ctx = contextOf(scenario)
  eligibility(contextOf(scenario))
  const eligTimes: number[] = []
  let eligible = 0
  for (let r = 0; r < runs; r++) {
    const [e, ms] = timed(() => eligibility(contextOf(scenario)))
    eligTimes.push(ms)
    eligible = e.size
  }
  let formulateMs: number | null = null
  let size: ReturnType<typeof sizeOf> | null = null
  if (c.formulate) {
    formulate(scenario)
    const times: number[] = []
    for (let r = 0; r < runs; r++) {
      const [m, ms] = timed(() => formulate(scenario))
      times.push(ms)
      size = sizeOf(m.milp)
    }
    formulateMs = median(times)
  }
  return {
    name: c.name,
    open: scenario.openPosts.length,
    candidates: ctx.candidates.length,
    eligible,
    eligibilityMs: median(eligTimes),
    formulateMs,
    columns: size?.columns ?? null,
    rows: size?.rows ?? null,
    nonzeros: size?.nonzeros ?? null,
    // maxRSS is in kilobytes: the peak of this process, which ran this case only.
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }
}

if (caseArg >= 0) {
  const row = measure(CASES[Number(args[caseArg + 1])]!)
  process.send!(row)
} else {
  const fmt = (v: number | null, digits = 0) =>
    v === null ? '–' : v.toLocaleString('en-US', { maximumFractionDigits: digits })
  console.log(`eligibility and formulate, median of ${runs} after a warm-up; one process per case`)
  console.log('')
  console.log(
    '| case | open posts × candidates | eligible pairs | eligibility ms | formulate ms | columns | rows | nonzeros | peak RSS MB |',
  )
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|')
  for (let i = 0; i < CASES.length; i++) {
    const row = await new Promise<Row>((resolve, reject) => {
      const child = fork(fileURLToPath(import.meta.url), [...args, '--case', String(i)])
      child.on('message', (m) => resolve(m as Row))
      child.on('error', reject)
      child.on('exit', (code) => {
        if (code !== 0) reject(new Error(`case ${CASES[i]!.name}: exit ${code}`))
      })
    })
    console.log(
      `| ${row.name} | ${fmt(row.open)} × ${fmt(row.candidates)} | ${fmt(row.eligible)} | ${fmt(row.eligibilityMs)} | ` +
        `${fmt(row.formulateMs)} | ${fmt(row.columns)} | ${fmt(row.rows)} | ${fmt(row.nonzeros)} | ${fmt(row.peakRssMb)} |`,
    )
  }
}
