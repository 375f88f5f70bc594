/**
 * The regression check: a dozen seconds-long cases, each in a fresh process,
 * timed and compared with the figures recorded in `bench/baseline.json` on
 * this machine (see bench/regress.ts for the verdicts). It exits 1 when a case
 * is slower than the tolerance, answers differently or fails, so a change
 * that slows the solver down or changes an answer is seen before it lands,
 * not read off a table later.
 *
 *   npm run bench:check                       # every case against the baseline
 *   npm run bench:check -- --only=rotation-county,election-1200
 *   npm run bench:check -- --tolerance=1.3
 *   npm run bench:check -- --record           # write this run's figures as the baseline
 *
 * Times are wall times of the call, the least of `runs` runs after `warm`
 * warm-up runs (the least, not the median: other work on the machine only
 * ever adds time, so the least is the steadier figure); a case the user meets
 * cold, such as the first solve of a process, runs once without warm-up. The baseline holds only on the machine
 * that recorded it: on another one, record first (`--record`), then check.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync, writeFileSync } from 'node:fs'
import { availableParallelism, platform, arch } from 'node:os'
import { fileURLToPath } from 'node:url'
import {
  createSession,
  formulate,
  generateScenario,
  linearSumAssignment,
  planRotation,
  sampleScenario,
  shortlist,
  solve,
  type Scenario,
} from '../src/index.js'
import {
  compare,
  decodeBaseline,
  fails,
  renderTable,
  type Baseline,
  type Compared,
  type Measured,
} from './regress.js'
import { mulberry32 } from './instances.js'

interface Case {
  readonly name: string
  /** What the case measures, for the table's reader. */
  readonly what: string
  readonly warm: number
  readonly runs: number
  /** One run: its answer (timed from the call to the answer). */
  readonly run: () => Promise<number>
}

const matrix = (n: number, entry: (next: () => number) => number) => {
  const next = mulberry32(20240601)
  const data = new Float64Array(n * n)
  for (let k = 0; k < data.length; k++) data[k] = entry(next)
  return { rows: n, cols: n, data }
}

const must = <T>(r: { _tag: 'Left'; left: { message: string } } | { _tag: 'Right'; right: T }): T => {
  if (r._tag === 'Left') throw new Error(r.left.message)
  return r.right
}

/** The runner-up of the county's first open post in `proposal`: the dearest eligible cadre left out. */
function runnerUp(session: ReturnType<typeof createSession>, county: Scenario, taken: Set<string>): string {
  const { model } = session
  let best = -Infinity
  let id: string | null = null
  for (let k = model.eligibility.postStart[0]!; k < model.eligibility.postStart[1]!; k++) {
    const cadreId = county.cadres[model.eligibility.cadre[k]!]!.id
    const cost = model.milp.colCost[model.pairCol[k]!]!
    if (!taken.has(cadreId) && cost > best) {
      best = cost
      id = cadreId
    }
  }
  if (id === null) throw new Error('the first open post has no runner-up')
  return id
}

/** A case that times only part of its run sets this (ms); otherwise the whole run is timed. */
let timedOverride: number | null = null

const matrices = new Map<string, { rows: number; cols: number; data: Float64Array }>()
const cached = (key: string, make: () => { rows: number; cols: number; data: Float64Array }) => {
  let m = matrices.get(key)
  if (m === undefined) matrices.set(key, (m = make()))
  return m
}

/** A case timing `linearSumAssignment` on one matrix, made once per process; its value is the total. */
function lapCase(
  name: string,
  shape: string,
  make: () => { rows: number; cols: number; data: Float64Array },
): Case {
  return {
    name,
    what: `linearSumAssignment, ${shape} (value: total)`,
    warm: 1,
    runs: 5,
    run: () => Promise.resolve(must(linearSumAssignment(cached(name, make))).total),
  }
}

const CASES: readonly Case[] = [
  {
    name: 'solve-county-cold',
    what: 'sample county (1,200 cadres, 208 open posts), first solve of a process',
    warm: 0,
    runs: 1,
    run: async () => must(await solve(sampleScenario())).objective,
  },
  {
    name: 'solve-county',
    what: 'sample county, a solve after a warm-up',
    warm: 1,
    runs: 5,
    run: async () => must(await solve(sampleScenario())).objective,
  },
  {
    name: 'resolve-county',
    what: "sample county: a session's warm re-solve after locking a runner-up (the first solve untimed)",
    warm: 1,
    runs: 5,
    run: async () => {
      const county = sampleScenario()
      const session = createSession(county)
      const first = must(await session.solve())
      must(
        session.lock(
          runnerUp(
            session,
            county,
            new Set(first.assignments.flatMap((a) => (a.cadreId === null ? [] : [a.cadreId]))),
          ),
          county.openPosts[0]!,
        ),
      )
      const t = performance.now()
      const value = must(await session.solve()).objective
      timedOverride = performance.now() - t
      return value
    },
  },
  {
    name: 'rotation-county',
    what: 'three-year rotation plan of the sample county, round by round',
    warm: 0,
    runs: 1,
    run: async () => must(await planRotation(sampleScenario(), { method: 'round-by-round' })).value,
  },
  {
    name: 'shortlist-county-20',
    what: 'shortlists of 3 for the first 20 open posts of the sample county (value: candidates + losses)',
    warm: 0,
    runs: 1,
    run: async () => {
      const county = sampleScenario()
      const lists = must(await shortlist(county, { posts: county.openPosts.slice(0, 20), perPost: 3 }))
      return lists.posts.reduce(
        (s, p) => s + p.candidates.length + p.candidates.reduce((l, c) => l + c.loss, 0),
        0,
      )
    },
  },
  {
    name: 'election-1200',
    what: 'general election, every post open (generateScenario seed 1125, 1,200 cadres, openShare 1), cold',
    warm: 0,
    runs: 1,
    run: async () =>
      must(await solve(generateScenario({ seed: 1125, cadres: 1200, openShare: 1 }))).objective,
  },
  {
    name: 'formulate-election-1200',
    what: 'formulate the general election above (value: columns)',
    warm: 1,
    runs: 5,
    run: () =>
      Promise.resolve(
        formulate(generateScenario({ seed: 1125, cadres: 1200, openShare: 1 })).milp.colCost.length,
      ),
  },
  lapCase('lap-uniform-2000', '2,000², uniform [0, 1)', () => matrix(2000, (next) => next())),
  lapCase('lap-int1000-2000', '2,000², integers 1 … 1,000, ties everywhere', () =>
    matrix(2000, (next) => 1 + Math.floor(next() * 1000)),
  ),
  lapCase('lap-machol-1000', 'Machol–Wien c(i, j) = i · j, n = 1,000', () => {
    const n = 1000
    const data = new Float64Array(n * n)
    for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = i * j
    return { rows: n, cols: n, data }
  }),
]

