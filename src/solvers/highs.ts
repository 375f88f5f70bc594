/**
 * The HiGHS backend (HiGHS compiled to WebAssembly, the `highs` package):
 * the default exact solver. The model is passed as sparse arrays, progress
 * comes from HiGHS's MIP callbacks, and an abort or a callback that aborts the
 * signal interrupts the branch and bound.
 *
 * The wasm heap cannot grow past ~2 GB; near that HiGHS aborts
 * (`RuntimeError: Aborted()`) and the module instance is unusable afterwards.
 * Such a failure is returned as an `error` status and the next solve loads a
 * fresh instance (in Node, a fresh worker).
 *
 * This backend also runs in a browser bundle (checked by
 * `scripts/browser-smoke.ts` in headless Chromium): the loader fetches
 * `highs.wasm` from beside itself unless {@link configureHighs} says where it
 * is. The javascript-lp-solver backend is Node-only (it solves in a
 * `node:worker_threads` worker).
 *
 * @module
 */
import { functionOption, requireOptions, runRefusal, type OptionSpec } from '../io/door.js'
import { renderValue } from '../io/errors.js'

/** The checks of {@link HighsInitOptions}' keys. */
const HIGHS_INIT_SPEC: OptionSpec = {
  locateFile: functionOption,
  wasmBinary: {
    expected: 'an ArrayBuffer or a typed array',
    test: (v) => v instanceof ArrayBuffer || ArrayBuffer.isView(v),
  },
  wasmModule: {
    expected: 'a WebAssembly.Module',
    test: (v) => typeof WebAssembly !== 'undefined' && v instanceof WebAssembly.Module,
  },
}
import highsLoader from 'highs'
import type { Highs, InitOptions } from 'highs'
import { entryLease, type Milp } from '../model/milp.js'
import type { LpRelaxation, RunOptions, Solver, SolverResult, SolverStatus } from './solver.js'
import { CORE_MIN_COLUMNS, DEFAULT_MAX_CORE_COLUMNS, solveEmpty } from './solver.js'
import { beyondHighs, checkedStart, failedRun, runHighs } from './highs-run.js'
import type { MilpArrays, RawRun } from './highs-run.js'
import { runCore } from './core-run.js'
import type { CoreArrays, CoreRun } from './core-run.js'
import { isThenable, runInWorker, workersAvailable } from './highs-worker.js'

/**
 * Where the HiGHS backend finds its WebAssembly binary: the subset of the
 * `highs` loader options that {@link configureHighs} accepts.
 * @category Solvers
 */
export interface HighsInitOptions {
  /** Maps an asset name (`'highs.wasm'`) to the URL or path it is loaded from. */
  readonly locateFile?: InitOptions['locateFile']
  /** The bytes of `highs.wasm`, already loaded. */
  readonly wasmBinary?: InitOptions['wasmBinary']
  /** `highs.wasm`, already compiled. */
  readonly wasmModule?: InitOptions['wasmModule']
}

let loaderOptions: InitOptions = {}
let instance: Promise<Highs> | null = null

function loadHighs(): Promise<Highs> {
  instance ??= highsLoader({ ...loaderOptions })
  return instance
}

/** Drops the loaded module so the next solve starts from a fresh one. */
function discardInstance(): void {
  instance = null
}

/**
 * Sets where the HiGHS backend loads `highs.wasm` from; the next solve loads a
 * fresh module with these options (a module already loaded is discarded).
 *
 * By default the loader fetches `highs.wasm` next to itself
 * (`new URL('highs.wasm', import.meta.url)`), which works in Node and with
 * bundlers that copy the asset beside the bundle. When a bundler cannot serve
 * the file there, point at it with `locateFile`, or hand over the bytes
 * (`wasmBinary`) or a compiled module (`wasmModule`). Options not given are
 * reset to the loader's defaults; `configureHighs({})` restores them all.
 *
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Solvers
 * @param options - `locateFile`, `wasmBinary` or `wasmModule`
 * @example
 * // in a browser bundle, with highs.wasm copied beside the bundle's entry
 * configureHighs({ locateFile: (file) => new URL(file, import.meta.url).href })
 * const result = await solve(generateScenario({ seed: 3, cadres: 60 }), { backend: 'highs' })
 * isRight(result) && result.right.status //=> 'optimal'
 * @example
 * // or with the bytes fetched from anywhere
 * configureHighs({ wasmBinary: await (await fetch('/assets/highs.wasm')).arrayBuffer() })
 */
