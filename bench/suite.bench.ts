/**
 * The benchmark suite (issue 6): banzi against independent references and a
 * clerk's greedy, side by side on the same instances, in one run.
 *
 *   npx tsx bench/suite.bench.ts --quick   # ≈ 1–2 min: agreement and optimality, run in CI
 *   npx tsx bench/suite.bench.ts           # the full run of docs/benchmarks.md (long)
 *   --no-references                         # leave CBC and scipy out even when installed
 *
 * Prints the tables, writes bench/results/suite[-quick].json and the log-log
 * scaling figure bench/results/scaling[-quick].svg. Exits with status 1 if
 * any two exact answers to one instance disagree by more than 1e-6 relative,
 * if an exact answer misses a published optimum, or if a banzi proposal
 * breaks a hard rule.
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { countyCase } from './county.js'
import type { CountyConfig, CountyResult } from './county.js'
import { VARIANTS } from './instances.js'
import type { Variant } from './instances.js'
import { assignCases, gapCases } from './orlib.js'
import type { OrLibCase } from './orlib.js'
import { available, missingMessage } from './references.js'
import type { Run } from './references.js'
import { fitExponent, scalingSvg } from './scaling.js'
import { printTables } from './tables.js'

const args = process.argv.slice(2)
const quick = args.includes('--quick')
const references = !args.includes('--no-references')
/** `--only=county` or `--only=orlib` runs one half (the full run is long; the halves can be run apart). */
const only = args.find((a) => a.startsWith('--only='))?.slice('--only='.length) ?? null

const CONFIG = quick
  ? {
      county: [
        [60, 'default'],
        [300, 'default'],
        ...VARIANTS.filter((v) => v !== 'default').map((v) => [60, v] as const),
      ] as [number, Variant][],
      county_cfg: { timeLimitMs: 60_000, jslpCapMs: 10_000, references, referenceMaxColumns: 200_000 },
      jslpMaxCadres: 60,
      gapFiles: ['gap1', 'gap2', 'gap3', 'gap4', 'gap5', 'gap6', 'gap7', 'gap8'] as const,
      gapPerFile: 1,
      gapLimitMs: 20_000,
      uniform: [2000],
    }
  : {
      county: [
        ...[60, 300, 1200, 5000].map((n) => [n, 'default'] as [number, Variant]),
        ...[300, 1200].flatMap((n) =>
          VARIANTS.filter((v) => v !== 'default').map((v) => [n, v] as [number, Variant]),
        ),
        // Last: it may run out of memory or time, and the rest should be measured first.
        [10_000, 'default'] as [number, Variant],
      ],
      county_cfg: { timeLimitMs: 120_000, jslpCapMs: 60_000, references, referenceMaxColumns: 200_000 },
      jslpMaxCadres: 1200,
      gapFiles: ['gap1', 'gap2', 'gap3', 'gap4', 'gap5', 'gap6', 'gap7', 'gap8', 'gapa', 'gapb'] as const,
      gapPerFile: 6,
      gapLimitMs: 30_000,
      uniform: [1000, 2000],
    }

/** Relative tolerance of agreement between exact answers (the issue's 1e-6). */
const TOL = 1e-6
const rel = (a: number, b: number) => Math.abs(a - b) / Math.max(1, Math.abs(b))

