/**
 * Times `linearSumAssignment` on the OR-Library assignment instances
 * (J.E. Beasley, JORS 41(11) 1990) and on seeded uniform random matrices,
 * square and rectangular (both orientations).
 * Run: `npx tsx bench/lap.bench.ts [seed] [--only=name,…] [--runs=3]`.
 * Each case is solved for at least 300 ms to warm up the JIT,
 * then `runs` times — each run repeating the solve until it lasts 50 ms, so
 * that small instances are timed in bulk — and the median of one solve is
 * reported. When `python3` with scipy is on the PATH, the same matrices
 * are also timed with `scipy.optimize.linear_sum_assignment` (the same
 * repetitions and median, file I/O excluded) and its total must agree within 1e-6
 * (relative); otherwise those columns show `–`. Wall time and process CPU
 * time are both reported: on a shared machine the CPU time of these
 * single-threaded solvers is the steadier of the two (Node's counts its
 * compiler and GC threads too).
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { loadavg, tmpdir } from 'node:os'
import { join } from 'node:path'
import { isLeft } from 'fp-ts/Either'
import { linearSumAssignment, type CostMatrix } from '../src/solvers/lap.js'
import { ASSIGN_FILES, assignOptimum, loadAssign } from '../test/fixtures/orlib/parse.js'
import { mulberry32 } from './instances.js'

/** Uniform costs in [0, 1): the usual random benchmark (e.g. scipy's asv suite). */
const randomMatrix = (rows: number, cols: number, next: () => number): CostMatrix => {
  const data = new Float64Array(rows * cols)
  for (let k = 0; k < data.length; k++) data[k] = next()
  return { rows, cols, data }
}

/** Integers `0 … hi` drawn uniformly: ties everywhere once `hi` is small. */
const integerMatrix = (n: number, hi: number, next: () => number): CostMatrix => {
  const data = new Float64Array(n * n)
  for (let k = 0; k < data.length; k++) data[k] = Math.floor(next() * (hi + 1))
  return { rows: n, cols: n, data }
}

/** `floor(100 · u · (1 + i mod 10))`: integer costs whose range depends on the row. */
const rowScaledMatrix = (n: number, next: () => number): CostMatrix => {
  const data = new Float64Array(n * n)
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) data[i * n + j] = Math.floor(100 * next() * (1 + (i % 10)))
  return { rows: n, cols: n, data }
}

/** Machol–Wien `c(i, j) = i · j`: a classic hard, fully degenerate instance. */
const macholWien = (n: number): CostMatrix => {
  const data = new Float64Array(n * n)
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) data[i * n + j] = i * j
  return { rows: n, cols: n, data }
}

interface Case {
  readonly name: string
  readonly cost: CostMatrix
  readonly optimum: number | null
}

const seed = Number(process.argv.slice(2).find((a) => !a.startsWith('--')) ?? 20240601)
const next = mulberry32(seed)
const cases: readonly Case[] = [
  ...ASSIGN_FILES.map((name) => ({ name, cost: loadAssign(name), optimum: assignOptimum(name) })),
  { name: 'uniform-1000', cost: randomMatrix(1000, 1000, next), optimum: null },
  { name: 'uniform-2000', cost: randomMatrix(2000, 2000, next), optimum: null },
  { name: 'uniform-4000', cost: randomMatrix(4000, 4000, next), optimum: null },
  { name: 'wide-1000x3000', cost: randomMatrix(1000, 3000, next), optimum: null },
  { name: 'tall-3000x1000', cost: randomMatrix(3000, 1000, next), optimum: null },
]
/** The cost shapes of issue #18, built lazily (a 4,000² matrix is 128 MB) and only when selected. */
const shapes: readonly {
  readonly name: string
  readonly make: (n: number, next: () => number) => CostMatrix
}[] = [
  { name: 'float', make: (n, r) => randomMatrix(n, n, r) },
  { name: 'int1e6', make: (n, r) => integerMatrix(n, 1_000_000, r) },
  { name: 'int1000', make: (n, r) => integerMatrix(n, 1000, r) },
  { name: 'int100', make: (n, r) => integerMatrix(n, 100, r) },
  { name: 'rowscaled', make: rowScaledMatrix },
  { name: 'machol', make: (n) => macholWien(n) },
]
const shapeCases = shapes.flatMap(({ name, make }, s) =>
  [3000, 4000].map((n) => ({
    name: `${name}-${n}`,
    // Each shape has its own seeded stream, so one case does not depend on which others run.
    cost: () => make(n, mulberry32(seed + 7919 * s + n)),
    optimum: null,
  })),
)

