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
import { startWorker } from './node-worker.js'
import type { RunOptions, Solver, SolverResult } from './solver.js'
import { solveEmpty } from './solver.js'

const DEFAULT_TIME_LIMIT_MS = 60_000
/** Largest dense tableau attempted (Float64 cells); larger ones cannot be allocated. */
const MAX_TABLEAU_CELLS = 1e9

interface LpModel {
  optimize: string
  opType: 'max'
  constraints: Record<string, { min?: number; max?: number }>
  variables: Record<string, Record<string, number>>
  ints: Record<string, 1>
  binaries: Record<string, 1>
  options: { timeout: number; tolerance: number }
}

/** The javascript-lp-solver form of a {@link Milp}; columns are `c<j>`, rows `r<i>`. @internal */
export function toLpModel(m: Milp, timeoutMs: number): LpModel {
  const variables: LpModel['variables'] = {}
  const constraints: LpModel['constraints'] = {}
  const ints: LpModel['ints'] = {}
  const binaries: LpModel['binaries'] = {}
  for (let j = 0; j < m.colNames.length; j++) {
    const v: Record<string, number> = { _obj: m.colCost[j]! }
    variables[`c${j}`] = v
    const lo = m.colLower[j]!
    const hi = m.colUpper[j]!
    const binary = m.integer[j] === 1 && lo === 0 && hi === 1
    if (binary) binaries[`c${j}`] = 1
    else if (m.integer[j] === 1) ints[`c${j}`] = 1
    if (lo > 0) {
      constraints[`l${j}`] = { min: lo }
      v[`l${j}`] = 1
    }
    if (!binary && hi < Infinity) {
      constraints[`u${j}`] = { max: hi }
      v[`u${j}`] = 1
    }
  }
  for (let r = 0; r < m.rowNames.length; r++) {
    const c: { min?: number; max?: number } = {}
    if (m.rowLower[r]! > -Infinity) c.min = m.rowLower[r]!
    if (m.rowUpper[r]! < Infinity) c.max = m.rowUpper[r]!
    constraints[`r${r}`] = c
    for (let k = m.rowStarts[r]!; k < m.rowStarts[r + 1]!; k++)
      variables[`c${m.rowIndex[k]!}`]![`r${r}`] = m.rowValue[k]!
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
 * The javascript-lp-solver backend.
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
    // javascript-lp-solver keeps a dense tableau (a row per constraint and bound, a column per
    // variable and slack); past this size it cannot even allocate it (measured: a 1,200-cadre county
    // asks for 11.9 billion cells), so refuse at once instead of spending minutes converting the model.
    const constraints = model.rowNames.length + model.colNames.length
    const cells = constraints * (model.colNames.length + constraints)
    if (cells > MAX_TABLEAU_CELLS)
      return none(
        'error',
        `model too large for javascript-lp-solver: its dense tableau would hold ${cells.toExponential(1)} cells (limit ${MAX_TABLEAU_CELLS.toExponential(0)}); use the HiGHS backend`,
      )
    let worker: Worker
    try {
      worker = await startWorker(WORKER_SOURCE, 'javascript-lp-solver', {
        model: toLpModel(model, Math.max(1, limit * 0.9)),
      })
    } catch (e) {
      return none('error', `javascript-lp-solver backend needs Node worker threads: ${String(e)}`)
    }
    return new Promise((resolve) => {
      let done = false
      const finish = (r: SolverResult) => {
        if (done) return
        done = true
        clearTimeout(timer)
        options.signal?.removeEventListener('abort', onAbort)
        void worker.terminate()
        resolve(r)
      }
      const onAbort = () => finish(none('interrupted'))
      const timer = setTimeout(() => finish(none('time-limit')), limit)
      options.signal?.addEventListener('abort', onAbort)
      worker.on('error', (e) => finish(none('error', String(e))))
      worker.on('message', (res: Record<string, unknown>) => {
        const timedOut = elapsed() >= limit * 0.9
        if (res.feasible !== true) return finish(none(timedOut ? 'time-limit' : 'infeasible'))
        if (res.bounded === false) return finish(none('unbounded'))
        const values = new Float64Array(model.colNames.length)
        for (let j = 0; j < values.length; j++) {
          const v = res[`c${j}`]
          values[j] = typeof v === 'number' ? v : 0
        }
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
    })
  },
}
