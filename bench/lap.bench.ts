/**
 * Times `linearSumAssignment` on the OR-Library assignment instances
 * (J.E. Beasley, JORS 41(11) 1990) and on seeded uniform random matrices.
 * Run: `npx tsx bench/lap.bench.ts [seed]`. Each case is solved once to warm
 * up the JIT, then three times; the median is reported. When `python3` with
 * scipy is on the PATH, the same matrices are also timed with
 * `scipy.optimize.linear_sum_assignment` (same warm-up and median, file I/O
 * excluded); otherwise those columns show `–`.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { isLeft } from 'fp-ts/Either'
import { linearSumAssignment, type CostMatrix } from '../src/solvers/lap.js'
import { ASSIGN_FILES, assignOptimum, loadAssign } from '../test/fixtures/orlib/parse.js'

/** mulberry32: a tiny seeded PRNG, so the random cases are the same on every machine. */
const mulberry32 = (seed: number) => {
  let a = seed >>> 0
  return (): number => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Uniform costs in [0, 1): the usual random benchmark (e.g. scipy's asv suite). */
const randomMatrix = (n: number, next: () => number): CostMatrix => {
  const data = new Float64Array(n * n)
  for (let k = 0; k < data.length; k++) data[k] = next()
  return { rows: n, cols: n, data }
}

interface Case {
  readonly name: string
  readonly cost: CostMatrix
  readonly optimum: number | null
}

const seed = Number(process.argv[2] ?? 20240601)
const next = mulberry32(seed)
const cases: readonly Case[] = [
  ...ASSIGN_FILES.map((name) => ({ name, cost: loadAssign(name), optimum: assignOptimum(name) })),
  { name: 'uniform-1000', cost: randomMatrix(1000, next), optimum: null },
  { name: 'uniform-2000', cost: randomMatrix(2000, next), optimum: null },
]

/** A full assignment with the returned total, recomputed independently. */
const isValid = (cost: CostMatrix, colInd: Int32Array, total: number): boolean => {
  const seen = new Uint8Array(cost.cols)
  let sum = 0
  for (let i = 0; i < colInd.length; i++) {
    const j = colInd[i]!
    if (seen[j] === 1) return false
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
linear_sum_assignment(c)
ts = []
for _ in range(3):
    t0 = time.perf_counter()
    linear_sum_assignment(c)
    ts.append(time.perf_counter() - t0)
print(sorted(ts)[1] * 1000)
`

/** scipy's median time on the same matrix, or `null` when python3 or scipy is missing. */
const scipyMs = (cost: CostMatrix): number | null => {
  const dir = mkdtempSync(join(tmpdir(), 'lap-bench-'))
  try {
    const file = join(dir, 'cost.f64')
    const bytes = new DataView(new ArrayBuffer(cost.data.length * 8))
    cost.data.forEach((x, k) => bytes.setFloat64(k * 8, x, true))
    writeFileSync(file, bytes)
    const r = spawnSync('python3', ['-c', SCIPY, file, String(cost.rows), String(cost.cols)], {
      encoding: 'utf8',
    })
    const ms = r.status === 0 ? Number(r.stdout.trim()) : NaN
    return Number.isFinite(ms) ? ms : null
  } catch {
    return null
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

console.log(`linearSumAssignment benchmark — node ${process.version}, seed ${seed} (mulberry32)`)
const rows: string[][] = [['case', 'size', 'median ms', 'scipy ms', '× scipy', 'total', 'optimum', 'ok']]
for (const { name, cost, optimum } of cases) {
  linearSumAssignment(cost) // warm-up
  const times: number[] = []
  let total = NaN
  let ok = false
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now()
    const r = linearSumAssignment(cost)
    times.push(performance.now() - t0)
    if (isLeft(r)) throw new Error(`${name}: ${r.left.message}`)
    total = r.right.total
    ok = isValid(cost, r.right.colInd, total) && (optimum === null || total === optimum)
  }
  const median = times.sort((a, b) => a - b)[1]!
  const scipy = scipyMs(cost)
  rows.push([
    name,
    `${cost.rows}×${cost.cols}`,
    median.toFixed(1),
    scipy === null ? '–' : scipy.toFixed(1),
    scipy === null ? '–' : (median / scipy).toFixed(2),
    Number.isInteger(total) ? String(total) : total.toFixed(6),
    optimum === null ? '–' : String(optimum),
    ok ? 'yes' : 'NO',
  ])
}

const widths = rows[0]!.map((_, c) => Math.max(...rows.map((r) => r[c]!.length)))
const line = (r: readonly string[]) => `| ${r.map((s, c) => s.padEnd(widths[c]!)).join(' | ')} |`
console.log(line(rows[0]!))
console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`)
for (const r of rows.slice(1)) console.log(line(r))