/** A full assignment, sorted by row, with the returned total, recomputed independently. */
const isValid = (cost: CostMatrix, rowInd: Int32Array, colInd: Int32Array, total: number): boolean => {
  const seen = new Uint8Array(cost.cols)
  let sum = 0
  for (let k = 0; k < colInd.length; k++) {
    const i = rowInd[k]!
    const j = colInd[k]!
    if (seen[j] === 1 || i < 0 || i >= cost.rows || (k > 0 && i <= rowInd[k - 1]!)) return false
    seen[j] = 1
    sum += cost.data[i * cost.cols + j]!
  }
  return colInd.length === Math.min(cost.rows, cost.cols) && sum === total
}

const SCIPY = `
import sys, time
import numpy as np
from scipy.optimize import linear_sum_assignment
c = np.fromfile(sys.argv[1], dtype='<f8').reshape(int(sys.argv[2]), int(sys.argv[3]))
runs = int(sys.argv[4])
reps = int(sys.argv[5])
linear_sum_assignment(c)
ts, cs = [], []
for _ in range(runs):
    t0, c0 = time.perf_counter(), time.process_time()
    for _ in range(reps):
        r, k = linear_sum_assignment(c)
    ts.append((time.perf_counter() - t0) / reps)
    cs.append((time.process_time() - c0) / reps)
print(sorted(ts)[runs // 2] * 1000, sorted(cs)[runs // 2] * 1000, repr(float(c[r, k].sum())))
`

