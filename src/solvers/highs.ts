/**
 * The HiGHS backend (HiGHS compiled to WebAssembly, the `highs` package):
 * the default exact solver. The model is passed as sparse arrays, progress
 * comes from HiGHS's MIP callbacks, and an abort or a callback that aborts the
 * signal interrupts the branch and bound.
 *
 * The wasm heap cannot grow past ~2 GB; near that HiGHS aborts
 * (`RuntimeError: Aborted()`) and the module instance is unusable afterwards.
 * Such a failure is returned as an `error` status and the next solve loads a
 * fresh instance.
 *
 * This backend also runs in a browser bundle (checked by
 * `scripts/browser-smoke.ts` in headless Chromium): the loader fetches
 * `highs.wasm` from beside itself unless {@link configureHighs} says where it
 * is. The javascript-lp-solver backend is Node-only (it solves in a
 * `node:worker_threads` worker).
 *
 * @module
 */
import highsLoader from 'highs'
import type { Highs, InitOptions } from 'highs'
import type { Milp } from '../model/milp.js'
import type { RunOptions, Solver, SolverResult } from './solver.js'

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
  const next: InitOptions = {}
  if (options.locateFile !== undefined) next.locateFile = options.locateFile
  if (options.wasmBinary !== undefined) next.wasmBinary = options.wasmBinary
  if (options.wasmModule !== undefined) next.wasmModule = options.wasmModule
  loaderOptions = next
  discardInstance()
}

const DEFAULT_TIME_LIMIT_MS = 60_000

/**
 * The HiGHS backend.
 * @category Solvers
 */
export const highsSolver: Solver = {
  name: 'highs',
  async solve(model: Milp, options: RunOptions): Promise<SolverResult> {
    const started = performance.now()
    const elapsed = () => performance.now() - started
    if (options.signal?.aborted)
      return { status: 'interrupted', values: null, objective: null, bound: null, timeMs: 0 }
    let highs: Highs
    try {
      highs = await loadHighs()
    } catch (e) {
      discardInstance()
      return {
        status: 'error',
        values: null,
        objective: null,
        bound: null,
        timeMs: elapsed(),
        message: String(e),
      }
    }
    const numCols = model.colNames.length
    if (numCols === 0)
      return { status: 'optimal', values: new Float64Array(0), objective: 0, bound: 0, timeMs: elapsed() }
    const hm = highs.createModel()
    try {
      hm.passModel({
        numCols,
        numRows: model.rowNames.length,
        sense: highs.constants.objectiveSense.maximize,
        colCost: model.colCost,
        colLower: model.colLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
        colUpper: model.colUpper.map((v) => (v === Infinity ? highs.infinity : v)),
        rowLower: model.rowLower.map((v) => (v === -Infinity ? -highs.infinity : v)),
        rowUpper: model.rowUpper.map((v) => (v === Infinity ? highs.infinity : v)),
        matrix: {
          format: 'csr',
          numRows: model.rowNames.length,
          numCols,
          starts: model.rowStarts,
          indices: model.rowIndex,
          values: model.rowValue,
        },
        integrality: Int32Array.from(model.integer),
      })
      hm.options.set({
        output_flag: false,
        time_limit: Math.max(0.001, (options.timeLimitMs ?? DEFAULT_TIME_LIMIT_MS) / 1000),
        // Exact: the fit scores are floats, so HiGHS's default 1e-4 relative gap would stop short of the optimum.
        mip_rel_gap: 0,
        mip_abs_gap: 1e-7,
        // Presolve's probing of ~100k pair binaries took 48 of 56 s on the 1,200-cadre county
        // (bench seed 2026); without it the same model solves to optimality in 9 s.
        presolve: 'off',
      })
      const cb = highs.constants.callbackType
      const run = hm.run({
        [cb.mipInterrupt]: (e) => {
          if (options.signal?.aborted) e.interrupt()
        },
        [cb.mipImprovingSolution]: (e) => {
          const inc = e.data.mip_primal_bound ?? e.data.objective_function_value ?? null
          const bound = e.data.mip_dual_bound ?? null
          options.onProgress?.({
            incumbent: inc,
            bound,
            gap: e.data.mip_gap ?? null,
            elapsedMs: elapsed(),
          })
        },
      })
      const ms = highs.constants.modelStatus
      const status = run.modelStatus
      const hasPrimal =
        Number(hm.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible
      const values = hasPrimal ? hm.getSolution().colValue : null
      const objective = hasPrimal ? hm.getObjectiveValue() : null
      const dual = Number(hm.info.get('mip_dual_bound'))
      const bound = Number.isFinite(dual) ? dual : objective
      const base = { values, objective, timeMs: elapsed() }
      if (status === ms.optimal) return { ...base, status: 'optimal', bound: objective }
      if (status === ms.infeasible) return { ...base, status: 'infeasible', bound: null }
      if (status === ms.unbounded || status === ms.unboundedOrInfeasible)
        return { ...base, status: 'unbounded', bound: null }
      if (status === ms.timeLimit) return { ...base, status: 'time-limit', bound }
      if (status === ms.interrupted) return { ...base, status: 'interrupted', bound }
      return { ...base, status: 'error', bound, message: `HiGHS model status ${status}` }
    } catch (e) {
      // A wasm abort leaves the module unusable: load a fresh one next time.
      if (e instanceof WebAssembly.RuntimeError) discardInstance()
      return {
        status: 'error',
        values: null,
        objective: null,
        bound: null,
        timeMs: elapsed(),
        message: String(e),
      }
    } finally {
      try {
        hm.dispose()
      } catch {
        discardInstance()
      }
    }
  },
}
