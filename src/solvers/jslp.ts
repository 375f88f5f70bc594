/**
 * The pure-JavaScript backend (javascript-lp-solver), for small models and
 * for places where WebAssembly is unwelcome. Its own `timeout` is only checked
 * inside branch and bound — a large root LP can run for minutes without
 * looking at it — so the solve runs in a worker thread that is terminated at
 * the time limit or on abort.
 *
 * @module
 */
import { runRefusal } from '../io/door.js'
import type { Worker } from 'node:worker_threads'
import type { Milp } from '../model/milp.js'
import { startWorker, whenAborted } from './node-worker.js'
import type { RunOptions, Solver, SolverResult } from './solver.js'
import { solveEmpty } from './solver.js'
import { timerAfter } from './timer.js'

const DEFAULT_TIME_LIMIT_MS = 60_000
/**
 * Largest dense tableau attempted (Float64 cells, 400 MB): what "small models"
 * means for this backend. Measured on generated counties (2 cores, 20–30 s
 * limits): 300 cadres (6,000–6,500 columns, 3.8–4.5e7 cells) solve in 1–2 s
 * with 0.6–0.7 GB of arrays; 350 cadres (8–9.7e7 cells) solved once in three
 * within 30 s, 400 (1.3–1.5e8) never in 20 s, and 500 (3–3.7e8) grew past
 * 3 GB and kept a core busy for seconds after it was terminated. Its
 * branch and bound grows the tableau by a row per cut and keeps a copy, so
 * its arrays reach two to six times this (more than the heap limit sees:
 * typed arrays live outside it).
 */
const MAX_TABLEAU_CELLS = 5e7
/**
 * The worker's JavaScript heap (`resourceLimits.maxOldGenerationSizeMb`): a
 * solve within {@link MAX_TABLEAU_CELLS} uses 15–30 MB of it (its tableau's
 * typed arrays are held outside), so this only stops a runaway, which then
 * ends with status `'error'`. Tests lower it to check that.
 * @internal
 */
export const jsLpSettings = { maxHeapMb: 512 }

interface LpModel {
  optimize: string
  opType: 'max'
  constraints: Record<string, { min?: number; max?: number }>
  variables: Record<string, Record<string, number>>
  ints: Record<string, 1>
  binaries: Record<string, 1>
  options: { timeout: number; tolerance: number }
}

/**
 * How column `j` of a {@link Milp} is written for javascript-lp-solver, whose
 * variables are all ≥ 0: `x = shift + sign · c<j>` (a finite lower bound is
 * shifted to 0; a column bounded only above is mirrored, `x = hi − c<j>`), and
 * a free column is split, `x = c<j> − n<j>`. An integer column's bounds are
 * first rounded inwards, so that the shift is an integer and `c<j>` is an
 * integer exactly when `x` is. @internal
 */
export interface JsLpColumn {
  readonly shift: number
  readonly sign: 1 | -1
  readonly split: boolean
  /** Upper bound of `c<j>` (`Infinity` for none; negative: no value fits). */
  readonly upper: number
}

/** The javascript-lp-solver form of each column. @internal */
export function jsLpColumns(m: Milp): JsLpColumn[] {
  const out: JsLpColumn[] = []
  for (let j = 0; j < m.colNames.length; j++) {
    const int = m.integer[j] === 1
    const lo = int ? Math.ceil(m.colLower[j]!) : m.colLower[j]!
    const hi = int ? Math.floor(m.colUpper[j]!) : m.colUpper[j]!
    if (lo > -Infinity) out.push({ shift: lo, sign: 1, split: false, upper: hi - lo })
    else if (hi < Infinity) out.push({ shift: hi, sign: -1, split: false, upper: Infinity })
    else out.push({ shift: 0, sign: 1, split: true, upper: Infinity })
  }
  return out
}

/** The column values of a javascript-lp-solver result, in the {@link Milp}'s own columns. @internal */
export function fromLpValues(
  columns: readonly JsLpColumn[],
  res: Readonly<Record<string, unknown>>,
): Float64Array {
  const at = (key: string) => {
    const v = res[key]
    return typeof v === 'number' ? v : 0
  }
  return Float64Array.from(columns, (c, j) =>
    c.split ? at(`c${j}`) - at(`n${j}`) : c.shift + c.sign * at(`c${j}`),
  )
}