/** scipy's median wall and CPU times and its total on the same matrix, or `null` when python3 or scipy is missing. */
const scipyRun = (
  cost: CostMatrix,
  reps: number,
): { readonly ms: number; readonly cpuMs: number; readonly total: number } | null => {
  const dir = mkdtempSync(join(tmpdir(), 'lap-bench-'))
  try {
    const file = join(dir, 'cost.f64')
    const bytes = new DataView(new ArrayBuffer(cost.data.length * 8))
    for (let k = 0; k < cost.data.length; k++) bytes.setFloat64(k * 8, cost.data[k]!, true)
    writeFileSync(file, bytes)
    const args = ['-c', SCIPY, file, String(cost.rows), String(cost.cols), String(runs), String(reps)]
    const r = spawnSync('python3', args, { encoding: 'utf8' })
    const [ms, cpuMs, total] = r.status === 0 ? r.stdout.trim().split(' ').map(Number) : []
    return ms !== undefined && cpuMs !== undefined && total !== undefined && Number.isFinite(ms)
      ? { ms, cpuMs, total }
      : null
  } catch {
    return null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

const flag = (name: string): string | undefined =>
  process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3)
const only = flag('only')
const runs = Math.max(1, Number(flag('runs') ?? 3))
/** Least time of warm-up solves, and least time of one timed run (a run repeats a short solve). */
const WARM_MS = 300
const RUN_MS = 50

console.log(
  `linearSumAssignment benchmark — node ${process.version}, seed ${seed} (mulberry32), ` +
    `median of ${runs}, load average ${loadavg()
      .map((x) => x.toFixed(2))
      .join(' ')}`,
)
const rows: string[][] = [
  [
    'case',
    'size',
    'median ms',
    'scipy ms',
    '× scipy',
    'cpu ms',
    'scipy cpu ms',
    '× scipy cpu',
    'total',
    'optimum',
    'ok',
  ],
]
/** Milliseconds as printed: three decimals under 1 ms (the small OR-Library instances), else one. */
const ms = (x: number): string => x.toFixed(x < 1 ? 3 : 1)

const all: readonly {
  readonly name: string
  readonly cost: () => CostMatrix
  readonly optimum: number | null
}[] = [...cases.map((c) => ({ ...c, cost: () => c.cost })), ...shapeCases]
for (const { name, cost: build, optimum } of all) {
  if (only !== undefined && !only.split(',').some((o) => name.includes(o))) continue
  const cost = build()
  // Warm-up: at least WARM_MS of solves (a small instance takes thousands of calls before the
  // JIT has compiled the solver: capped at 200 calls, assign100's first timed runs took 100–450 µs
  // a solve, its later ones 60–75 µs); a run repeats a solve `reps` times so that it lasts RUN_MS
  // at least, for both sides, and reports the time of one solve. `one` is timed on a tenth of the
  // warm-up's calls once warm (the mean of the warm-up counts the slow early calls).
  const w0 = performance.now()
  let calls = 0
  while (calls === 0 || performance.now() - w0 < WARM_MS) {
    linearSumAssignment(cost)
    calls++
  }
  let one = (performance.now() - w0) / calls
  if (calls >= 10) {
    const t1 = performance.now()
    for (let k = 0; k < calls / 10; k++) linearSumAssignment(cost)
    one = (performance.now() - t1) / Math.ceil(calls / 10)
  }
  const reps = Math.max(1, Math.min(1000, Math.ceil(RUN_MS / Math.max(one, 1e-3))))
  const times: number[] = []
  const cpu: number[] = []
  let total = NaN
  let ok = true
  for (let run = 0; run < runs; run++) {
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    let r = linearSumAssignment(cost)
    for (let k = 1; k < reps; k++) r = linearSumAssignment(cost)
    times.push((performance.now() - t0) / reps)
    const used = process.cpuUsage(c0)
    cpu.push((used.user + used.system) / 1000 / reps)
    if (isLeft(r)) throw new Error(`${name}: ${r.left.message}`)
    total = r.right.total
    ok &&= isValid(cost, r.right.rowInd, r.right.colInd, total) && (optimum === null || total === optimum)
  }
  const median = times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
  const cpuMedian = cpu.sort((a, b) => a - b)[Math.floor(runs / 2)]!
  const scipy = scipyRun(cost, reps)
  // Both are exact optima; their totals may differ by float rounding only,
  // and not at all when every cost is an integer.
  if (scipy !== null && Number.isInteger(total) && Number.isInteger(scipy.total) && scipy.total !== total)
    ok = false
  if (scipy !== null && Math.abs(scipy.total - total) > 1e-6 * Math.max(1, Math.abs(total))) ok = false
  rows.push([
    name,
    `${cost.rows}×${cost.cols}`,
    ms(median),
    scipy === null ? '–' : ms(scipy.ms),
    scipy === null ? '–' : (median / scipy.ms).toFixed(2),
    ms(cpuMedian),
    scipy === null ? '–' : ms(scipy.cpuMs),
    scipy === null ? '–' : (cpuMedian / scipy.cpuMs).toFixed(2),
    Number.isInteger(total) ? String(total) : total.toFixed(6),
    optimum === null ? (scipy === null ? '–' : 'scipy agrees') : String(optimum),
    ok ? 'yes' : 'NO',
  ])
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
const line = (r: readonly string[]) => `| ${r.map((s, c) => s.padEnd(widths[c]!)).join(' | ')} |`
console.log(line(rows[0]!))
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const r of rows.slice(1)) console.log(line(r))
