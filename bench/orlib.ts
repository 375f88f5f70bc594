/**
 * OR-Library cases of the suite: linear assignment (assign100–400, plus a
 * seeded uniform 2,000 × 2,000 matrix for the ratio to scipy) through
 * `linearSumAssignment`, and generalized assignment (gap1–gap8 in both
 * senses, gapa/gapb minimised) through `generalizedAssignment`, each beside
 * the references that are installed.
 */
import { readFileSync } from 'node:fs'
import { parseOrLibrary } from '../src/io/orlib.js'
import type { GapProblem } from '../src/io/orlib.js'
import { exportModel } from '../src/model/export.js'
import { generalizedAssignment, gapModel } from '../src/solvers/gap.js'
import { linearSumAssignment } from '../src/solvers/lap.js'
import type { CostMatrix } from '../src/solvers/lap.js'
import { loadGap } from '../test/fixtures/orlib/gap.js'
import type { GapFile } from '../test/fixtures/orlib/gap.js'
import { mulberry32 } from './instances.js'
import { runCbc, runScipyLsaFile, runScipyLsaMatrix, runScipyMilp, tempFile } from './references.js'
import type { Run } from './references.js'

/** An instance with its runs and the published optimum (null if none). */
export interface OrLibCase {
  readonly instance: string
  readonly group: 'assign' | 'gap'
  readonly size: string
  readonly sense: 'min' | 'max'
  readonly optimum: number | null
  readonly runs: readonly Run[]
}

const fixture = (path: string) => new URL(`../test/fixtures/orlib/${path}`, import.meta.url)
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!

function timeLap(cost: CostMatrix): Run {
  linearSumAssignment(cost) // warm-up: the JIT, not the algorithm, would dominate a first small run
  const times: number[] = []
  let total: number | null = null
  for (let r = 0; r < 3; r++) {
    const t = performance.now()
    const res = linearSumAssignment(cost)
    times.push(performance.now() - t)
    total = res._tag === 'Right' ? res.right.total : null
  }
  return {
    solver: 'linearSumAssignment',
    status: total === null ? 'error' : 'optimal',
    objective: total,
    timeMs: median(times),
  }
}

export function assignCases(references: boolean, uniformSizes: readonly number[]): OrLibCase[] {
  const optima = JSON.parse(readFileSync(fixture('optima.json'), 'utf8')) as Record<
    string,
    { optimum: number }
  >
  const out: OrLibCase[] = []
  for (const name of ['assign100', 'assign200', 'assign300', 'assign400']) {
    const path = fixture(`assign/${name}.txt`)
    const parsed = parseOrLibrary(readFileSync(path, 'utf8'), 'assign')
    if (parsed._tag === 'Left') throw new Error(`${name}: ${parsed.left.message}`)
    const cost = parsed.right.cost
    const runs = [timeLap(cost)]
    if (references) runs.push(runScipyLsaFile(path.pathname))
    out.push({
      instance: name,
      group: 'assign',
      size: `${cost.rows}×${cost.cols}`,
      sense: 'min',
      optimum: optima[name]!.optimum,
      runs,
    })
  }
  for (const n of uniformSizes) {
    // Uniform [0, 1) costs, seeded: the usual random benchmark (scipy's asv suite uses the same kind).
    const next = mulberry32(20240601 + n)
    const data = new Float64Array(n * n)
    for (let k = 0; k < data.length; k++) data[k] = next()
    const runs = [timeLap({ rows: n, cols: n, data })]
    if (references) runs.push(runScipyLsaMatrix(data, n))
    out.push({
      instance: `uniform-${n}`,
      group: 'assign',
      size: `${n}×${n}`,
      sense: 'min',
      optimum: null,
      runs,
    })
  }
  return out
}

async function gapCase(
  name: string,
  p: GapProblem,
  sense: 'min' | 'max',
  optimum: number | null,
  limitMs: number,
  references: boolean,
): Promise<OrLibCase> {
  const input = { ...p, sense }
  const t = performance.now()
  const res = await generalizedAssignment(input, { timeLimitMs: limitMs })
  const ms = performance.now() - t
  const runs: Run[] = [
    res._tag === 'Left'
      ? { solver: 'banzi HiGHS', status: res.left._tag, objective: null, timeMs: ms }
      : {
          solver: 'banzi HiGHS',
          status: res.right.status,
          objective: res.right.objective,
          timeMs: ms,
          ...(res.right.bound === null || res.right.status === 'optimal'
            ? {}
            : { note: `bound ${res.right.bound}` }),
        },
  ]
  if (references) {
    // The exported model maximises (a minimisation has negated costs): flip back to the instance's sense.
    const flip = (r: Run): Run =>
      r.objective === null || sense === 'max' ? r : { ...r, objective: -r.objective }
    const m = gapModel(input)
    const file = `${name.replace('/', '-')}-${sense}`
    const limitS = Math.ceil(limitMs / 1000)
    runs.push(flip(runCbc(tempFile(`${file}.lp`, exportModel(m, 'lp')), limitS)))
    runs.push(flip(runScipyMilp(tempFile(`${file}.mps`, exportModel(m, 'mps')), limitS)))
  }
  return { instance: `${name} ${sense}`, group: 'gap', size: `${p.agents}×${p.jobs}`, sense, optimum, runs }
}

export async function gapCases(
  files: readonly GapFile[],
  perFile: number,
  limitMs: number,
  references: boolean,
): Promise<OrLibCase[]> {
  const out: OrLibCase[] = []
  for (const file of files)
    for (const { name, problem, optimum } of loadGap(file).slice(0, perFile)) {
      if (/^gap[a-d]$/.test(file))
        out.push(await gapCase(name, problem, 'min', optimum.optimum, limitMs, references))
      else {
        out.push(await gapCase(name, problem, 'max', optimum.optimum, limitMs, references))
        out.push(await gapCase(name, problem, 'min', optimum.optimum_min ?? null, limitMs, references))
      }
    }
  return out
}