export function configureHighs(options: HighsInitOptions): void {
  // Nothing is no call for the defaults here ({} is): said first, before the options' own checks.
  if (typeof options !== 'object' || options === null || Array.isArray(options))
    throw new TypeError(
      `configureHighs: options: expected an object ({} restores the defaults), got ${renderValue(options)}`,
    )
  requireOptions('configureHighs', options, HIGHS_INIT_SPEC)
  const next: InitOptions = {}
  if (options.locateFile !== undefined) next.locateFile = options.locateFile
  if (options.wasmBinary !== undefined) next.wasmBinary = options.wasmBinary
  if (options.wasmModule !== undefined) next.wasmModule = options.wasmModule
  loaderOptions = next
  discardInstance()
}

const DEFAULT_TIME_LIMIT_MS = 60_000

const none = (status: SolverResult['status'], timeMs: number, message?: string): SolverResult => ({
  status,
  values: null,
  objective: null,
  bound: null,
  timeMs,
  ...(message === undefined ? {} : { message }),
})

async function runInProcess(
  model: MilpArrays | CoreArrays,
  timeLimitMs: number,
  options: RunOptions,
  started: number,
  relax?: boolean,
): Promise<RawRun | CoreRun> {
  let highs: Highs
  try {
    highs = await loadHighs()
  } catch (e) {
    discardInstance()
    return failedRun('error', String(e), true)
  }
  // An onProgress that throws, or returns a promise that rejects, ends the solve with an error, as
  // in a worker: caught here rather than thrown through HiGHS's wasm frames, it stops the run at
  // its next checkpoint. The run holds this thread, so a rejection comes in only after it.
  let failure: string | null = null
  let promised = false
  const hooks = {
    shouldStop: () => failure !== null || options.signal?.aborted === true,
    onImproved: (incumbent: number | null, bound: number | null, gap: number | null) => {
      if (failure !== null) return
      let returned: unknown
      try {
        returned = options.onProgress?.({ incumbent, bound, gap, elapsedMs: performance.now() - started })
      } catch (e) {
        failure = `onProgress threw: ${String(e)}`
        return
      }
      if (!isThenable(returned)) return
      promised = true
      returned.then(undefined, (e: unknown) => {
        failure ??= `onProgress rejected: ${String(e)}`
      })
    },
    start: options.start,
    relax: relax === true,
  }
  const seconds = Math.max(0.001, timeLimitMs / 1000)
  const raw =
    'pricable' in model ? runCore(highs, model, seconds, hooks) : runHighs(highs, model, seconds, hooks)
  // A wasm abort leaves the module unusable: load a fresh one next time.
  if (raw.fatal) discardInstance()
  // The callbacks' promises settled by now, unless they wait on something outside (a timer, I/O):
  // one turn of the event loop lets their rejections in. A later one is dropped, as in a worker.
  if (promised && failure === null) await new Promise((resolve) => setTimeout(resolve, 0))
  return failure === null ? raw : failedRun('error', failure)
}

/** The arrays of a model that HiGHS needs (its names stay behind). */
const arraysOf = (model: Milp): MilpArrays => ({
  colCost: model.colCost,
  colLower: model.colLower,
  colUpper: model.colUpper,
  integer: model.integer,
  rowLower: model.rowLower,
  rowUpper: model.rowUpper,
  rowStarts: model.rowStarts,
  rowIndex: model.rowIndex,
  rowValue: model.rowValue,
  ...(model.linkingRows instanceof Uint8Array ? { linkingRows: model.linkingRows } : {}),
})