function runChild(cadres: number, variant: Variant, cfg: CountyConfig): CountyResult | string {
  const self = fileURLToPath(import.meta.url)
  try {
    const out = execFileSync(
      process.execPath,
      // City-scale formulations (7.6 M pair variables at 10,000 cadres) need more than Node's default heap.
      [
        '--max-old-space-size=12288',
        '--import',
        'tsx',
        self,
        '--case',
        String(cadres),
        variant,
        JSON.stringify(cfg),
      ],
      // Generous: 3 timed solves, jslp, greedy and two references, each with its own limit.
      {
        encoding: 'utf8',
        maxBuffer: 1 << 26,
        timeout: 6 * cfg.timeLimitMs + 300_000,
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    )
    return JSON.parse(out) as CountyResult
  } catch (e) {
    const err = e as { signal?: string; status?: number; stderr?: string }
    const tail = (err.stderr ?? '').trim().split('\n').slice(-2).join(' ')
    return `process ended (${err.signal ?? `exit ${err.status}`}): ${tail.slice(0, 200)}`
  }
}

/** Every disagreement of exact answers, every missed optimum, every broken rule in a banzi proposal. */
function agreement(
  instance: string,
  runs: readonly (Run & { violations?: number | null })[],
  optimum: number | null,
): string[] {
  const problems: string[] = []
  const exact = runs.filter((r) => r.status === 'optimal' && r.objective !== null && r.solver !== 'greedy')
  const ref = optimum ?? exact[0]?.objective ?? null
  if (ref !== null)
    for (const r of exact)
      if (rel(r.objective!, ref) > TOL)
        problems.push(
          `${instance}: ${r.solver} found ${r.objective} as optimal, but ${optimum === null ? `${exact[0]!.solver} found` : 'the published optimum is'} ${ref}`,
        )
  for (const r of runs)
    if (r.solver.startsWith('banzi') && (r.violations ?? 0) > 0)
      problems.push(`${instance}: ${r.solver}'s proposal breaks ${r.violations} hard rules`)
  return problems
}

async function main(): Promise<void> {
  if (args[0] === '--case') {
    const cfg = JSON.parse(args[3]!) as CountyConfig
    process.stdout.write(JSON.stringify(await countyCase(Number(args[1]), args[2] as Variant, cfg)))
    return
  }
  const started = performance.now()
  console.log(
    `banzi benchmark suite (${quick ? 'quick' : 'full'}) — ${new Date().toISOString()}, node ${process.version}`,
  )
  const missing = missingMessage()
  if (references && missing !== null) console.log(missing)
  if (references)
    console.log(`references: CBC ${available.cbc ? 'yes' : 'no'}, scipy ${available.scipy ? 'yes' : 'no'}`)

  const county: (CountyResult | { instance: string; failure: string })[] = []
  for (const [cadres, variant] of only === 'orlib' ? [] : CONFIG.county) {
    const cfg = {
      ...CONFIG.county_cfg,
      jslpCapMs: cadres <= CONFIG.jslpMaxCadres ? CONFIG.county_cfg.jslpCapMs : 0,
    }
    process.stderr.write(`county ${cadres} ${variant} …\n`)
    const r = runChild(cadres, variant, cfg)
    county.push(typeof r === 'string' ? { instance: `county-${cadres}-${variant}`, failure: r } : r)
  }
  process.stderr.write('OR-Library assign …\n')
  const assign = only === 'county' ? [] : assignCases(references && available.scipy, CONFIG.uniform)
  process.stderr.write('OR-Library gap …\n')
  const gap =
    only === 'county' ? [] : await gapCases(CONFIG.gapFiles, CONFIG.gapPerFile, CONFIG.gapLimitMs, references)
  const orlib: OrLibCase[] = [...assign, ...gap]

  const problems: string[] = []
  // A case that crashed (an exception, not a limit the case reports as its status) fails the run too.
  for (const c of county)
    if ('runs' in c) problems.push(...agreement(c.instance, c.runs, null))
    else problems.push(`${c.instance}: ${c.failure}`)
  for (const c of orlib) problems.push(...agreement(c.instance, c.runs, c.optimum))

  const points = county
    .filter((c): c is CountyResult => 'runs' in c && c.variant === 'default')
    .filter((c) => c.runs[0]!.status === 'optimal')
    .map((c) => ({ label: `${c.cadres} cadres`, size: c.columns, ms: c.runs[0]!.timeMs! }))
  const fit = fitExponent(points)
  printTables(county, orlib, fit)

  const suffix = (quick ? '-quick' : '') + (only === null ? '' : `-${only}`)
  mkdirSync('bench/results', { recursive: true })
  if (points.length > 0)
    writeFileSync(
      `bench/results/scaling${suffix}.svg`,
      scalingSvg(points, 'banzi HiGHS: solve time against model size (generated counties)', 'variables'),
    )
  writeFileSync(
    `bench/results/suite${suffix}.json`,
    JSON.stringify(
      {
        date: new Date().toISOString(),
        node: process.version,
        quick,
        config: CONFIG,
        county,
        orlib,
        exponent: fit?.k ?? null,
        problems,
      },
      null,
      2,
    ),
  )
  console.log(
    `\nwrote bench/results/suite${suffix}.json and bench/results/scaling${suffix}.svg in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  )
  if (problems.length > 0) {
    console.error(
      `\nFAILED: ${problems.length} disagreement(s)\n${problems.map((p) => `  - ${p}`).join('\n')}`,
    )
    process.exitCode = 1
  } else console.log('all exact answers agree within 1e-6 relative and match the published optima')
}

void main()