/**
 * The javascript-lp-solver form of a {@link Milp}; columns are `c<j>` (and
 * `n<j>`, the negative part of a free column), rows `r<i>`. Its variables are
 * all ≥ 0, so columns are shifted, mirrored or split as {@link jsLpColumns}
 * says, and row bounds shifted to match. @internal
 */
export function toLpModel(m: Milp, timeoutMs: number): LpModel {
  const variables: LpModel['variables'] = {}
  const constraints: LpModel['constraints'] = {}
  const ints: LpModel['ints'] = {}
  const binaries: LpModel['binaries'] = {}
  const columns = jsLpColumns(m)
  for (let j = 0; j < m.colNames.length; j++) {
    const col = columns[j]!
    const v: Record<string, number> = { _obj: col.sign * m.colCost[j]! }
    variables[`c${j}`] = v
    const int = m.integer[j] === 1
    const binary = int && col.upper === 1
    if (binary) binaries[`c${j}`] = 1
    else if (int) ints[`c${j}`] = 1
    if (!binary && col.upper < Infinity) {
      constraints[`u${j}`] = { max: col.upper }
      v[`u${j}`] = 1
    }
    if (col.split) {
      variables[`n${j}`] = { _obj: -m.colCost[j]! }
      if (int) ints[`n${j}`] = 1
    }
  }
  for (let r = 0; r < m.rowNames.length; r++) {
    // The constant the shifted columns take out of the row's activity.
    let shift = 0
    for (let k = m.rowStarts[r]!; k < m.rowStarts[r + 1]!; k++) {
      const j = m.rowIndex[k]!
      const col = columns[j]!
      const a = m.rowValue[k]!
      shift += a * col.shift
      variables[`c${j}`]![`r${r}`] = col.sign * a
      if (col.split) variables[`n${j}`]![`r${r}`] = -a
    }
    const c: { min?: number; max?: number } = {}
    if (m.rowLower[r]! > -Infinity) c.min = m.rowLower[r]! - shift
    if (m.rowUpper[r]! < Infinity) c.max = m.rowUpper[r]! - shift
    constraints[`r${r}`] = c
  }
  return {
    optimize: '_obj',
    opType: 'max',
    constraints,
    variables,
    ints,
    binaries,
    options: { timeout: timeoutMs, tolerance: 0 },
  }
}

// Runs in a worker started by startWorker (an ES module from a data: URL).
const WORKER_SOURCE = `
import { parentPort, workerData } from 'node:worker_threads'
const imported = await import(workerData.moduleUrl)
const lp = imported.default ?? imported
const solver = lp.default && lp.default.Solve ? lp.default : lp
const result = solver.Solve(workerData.model)
parentPort.postMessage(JSON.parse(JSON.stringify(result)))
`

/**
 * The javascript-lp-solver backend. Its variables are all ≥ 0, so a column
 * with a finite lower bound is shifted to it, one bounded only above is
 * mirrored and a free continuous one split in two; the answer is in the
 * model's own columns. A free integer column (no finite bound) is refused
 * with status `'error'`, and so is a model beyond a small one — a dense
 * tableau past 5e7 cells, about a county of 300 cadres — at once, naming
 * its size: larger ones do not finish in seconds and their arrays run to
 * gigabytes; the HiGHS backend solves them. The worker's JavaScript heap is
 * capped (512 MB); one that outgrows it ends the solve with `'error'`.
 * @category Solvers
 */