/** In the child process: runs one case and prints its figures as JSON. */
async function child(name: string): Promise<void> {
  const c = CASES.find((x) => x.name === name)
  if (c === undefined) throw new Error(`unknown case ${name}`)
  let value = NaN
  for (let k = 0; k < c.warm; k++) await c.run()
  const times: number[] = []
  for (let k = 0; k < c.runs; k++) {
    timedOverride = null
    const t = performance.now()
    const v = await c.run()
    const ms = timedOverride ?? performance.now() - t
    if (k > 0 && v !== value) throw new Error(`two runs answered ${value} and ${v}`)
    value = v
    times.push(ms)
  }
  // The solver's worker threads would keep the process alive.
  process.stdout.write(JSON.stringify({ ms: Math.min(...times), value, times }), () => process.exit(0))
}

const BASELINE = fileURLToPath(new URL('./baseline.json', import.meta.url))

function gitCommit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim()
  } catch {
    return 'unknown'
  }
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--case') return child(args[1]!)
  const opt = (key: string) => args.find((a) => a.startsWith(`--${key}=`))?.slice(key.length + 3)
  const only = opt('only')?.split(',')
  const tolerance = Number(opt('tolerance') ?? 1.5)
  if (!(tolerance > 1)) throw new Error(`--tolerance: expected a number above 1, got ${opt('tolerance')}`)
  const record = args.includes('--record')
  const unknown = only?.filter((n) => !CASES.some((c) => c.name === n)) ?? []
  if (unknown.length > 0)
    throw new Error(
      `--only: unknown case ${unknown.join(', ')} (cases: ${CASES.map((c) => c.name).join(', ')})`,
    )
  const cases = CASES.filter((c) => only === undefined || only.includes(c.name))

  let baseline: Baseline | null = null
  try {
    const decoded = decodeBaseline(readFileSync(BASELINE, 'utf8'))
    if ('error' in decoded) throw new Error(decoded.error)
    baseline = decoded
  } catch (e) {
    if (!record)
      throw new Error(`bench/baseline.json: ${(e as Error).message}; record one with --record`, { cause: e })
  }
  const machine = `${platform()} ${arch()}, ${availableParallelism()} cores, node ${process.version}`
  console.log(
    baseline === null
      ? `recording a baseline on ${machine}`
      : `against the figures of ${baseline.recorded} (${baseline.commit}, ${baseline.machine}); tolerance ×${tolerance}`,
  )
  if (baseline !== null && baseline.machine !== machine)
    console.log(`note: recorded on another machine (this one: ${machine}); the times compare poorly`)

  const self = fileURLToPath(import.meta.url)
  const rows: Compared[] = []
  // Recording keeps the figures of the cases not run this time, not those of cases since removed.
  const figures: Record<string, Measured> = Object.fromEntries(
    Object.entries(baseline?.cases ?? {}).filter(([name]) => CASES.some((c) => c.name === name)),
  )
  for (const c of cases) {
    let now: Measured | { error: string }
    try {
      const out = execFileSync(process.execPath, ['--import', 'tsx', self, '--case', c.name], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
        maxBuffer: 1 << 24,
      })
      const m = JSON.parse(out) as Measured
      now = { ms: m.ms, value: m.value }
      figures[c.name] = now
    } catch (e) {
      const err = e as { stderr?: string; message: string }
      now = { error: (err.stderr?.trim().split('\n').pop() ?? '') || err.message }
    }
    const row = compare(c.name, now, baseline?.cases[c.name], tolerance)
    rows.push(row)
    console.error(`${c.name}: ${row.verdict}${row.ms === null ? '' : `, ${row.ms.toFixed(0)} ms`}`)
  }
  console.log()
  console.log(renderTable(rows))
  console.log()
  for (const c of cases) console.log(`- ${c.name}: ${c.what}; ${c.warm} warm-up, least of ${c.runs}`)
  if (record) {
    if (rows.some((r) => r.verdict === 'failed')) throw new Error('a case failed: nothing recorded')
    const next: Baseline = {
      recorded: new Date().toISOString(),
      commit: gitCommit(),
      machine,
      cases: figures,
    }
    writeFileSync(BASELINE, JSON.stringify(next, null, 2) + '\n')
    console.log(`\nrecorded in bench/baseline.json`)
    return
  }
  if (fails(rows)) {
    console.log(`\nFAILED: a case is slower than ×${tolerance}, answers differently, or failed`)
    process.exitCode = 1
  }
}

main().catch((e: unknown) => {
  console.error((e as Error).message)
  process.exit(2)
})
