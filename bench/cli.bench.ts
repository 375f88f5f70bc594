/**
 * The command line to a report, as a user runs it: the built binary
 * (`dist/cli.js`, so `npm run build` first) solves the 1,200-cadre sample
 * county (`examples/data/sample-county.json`) and writes the HTML report, in a
 * cold process each run — reading and decoding the JSON, solving to proven
 * optimality, validating, rendering the structure charts and the assessment
 * curves to SVG. Peak memory is the child's VmHWM, read from `/proc` every
 * 10 ms while it runs (Linux). Target: ≤ 5 s end to end (issue "Faces").
 *
 *   npm run build && npx tsx bench/cli.bench.ts [runs=3]
 */
import { spawn } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { performance } from 'node:perf_hooks'

const CLI = resolve('dist/cli.js')
const ROSTER = resolve('examples/data/sample-county.json')
const TARGET_S = 5
const runs = Number(process.argv[2] ?? 3)

interface Run {
  readonly seconds: number
  readonly peakMb: number | null
  readonly code: number | null
  readonly bytes: number
}

/** The peak resident set of a running process, from `/proc` (null where there is none). */
function peakOf(pid: number): number | null {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))
    return m === null ? null : Number(m[1]) / 1024
  } catch {
    return null
  }
}

async function once(out: string): Promise<Run> {
  const t0 = performance.now()
  const child = spawn(process.execPath, [CLI, 'solve', ROSTER, '--out', out], {
    stdio: ['ignore', 'ignore', 'pipe'],
  })
  let stderr = ''
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()))
  let peak: number | null = null
  const sampler = setInterval(() => {
    const p = child.pid === undefined ? null : peakOf(child.pid)
    if (p !== null) peak = Math.max(peak ?? 0, p)
  }, 10)
  const code = await new Promise<number | null>((done) => child.on('exit', (c) => done(c)))
  clearInterval(sampler)
  const seconds = (performance.now() - t0) / 1000
  if (code !== 0) console.error(stderr)
  return { seconds, peakMb: peak, code, bytes: existsSync(out) ? statSync(out).size : 0 }
}

if (!existsSync(CLI)) {
  console.error(`${CLI} not found: run \`npm run build\` first.`)
  process.exit(1)
}
const dir = mkdtempSync(join(tmpdir(), 'banzi-cli-bench-'))
try {
  await once(join(dir, 'warm-up.html'))
  const results: Run[] = []
  for (let i = 0; i < runs; i++) results.push(await once(join(dir, `report-${i}.html`)))
  const seconds = results.map((r) => r.seconds).sort((a, b) => a - b)
  const median = seconds[Math.floor(seconds.length / 2)] as number
  const peaks = results.flatMap((r) => (r.peakMb === null ? [] : [r.peakMb]))
  console.log(
    `banzi solve sample-county.json --out report.html, built binary, cold process, ${runs} runs after a warm-up, node ${process.version}`,
  )
  console.log('| runs (s) | median (s) | peak RSS (MB) | report (kB) | exit codes | target | met |')
  console.log('|---|---:|---:|---:|---|---:|---|')
  console.log(
    `| ${seconds.map((s) => s.toFixed(2)).join(', ')} | ${median.toFixed(2)} | ${peaks.length === 0 ? '–' : Math.max(...peaks).toFixed(0)} | ${((results[0]?.bytes ?? 0) / 1024).toFixed(0)} | ${results.map((r) => r.code).join(', ')} | ≤ ${TARGET_S} s | ${median <= TARGET_S ? 'yes' : 'NO'} |`,
  )
  process.exitCode = results.every((r) => r.code === 0 && r.bytes > 0) ? 0 : 1
} finally {
  rmSync(dir, { recursive: true, force: true })
}
