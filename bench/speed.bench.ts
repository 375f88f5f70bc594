/**
 * Speed and scale: the priced-core method against the direct solve of the
 * whole model and against native HiGHS (scipy's `milp`, presolve on) on the
 * same exported model, in the same run; re-solves after a small edit. Each
 * case runs in its own process, so peak RSS is the case's own (the HiGHS
 * worker included).
 *
 *   npm run bench:speed                          # county-1200, resolve-1200
 *   npm run bench:speed -- county-1200 full-1200 city-5000
 *   BENCH_TIME_LIMIT_MS=300000 npm run bench:speed -- full-1200
 *
 * Cases: `county-N` (the generator's county, 30 % of posts open), `full-N`
 * (every post open: a general election, 换届), `city-N` (as county, for
 * N ≥ 5,000), `resolve-N` (a lock and a quota edit after a solve), `many-N`
 * (six counties of N cadres by `solveMany`, one lane then two), `rank-N`
 * (ten exact proposals and a diagnosis against one solve). The direct
 * solve and native HiGHS are skipped above `DIRECT_MAX_COLUMNS` columns, where
 * they are known to run out of the wasm heap or the time limit (recorded in
 * docs/benchmarks.md).
 */
import { execFileSync } from 'node:child_process'
import { mkdirSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { validateProposal } from '../src/check/index.js'
import type { Proposal } from '../src/domain/proposal.js'
import { editMilp, exportModel, formulate, sizeOf } from '../src/model/index.js'
import type { StaffingModel } from '../src/model/index.js'
import { createSession, diagnose, rankModel, solveMany, solveModel } from '../src/proposals/index.js'
import type { StaffingSession } from '../src/proposals/index.js'
import { resolvePolicy } from '../src/domain/policy.js'
import { generateScenario } from '../src/sample/index.js'
import type { SolveMethod } from '../src/solvers/solver.js'
import { available, runScipyMilp, tempFile } from './references.js'

const SEED = 2026
const TIME_LIMIT_MS = Number(process.env.BENCH_TIME_LIMIT_MS ?? 120_000)
const DIRECT_MAX_COLUMNS = Number(process.env.BENCH_DIRECT_MAX_COLUMNS ?? 200_000)
const REPEATS = 3

interface Row {
  readonly instance: string
  readonly columns: number
  readonly rows: number
  readonly formulateMs: number
  readonly solver: string
  readonly status: string
  readonly objective: number | null
  readonly gap: number | null
  readonly timeMs: number | null
  readonly violations: number | null
  readonly core: string
  readonly peakRssMb: number
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

/** `kind-N` or `kind-N@seed` (the generator's seed; 2026 when not given). */
function scenarioOf(name: string) {
  const [base, seed] = name.split('@') as [string, string | undefined]
  const [kind, n] = base.split('-') as [string, string]
  return generateScenario({
    seed: seed === undefined ? SEED : Number(seed),
    cadres: Number(n),
    openShare: kind === 'full' ? 1 : 0.3,
  })
}

async function timed(
  model: StaffingModel,
  method: SolveMethod,
  repeats: number,
): Promise<{ ms: number; proposal: Proposal | null; status: string }> {
  const times: number[] = []
  let proposal: Proposal | null = null
  let status = 'n/a'
  for (let r = 0; r < repeats; r++) {
    const t = performance.now()
    const res = await solveModel(model, {
      backend: 'highs',
      method,
      timeLimitMs: TIME_LIMIT_MS,
    })
    times.push(performance.now() - t)
    if (res._tag === 'Left') {
      status = `${res.left._tag}: ${res.left.message.split('\n')[0]!.slice(0, 60)}`
      break
    }
    proposal = res.right
    status = res.right.status
    if (status !== 'optimal') break
  }
  return { ms: median(times), proposal, status }
}

async function solveCase(name: string): Promise<Row[]> {
  const scenario = scenarioOf(name)
  const t = performance.now()
  const model = formulate(scenario)
  const formulateMs = performance.now() - t
  const size = sizeOf(model.milp)
  const rows: Row[] = []
  const row = (
    solver: string,
    r: Omit<Row, 'instance' | 'columns' | 'rows' | 'formulateMs' | 'solver' | 'peakRssMb'>,
  ) =>
    rows.push({
      instance: name,
      columns: size.columns,
      rows: size.rows,
      formulateMs,
      solver,
      ...r,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    })
  const { highsSolver } = await import('../src/solvers/highs.js')
  // One bare solver run first, for the core statistics (not timed; the timed runs follow).
  const probe = await highsSolver.solve(model.milp, { method: 'core', timeLimitMs: TIME_LIMIT_MS })
  const coreNote =
    probe.core === undefined
      ? ''
      : `${probe.core.coreColumns} of ${probe.core.columns} columns; ${probe.core.pricingRounds} LP, ${probe.core.milpRounds} MILP${(probe.core.proofSteps ?? 0) > 0 ? ` (${probe.core.proofSteps} in steps)` : ''}; LP ${probe.core.lpMs.toFixed(0)} ms, MILP ${probe.core.milpMs.toFixed(0)} ms`
  const core = await timed(model, 'core', probe.status === 'optimal' ? REPEATS : 1)
  row('banzi core', {
    status: core.status,
    objective: core.proposal?.objective ?? null,
    gap: core.proposal?.gap ?? null,
    timeMs: core.ms,
    violations: core.proposal === null ? null : validateProposal(scenario, core.proposal).length,
    core: coreNote,
  })
  if (size.columns <= DIRECT_MAX_COLUMNS) {
    const direct = await timed(model, 'direct', 1)
    row('banzi direct', {
      status: direct.status,
      objective: direct.proposal?.objective ?? null,
      gap: direct.proposal?.gap ?? null,
      timeMs: direct.ms,
      violations: direct.proposal === null ? null : validateProposal(scenario, direct.proposal).length,
      core: '',
    })
    if (available.scipy) {
      const native = runScipyMilp(
        tempFile(`${name}.mps`, exportModel(model, 'mps')),
        Math.ceil(TIME_LIMIT_MS / 1000),
      )
      row('native HiGHS (scipy milp)', {
        status: native.status,
        objective: native.objective,
        gap: null,
        timeMs: native.timeMs,
        violations: null,
        core: native.note ?? '',
      })
    }
  }
  return rows
}

/** A solve, then a lock of the best runner-up pair of the first open post, then a women quota raised to 2. */
async function resolveCase(name: string): Promise<Row[]> {
  const n = name.split('-')[1]!
  const scenario = scenarioOf(`county-${n}`)
  const t = performance.now()
  const model = formulate(scenario)
  const formulateMs = performance.now() - t
  const size = sizeOf(model.milp)
  const rows: Row[] = []
  const first = await solveModel(model, { method: 'core', timeLimitMs: TIME_LIMIT_MS })
  if (first._tag === 'Left') throw new Error(first.left.message)
  const best = first.right
  // The lock: the pair of the first open post with the highest cost that the optimum does not use.
  const chosen = best.assignments[0]!.cadreId
  let lockCol = -1
  const { postStart, cadre } = model.eligibility
  for (let k = postStart[0]!; k < postStart[1]!; k++) {
    if (scenario.cadres[cadre[k]!]!.id === chosen) continue
    const c = model.pairCol[k]!
    if (lockCol < 0 || model.milp.colCost[c]! > model.milp.colCost[lockCol]!) lockCol = c
  }
  const womenRow = model.milp.rowNames.findIndex((r) => /:women>=1$/.test(r))
  const [lockCadre, lockPost] = model.milp.colNames[lockCol]!.split(':').slice(1) as [string, string]
  const womenName = model.milp.rowNames[womenRow]!
  const edits: [string, StaffingModel, (s: StaffingSession) => void][] = [
    [
      `lock ${model.milp.colNames[lockCol]}`,
      { ...model, milp: editMilp(model.milp, { colBounds: [[lockCol, 1, 1]] }), hasTeamRows: true },
      (s) => s.lock(lockCadre, lockPost),
    ],
    [
      `${womenName} → ≥ 2`,
      {
        ...model,
        milp: editMilp(model.milp, { rowBounds: [[womenRow, 2, model.milp.rowUpper[womenRow]!]] }),
        hasTeamRows: true,
      },
      (s) => s.setRowBounds(womenName, 2, model.milp.rowUpper[womenRow]!),
    ],
  ]
  const row = (solver: string, r: { ms: number; proposal: Proposal | null; status: string }, note: string) =>
    rows.push({
      instance: name,
      columns: size.columns,
      rows: size.rows,
      formulateMs,
      solver,
      status: r.status,
      objective: r.proposal?.objective ?? null,
      gap: r.proposal?.gap ?? null,
      timeMs: r.ms,
      violations: null,
      core: note,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    })
  for (const [what, edited, edit] of edits) {
    row(
      `re-solve cold: ${what}`,
      await timed(edited, 'core', REPEATS),
      `after a first solve of objective ${best.objective}`,
    )
    // Warm: a session solved once (not timed), edited, re-solved (timed); a fresh session per repeat.
    const times: number[] = []
    let proposal: Proposal | null = null
    let status = 'n/a'
    for (let r = 0; r < REPEATS; r++) {
      const session = createSession(model)
      await session.solve({ backend: 'highs', method: 'core', timeLimitMs: TIME_LIMIT_MS })
      edit(session)
      const t = performance.now()
      const res = await session.solve({ backend: 'highs', method: 'core', timeLimitMs: TIME_LIMIT_MS })
      times.push(performance.now() - t)
      status = res._tag === 'Left' ? res.left._tag : res.right.status
      proposal = res._tag === 'Left' ? null : res.right
    }
    row(
      `re-solve warm (session): ${what}`,
      { ms: median(times), proposal, status },
      "from the first solve's solution, LP basis and gap",
    )
  }
  // A meeting: twelve edits in a row on one session — a lock of a pair the last proposal leaves
  // out, a hard quota raised by one, a lock released — each re-solve warm from the one before,
  // checked against a cold solve of the same edited model. A raise that leaves no proposal is
  // timed (the answer "infeasible" is a re-solve too), then taken back, as a meeting would.
  const session = createSession(model)
  await session.solve({ backend: 'highs', method: 'core', timeLimitMs: TIME_LIMIT_MS })
  const quotas = model.ruleRows.filter((r) => r.hard && Number.isFinite(model.milp.rowLower[r.row]!))
  const times: number[] = []
  let mismatches = 0
  let last = best
  const locked: [string, string][] = []
  let raised: [string, number, number] | null = null
  let infeasible = 0
  for (let i = 0; i < 12; i++) {
    const kind = i % 3
    if (kind === 0) {
      // The dearest pair of the (i+1)-th open post that the last proposal leaves out.
      const p = (i * 7) % scenario.openPosts.length
      let col = -1
      for (let k = postStart[p]!; k < postStart[p + 1]!; k++) {
        const c = model.pairCol[k]!
        const id = scenario.cadres[cadre[k]!]!.id
        if (last.assignments.some((a) => a.cadreId === id)) continue
        if (col < 0 || model.milp.colCost[c]! > model.milp.colCost[col]!) col = c
      }
      if (col < 0) continue
      const [cadreId, postId] = model.milp.colNames[col]!.split(':').slice(1) as [string, string]
      session.lock(cadreId, postId)
      locked.push([cadreId, postId])
    } else if (kind === 1) {
      const q = quotas[(i * 5) % quotas.length]!
      const m = session.model.milp
      raised = [m.rowNames[q.row]!, m.rowLower[q.row]!, m.rowUpper[q.row]!]
      session.setRowBounds(raised[0], raised[1] + 1, Math.max(raised[2], raised[1] + 1))
    } else {
      const [cadreId, postId] = locked.shift()!
      session.release(cadreId, postId)
    }
    const t = performance.now()
    const res = await session.solve({ backend: 'highs', method: 'core', timeLimitMs: TIME_LIMIT_MS })
    times.push(performance.now() - t)
    const cold = await solveModel(session.model, {
      backend: 'highs',
      method: 'core',
      timeLimitMs: TIME_LIMIT_MS,
    })
    if (res._tag === 'Left' || cold._tag === 'Left') {
      if (res._tag !== cold._tag) mismatches++
      if (res._tag === 'Left') infeasible++
      if (kind === 1 && raised !== null) session.setRowBounds(...raised)
      continue
    }
    if (Math.abs(res.right.objective - cold.right.objective) > 1e-6) mismatches++
    last = res.right
  }
  const sorted = [...times].sort((a, b) => a - b)
  row(
    `session: ${times.length} edits in a row (lock, quota + 1, release)`,
    {
      ms: median(times),
      proposal: last,
      status:
        (mismatches === 0 ? 'all equal to a cold solve' : `${mismatches} differ from a cold solve`) +
        (infeasible === 0 ? '' : `; ${infeasible} infeasible (raise taken back)`),
    },
    `median; min ${sorted[0]!.toFixed(0)}, max ${sorted[sorted.length - 1]!.toFixed(0)} ms`,
  )
  return rows
}

/** A batch of six counties (seeds 1–6) by solveMany, one lane then two: throughput of the two cores. */
async function manyCase(name: string): Promise<Row[]> {
  const n = Number(name.split('-')[1]!)
  const counties = [1, 2, 3, 4, 5, 6].map((seed) => generateScenario({ seed, cadres: n }))
  const rows: Row[] = []
  await solveMany(counties.slice(0, 2), { concurrency: 2 }) // warm both workers
  for (const concurrency of [1, 2]) {
    const t = performance.now()
    const results = await solveMany(counties, { concurrency, timeLimitMs: TIME_LIMIT_MS })
    const ms = performance.now() - t
    const optimal = results.filter((r) => r._tag === 'Right' && r.right.status === 'optimal').length
    rows.push({
      instance: name,
      columns: 0,
      rows: 0,
      formulateMs: 0,
      solver: `solveMany, concurrency ${concurrency}`,
      status: `${optimal} of ${counties.length} optimal`,
      objective: null,
      gap: null,
      timeMs: ms,
      violations: null,
      core: `${((counties.length / ms) * 60_000).toFixed(0)} counties per minute (formulation included)`,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
    })
  }
  return rows
}

/**
 * Ranking and diagnosis on a county: one solve (median of 3), ten exact
 * proposals, and the diagnosis of the county made infeasible by asking two
 * women in every team.
 */
async function rankCase(name: string): Promise<Row[]> {
  const n = name.split('-')[1]!
  const scenario = scenarioOf(`county-${n}`)
  const model = formulate(scenario)
  const size = sizeOf(model.milp)
  const base = { instance: name, columns: size.columns, rows: size.rows, formulateMs: 0, gap: null }
  await solveModel(model) // warm the worker
  const one = await timed(model, 'auto', REPEATS)
  let t = performance.now()
  const ranked = await rankModel(model, { k: 10, timeLimitMs: TIME_LIMIT_MS })
  const rankMs = performance.now() - t
  const strict = {
    ...scenario,
    policy: resolvePolicy({
      ...scenario.policy,
      structure: { ...scenario.policy.structure, women: { ...scenario.policy.structure.women, min: 2 } },
    }),
  }
  t = performance.now()
  const d = await diagnose(strict, { timeLimitMs: TIME_LIMIT_MS })
  const diagnoseMs = performance.now() - t
  const rss = () => process.resourceUsage().maxRSS / 1024
  return [
    {
      ...base,
      solver: 'one solve',
      status: one.status,
      objective: one.proposal?.objective ?? null,
      timeMs: one.ms,
      violations: null,
      core: '',
      peakRssMb: rss(),
    },
    {
      ...base,
      solver: 'rankModel k = 10',
      status: ranked._tag === 'Left' ? ranked.left._tag : `${ranked.right.length} proposals`,
      objective: ranked._tag === 'Left' ? null : ranked.right[ranked.right.length - 1]!.proposal.objective,
      timeMs: rankMs,
      violations:
        ranked._tag === 'Left'
          ? null
          : ranked.right.reduce((v, r) => v + validateProposal(scenario, r.proposal).length, 0),
      core: `${(rankMs / one.ms).toFixed(2)} × one solve`,
      peakRssMb: rss(),
    },
    {
      ...base,
      solver: 'diagnose (two women in every team)',
      status:
        d._tag === 'Left'
          ? d.left._tag
          : d.right.feasible
            ? 'feasible'
            : `conflict of ${d.right.conflict.length}`,
      objective: null,
      timeMs: diagnoseMs,
      violations: null,
      core: d._tag === 'Left' ? '' : `${d.right.supply.length} supply findings`,
      peakRssMb: rss(),
    },
  ]
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  if (args[0] === '--case') {
    const name = args[1]!
    const rows = name.startsWith('resolve-')
      ? await resolveCase(name)
      : name.startsWith('many-')
        ? await manyCase(name)
        : name.startsWith('rank-')
          ? await rankCase(name)
          : await solveCase(name)
    process.stdout.write(JSON.stringify(rows))
    process.exit(0)
  }
  const cases = args.length > 0 ? args : ['county-1200', 'resolve-1200', 'rank-1200', 'many-300']
  const self = fileURLToPath(import.meta.url)
  console.log(
    `seed ${SEED}, time limit ${TIME_LIMIT_MS} ms, median of ${REPEATS} for optimal banzi runs, node ${process.version}` +
      (available.scipy ? '' : '; scipy not installed: native HiGHS skipped (npm run bench:setup)'),
  )
  console.log(
    '| instance | columns × rows | formulate ms | solver | status | objective | gap | solve ms | violations | peak RSS MB | core |',
  )
  console.log('|---|---|---:|---|---|---:|---:|---:|---:|---:|---|')
  const all: Row[] = []
  for (const name of cases) {
    const out = execFileSync(
      process.execPath,
      ['--max-old-space-size=12000', '--import', 'tsx', self, '--case', name],
      { encoding: 'utf8', maxBuffer: 1 << 26 },
    )
    const rows = JSON.parse(out) as Row[]
    all.push(...rows)
    for (const r of rows)
      console.log(
        `| ${r.instance} | ${r.columns.toLocaleString('en')} × ${r.rows.toLocaleString('en')} | ${r.formulateMs.toFixed(0)} | ${r.solver} | ${r.status} | ${r.objective?.toFixed(6) ?? '–'} | ${r.gap === null ? '–' : r.gap.toExponential(1)} | ${r.timeMs?.toFixed(0) ?? '–'} | ${r.violations ?? '–'} | ${r.peakRssMb.toFixed(0)} | ${r.core} |`,
      )
  }
  for (const name of cases) {
    const core = all.find((r) => r.instance === name && r.solver === 'banzi core')
    const native = all.find((r) => r.instance === name && r.solver.startsWith('native'))
    const direct = all.find((r) => r.instance === name && r.solver === 'banzi direct')
    if (core?.timeMs != null && native?.timeMs != null)
      console.log(
        `${name}: native HiGHS / banzi core = ${(native.timeMs / core.timeMs).toFixed(1)}×` +
          (direct?.timeMs != null
            ? `, banzi direct / banzi core = ${(direct.timeMs / core.timeMs).toFixed(1)}×`
            : '') +
          (native.objective !== null && core.objective !== null
            ? `, objectives differ by ${Math.abs(native.objective - core.objective).toExponential(1)}`
            : ''),
      )
  }
  mkdirSync('bench/results', { recursive: true })
  writeFileSync(
    'bench/results/speed.json',
    JSON.stringify({ seed: SEED, timeLimitMs: TIME_LIMIT_MS, rows: all }, null, 2),
  )
}

void main()