/** Runs HiGHS in a worker where there is one, else in this thread. */
async function run(
  arrays: MilpArrays | CoreArrays,
  options: RunOptions,
  started: number,
  relax = false,
): Promise<RawRun | CoreRun> {
  const limit = options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS
  if (workersAvailable() && Object.keys(loaderOptions).length === 0) {
    const raw = await runInWorker(arrays, limit, options, started, relax)
    if (raw !== null) return raw
  }
  return runInProcess(arrays, limit, options, started, relax)
}

/** A HiGHS model status name (or a run's own `memoryLimit` / `error`) as a {@link SolverStatus}. */
function statusOf(name: string): SolverStatus {
  switch (name) {
    case 'optimal':
      return 'optimal'
    case 'infeasible':
      return 'infeasible'
    case 'unbounded':
    case 'unboundedOrInfeasible':
      return 'unbounded'
    case 'timeLimit':
      return 'time-limit'
    case 'interrupted':
      return 'interrupted'
    case 'memoryLimit':
      return 'memory-limit'
    default:
      return 'error'
  }
}

/** The nonzero entries of a column vector (solver noise below 1e-9 left out). */
function sparseOf(values: Float64Array): { indices: Int32Array; values: Float64Array } {
  const indices: number[] = []
  for (let j = 0; j < values.length; j++) if (Math.abs(values[j]!) > 1e-9) indices.push(j)
  return { indices: Int32Array.from(indices), values: Float64Array.from(indices, (j) => values[j]!) }
}

/** The columns the priced-core method may leave out: binaries with bounds 0..1. @internal */
export function pricableColumns(m: Pick<Milp, 'colCost' | 'colLower' | 'colUpper' | 'integer'>): Uint8Array {
  const out = new Uint8Array(m.colCost.length)
  for (let j = 0; j < out.length; j++)
    if (m.integer[j] === 1 && m.colLower[j] === 0 && m.colUpper[j] === 1) out[j] = 1
  return out
}

/**
 * The HiGHS backend. In Node it runs in a worker thread (the event loop stays
 * free, an abort stops it at once, a wasm abort kills only the worker); in a
 * browser, or once {@link configureHighs} has been called, in the calling
 * thread.
 * @category Solvers
 */