export const jsLpSolver: Solver = {
  name: 'javascript-lp-solver',
  async solve(model: Milp, given: RunOptions): Promise<SolverResult> {
    const started = performance.now()
    const elapsed = () => performance.now() - started
    const refused = runRefusal(model, given)
    const options = refused === null ? (given ?? {}) : {}
    const limit = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
    const none = (status: SolverResult['status'], message?: string): SolverResult => ({
      status,
      values: null,
      objective: null,
      bound: null,
      timeMs: elapsed(),
      ...(message === undefined ? {} : { message }),
    })
    if (refused !== null) return none('error', refused)
    if (options.signal?.aborted) return none('interrupted')
    if (model.colNames.length === 0) return solveEmpty(model)
    for (let j = 0; j < model.colNames.length; j++)
      if (model.integer[j] === 1 && model.colLower[j] === -Infinity && model.colUpper[j] === Infinity)
        return none(
          'error',
          `javascript-lp-solver cannot take the free integer column ${j} (${model.colNames[j]}): its variables are all ≥ 0, and an integer column split into two need not end branch and bound; give it a finite bound or use the HiGHS backend`,
        )
    // javascript-lp-solver keeps a dense tableau: a row per side of each row and per upper bound
    // (a binary's too), a column per variable (two for a free one). Beyond a small model it does
    // not finish in seconds and its arrays run to gigabytes (see MAX_TABLEAU_CELLS; a 1,200-cadre
    // county asks for 1.1e10 cells), so refuse at once instead of converting the model.
    const columns = jsLpColumns(model)
    let height = 1
    let width = 1
    for (const c of columns) {
      width += c.split ? 2 : 1
      if (c.upper < Infinity) height++
    }
    for (let r = 0; r < model.rowNames.length; r++)
      height += (model.rowLower[r]! > -Infinity ? 1 : 0) + (model.rowUpper[r]! < Infinity ? 1 : 0)
    const cells = height * width
    if (cells > MAX_TABLEAU_CELLS)
      return none(
        'error',
        `model too large for javascript-lp-solver: its dense tableau would hold ${cells.toExponential(1)} cells (${height.toLocaleString('en-US')} rows × ${width.toLocaleString('en-US')} columns; limit ${MAX_TABLEAU_CELLS.toExponential(0)}, about a county of 300 cadres); use the HiGHS backend`,
      )
    const heapMb = jsLpSettings.maxHeapMb
    let worker: Worker
    try {
      worker = await startWorker(
        WORKER_SOURCE,
        'javascript-lp-solver',
        { model: toLpModel(model, Math.max(1, limit * 0.9)) },
        { maxOldGenerationSizeMb: heapMb },
      )
    } catch (e) {
      return none('error', `javascript-lp-solver backend needs Node worker threads: ${String(e)}`)
    }
    return new Promise((resolve) => {
      let done = false
      // Set last (below); `finish` may run inside `whenAborted` before it returns.
      let unwatch = () => {}
      const finish = (r: SolverResult) => {
        if (done) return
        done = true
        clearTimeout(timer)
        unwatch()
        void worker.terminate()
        resolve(r)
      }
      const timer = timerAfter(() => finish(none('time-limit')), limit)
      worker.on('error', (e: Error & { code?: unknown }) =>
        finish(
          none(
            'error',
            e.code === 'ERR_WORKER_OUT_OF_MEMORY'
              ? `javascript-lp-solver ran out of its ${heapMb} MB heap; use the HiGHS backend`
              : String(e),
          ),
        ),
      )
      // A worker that ends without a word (its message always comes first) must not leave the solve waiting.
      worker.on('exit', (code) =>
        finish(none('error', `the javascript-lp-solver worker exited (code ${code})`)),
      )
      worker.on('message', (res: Record<string, unknown>) => {
        const timedOut = elapsed() >= limit * 0.9
        if (res.feasible !== true) return finish(none(timedOut ? 'time-limit' : 'infeasible'))
        if (res.bounded === false) return finish(none('unbounded'))
        const values = fromLpValues(columns, res)
        let objective = 0
        for (let j = 0; j < values.length; j++) objective += model.colCost[j]! * values[j]!
        finish({
          status: timedOut ? 'time-limit' : 'optimal',
          values,
          objective,
          bound: timedOut ? null : objective,
          timeMs: elapsed(),
        })
      })
      // Last, once `finish` can run: an abort while the worker was starting (after the check above)
      // dispatched no event, and is seen here.
      unwatch = whenAborted(options.signal, () => finish(none('interrupted')))
    })
  },
}
