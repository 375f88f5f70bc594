/**
 * Independent references, run only when present (`npm run bench:setup`
 * installs them): CBC on banzi's exported LP, scipy's `milp` (native HiGHS)
 * on banzi's exported MPS, scipy's `linear_sum_assignment` on assignment
 * matrices. A missing reference is skipped with a message, never faked.
 */
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** One solver run, as every table row records it. */
export interface Run {
  readonly solver: string
  readonly status: string
  readonly objective: number | null
  /** Median of the timed repeats (or the single run), ms. */
  readonly timeMs: number | null
  readonly note?: string
}

const SCRIPT = fileURLToPath(new URL('./reference.py', import.meta.url))
let scratch: string | null = null

/** A file in a private temporary directory, for the exported models. */
export function tempFile(name: string, text: string | Uint8Array): string {
  if (scratch === null) {
    const dir = mkdtempSync(join(tmpdir(), 'banzi-bench-'))
    // Exported county models run to hundreds of MB: leave nothing behind.
    process.on('exit', () => rmSync(dir, { recursive: true, force: true }))
    scratch = dir
  }
  const path = join(scratch, name)
  writeFileSync(path, text)
  return path
}

const probe = (cmd: string, args: string[]) => {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 20_000 })
  return r.error === undefined && r.status === 0
}

/** Which references this machine has. */
export const available = {
  cbc: probe('sh', ['-c', 'command -v cbc']),
  scipy: probe('python3', ['-c', 'import scipy.optimize, numpy']),
}

export function missingMessage(): string | null {
  const missing = [
    available.cbc ? null : 'CBC (coinor-cbc)',
    available.scipy ? null : 'scipy (python3-scipy)',
  ].filter((x) => x !== null)
  return missing.length === 0
    ? null
    : `references skipped, not installed: ${missing.join(', ')} — run \`npm run bench:setup\``
}

/** CBC on an LP or MPS file; wall time of the process (reading included, as for a user). */
export function runCbc(path: string, timeLimitS: number): Run {
  if (!available.cbc) return { solver: 'CBC', status: 'skipped', objective: null, timeMs: null }
  const t = performance.now()
  const r = spawnSync(
    'cbc',
    [path, '-sec', String(timeLimitS), '-ratioGap', '0', '-allowableGap', '0', '-solve', '-quit'],
    {
      encoding: 'utf8',
      timeout: (timeLimitS + 60) * 1000,
      maxBuffer: 1 << 26,
    },
  )
  const timeMs = performance.now() - t
  const out = r.stdout ?? ''
  const objective = /Objective value:\s*(-?[\d.eE+-]+)/.exec(out)
  const status = /Result - Optimal solution found/.test(out)
    ? 'optimal'
    : /infeasible/i.test(out)
      ? 'infeasible'
      : /Stopped on time/.test(out)
        ? 'time-limit'
        : 'error'
  return {
    solver: 'CBC',
    status,
    objective: objective === null ? null : Number(objective[1]),
    timeMs,
    ...(status === 'error'
      ? {
          note: (r.stderr || out.slice(-300) || String(r.error))
            .trim()
            .split('\n')
            .slice(-1)[0]!
            .slice(0, 120),
        }
      : {}),
  }
}

function python(args: string[], timeoutMs: number, solver: string): Run {
  if (!available.scipy) return { solver, status: 'skipped', objective: null, timeMs: null }
  const r = spawnSync('python3', [SCRIPT, ...args], {
    encoding: 'utf8',
    timeout: timeoutMs,
    maxBuffer: 1 << 26,
  })
  try {
    const j = JSON.parse(r.stdout) as { status: string; objective: number | null; time_ms: number }
    return { solver, status: j.status, objective: j.objective, timeMs: j.time_ms }
  } catch {
    return {
      solver,
      status: 'error',
      objective: null,
      timeMs: null,
      note: (r.stderr || String(r.error)).slice(-300),
    }
  }
}

/** scipy.optimize.milp (native HiGHS, presolve on) on banzi's free MPS export; solver time only. */
export function runScipyMilp(mpsPath: string, timeLimitS: number): Run {
  const r = python(['milp', mpsPath, String(timeLimitS)], (timeLimitS + 120) * 1000, 'scipy milp')
  // banzi's MPS files minimise the negated costs of a model that maximises (exportModel): back to its sense.
  return r.objective === null ? r : { ...r, objective: -r.objective }
}

/** scipy.optimize.linear_sum_assignment on an OR-Library assignment file; median of 3. */
export const runScipyLsaFile = (path: string): Run => python(['lsa-assign', path], 300_000, 'scipy lsa')

/** The same on a dense row-major n × m matrix (square when `m` is left out). */
export function runScipyLsaMatrix(data: Float64Array, n: number, m: number = n): Run {
  if (!available.scipy) return { solver: 'scipy lsa', status: 'skipped', objective: null, timeMs: null }
  const path = tempFile(`lsa-${n}x${m}.f64`, new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
  return python(['lsa-f64', path, String(n), String(m)], 300_000, 'scipy lsa')
}