export const highsSolver: Solver = {
  name: 'highs',
  async solve(model: Milp, given: RunOptions): Promise<SolverResult> {
    const refused = runRefusal(model, given)
    if (refused !== null) return none('error', 0, refused)
    const options = given ?? {}
    const started = performance.now()
    const elapsed = () => performance.now() - started
    const nc = model.colCost.length
    const warm = options.warmStart?.columns === nc ? options.warmStart : undefined
    const start = options.start ?? warm?.start
    if (options.signal?.aborted) {
      // Stopped before it began, as a run stopped early: at least a feasible start (a session's
      // last solution, still feasible after its edits), with no bound proven.
      const fitted = start === undefined || beyondHighs(model) !== null ? null : checkedStart(model, start)
      return fitted === null
        ? none('interrupted', 0)
        : {
            status: 'interrupted',
            values: fitted.values,
            objective: fitted.objective,
            bound: null,
            timeMs: elapsed(),
          }
    }
    if (model.colNames.length === 0) return solveEmpty(model)
    // Numbers HiGHS reads as infinite: refused on every path, the priced core's as the direct one's.
    const beyond = beyondHighs(model)
    if (beyond !== null) return none('error', 0, beyond)
    const direct = arraysOf(model)
    const pricable = pricableColumns(model)
    let binaries = 0
    for (let j = 0; j < pricable.length; j++) binaries += pricable[j]!
    const method = options.method ?? 'auto'
    const core = method === 'core' || (method === 'auto' && binaries >= CORE_MIN_COLUMNS)
    const lease = entryLease(model)
    const arrays: MilpArrays | CoreArrays = core
      ? {
          ...direct,
          pricable,
          maxCoreColumns: options.maxCoreColumns ?? DEFAULT_MAX_CORE_COLUMNS,
          ...(lease === null ? {} : { entryLease: lease }),
          ...(warm === undefined
            ? {}
            : {
                warm: {
                  core: warm.core,
                  colStatus: warm.colStatus,
                  rowStatus: warm.rowStatus,
                  gap: warm.gap,
                },
              }),
        }
      : direct
    const raw = await run(arrays, start === options.start ? options : { ...options, start }, started)
    const status = statusOf(raw.status)
    // A stopped run answers at least its start, when the start is a solution of this model: HiGHS
    // takes a start only once its MIP search begins, and a run stopped before (a re-solve given a
    // few milliseconds, an abort) has no incumbent of its own, or a worse one.
    const stopped = status === 'time-limit' || status === 'interrupted' || status === 'memory-limit'
    const fitted = stopped && start !== undefined ? checkedStart(model, start) : null
    const own =
      fitted === null || (raw.values !== null && raw.objective !== null && raw.objective >= fitted.objective)
    const values = own ? raw.values : fitted.values
    const objective = own ? raw.objective : fitted.objective
    const stats = 'stats' in raw && raw.stats !== null ? raw.stats : undefined
    const next = own && 'warm' in raw && raw.warm !== undefined && raw.values !== null ? raw.warm : undefined
    const base = {
      values,
      objective,
      timeMs: elapsed(),
      ...(stats === undefined ? {} : { core: stats }),
      ...(next === undefined || raw.values === null
        ? {}
        : { warmStart: { columns: nc, start: sparseOf(raw.values), ...next } }),
    }
    // A stop before HiGHS proved a dual bound leaves the bound unknown: never the incumbent (nor a
    // bound not above the start answered in its place, see runHighs).
    const bound =
      own || raw.dualBound === null || raw.dualBound > fitted.objective + 1e-9 ? raw.dualBound : null
    switch (status) {
      case 'optimal':
        return { ...base, status, bound: raw.objective }
      case 'infeasible':
      case 'unbounded':
        return { ...base, status, bound: null }
      case 'time-limit':
      case 'interrupted':
        return { ...base, status, bound }
      case 'memory-limit':
        return values === null
          ? { ...base, status: 'error', bound, message: raw.message ?? 'HiGHS ran out of memory' }
          : { ...base, status, bound }
      case 'error':
        return { ...base, status, bound, message: raw.message ?? `HiGHS model status ${raw.status}` }
    }
  },
  async relax(model: Milp, given: RunOptions): Promise<LpRelaxation> {
    const started = performance.now()
    const lp = (status: LpRelaxation['status'], message?: string): LpRelaxation => ({
      status,
      objective: null,
      values: null,
      rowDual: null,
      timeMs: performance.now() - started,
      ...(message === undefined ? {} : { message }),
    })
    const refused = runRefusal(model, given)
    if (refused !== null) return lp('error', refused)
    const options = given ?? {}
    if (options.signal?.aborted) return lp('interrupted')
    if (model.colNames.length === 0) {
      const empty = solveEmpty(model)
      return {
        ...lp(empty.status),
        objective: empty.objective,
        rowDual: new Float64Array(model.rowLower.length),
      }
    }
    const raw = await run(arraysOf(model), options, started, true)
    const status = statusOf(raw.status)
    if (status !== 'optimal')
      return lp(status, status === 'error' ? (raw.message ?? `HiGHS model status ${raw.status}`) : undefined)
    return {
      status,
      objective: raw.dualBound,
      values: raw.values,
      rowDual: raw.rowDual ?? null,
      timeMs: performance.now() - started,
    }
  },
}
