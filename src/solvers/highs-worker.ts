/**
 * HiGHS in a Node worker thread. The solve leaves the event loop free (a
 * county app's server keeps answering while a round is staffed), an abort is
 * honoured at once (a shared flag HiGHS polls at its interrupt checkpoints,
 * then termination if it does not stop), and a wasm abort near the 2 GB heap
 * limit kills only the worker: the next solve gets a fresh one. The time
 * limit counts from the solve's start, and holds even where HiGHS checks no
 * interrupt for long (completing a MIP start, a large root LP: a 5,000-cadre
 * general election with a 60 s limit ran to 80 s): the worker sends each
 * incumbent as it is found, and one still running {@link stopGrace} past the
 * limit is terminated, the solve answering with the last incumbent.
 *
 * @module
 */
import type { Worker } from 'node:worker_threads'
import type { RunOptions } from './solver.js'
import { startModuleWorker, whenAborted } from './node-worker.js'
import { failedRun } from './highs-run.js'
import type { MilpArrays, RawRun } from './highs-run.js'
import type { CoreArrays, CoreRun } from './core-run.js'
import { timerAfter } from './timer.js'

/**
 * How long past an abort a worker may take before it is terminated. HiGHS
 * polls for interrupts only at its checkpoints (with presolve off, about every
 * second on a county model), so an abort takes up to about a second.
 */
const ABORT_GRACE_MS = 3_000
/**
 * How long past its own time limit a worker may run before it is terminated:
 * HiGHS reaches its time check late on large models too, and killing it then
 * would lose the incumbent it is about to return.
 */
const limitGrace = (timeLimitMs: number) => Math.min(60_000, Math.max(3_000, timeLimitMs / 2))
/**
 * How long past its time limit a worker that has found an incumbent may run
 * before it is terminated and the solve answers with that incumbent: long
 * enough for HiGHS to stop at its own next checkpoint when it reaches one.
 */
const stopGrace = (timeLimitMs: number) => Math.min(5_000, Math.max(1_000, timeLimitMs / 20))
/**
 * `stallMs` > 0: the worker blocks that long after sending each incumbent,
 * as HiGHS does in a phase that checks no interrupt. For the tests only,
 * which check that the time limit still holds.
 * @internal
 */
export const workerSettings = { stallMs: 0 }
/**
 * Idle workers kept (each keeps its wasm heap allocated). Sequential solves
 * only ever leave one idle; two serve `solveMany` on a 2-core machine without
 * reloading the wasm module for every scenario.
 */
const MAX_IDLE = 2
const idle: Worker[] = []

// The worker's own module (highs-thread.ts; in the bundles, dist/highs-thread.js or .cjs beside
// the entry that imports this one).
const spawn = (): Promise<Worker | null> => startModuleWorker('highs-thread', import.meta.url)
/** Set once the worker's module is found nowhere (banzi bundled without it): solves stay in process. */
let missing = false

/**
 * Whether this runtime can run HiGHS in a worker thread: Node, with the
 * worker's module found (see {@link runInWorker}).
 * @internal
 */
export function workersAvailable(): boolean {
  return !missing && typeof process !== 'undefined' && typeof process.versions?.node === 'string'
}

/** Whether `v` is a promise or another thenable (what an `async` callback returns). @internal */
export function isThenable(v: unknown): v is PromiseLike<unknown> {
  return (
    (typeof v === 'object' || typeof v === 'function') &&
    v !== null &&
    typeof (v as { then?: unknown }).then === 'function'
  )
}

/** Jobs sent so far (the lease token of the next is one more, from 1). */
let jobs = 0

/**
 * Runs HiGHS on the model in a worker; never throws. `null` when the worker's
 * module is found nowhere (an app that bundled banzi without
 * `highs-thread.js`): the caller then runs HiGHS in its own thread, as will
 * every later solve.
 * @internal
 */
export async function runInWorker(
  model: MilpArrays | CoreArrays,
  timeLimitMs: number,
  options: RunOptions,
  started: number,
  relax?: boolean,
): Promise<RawRun | CoreRun | null> {
  let worker: Worker
  try {
    const w = idle.pop() ?? (await spawn())
    if (w === null) {
      missing = true
      return null
    }
    worker = w
  } catch (e) {
    return failedRun('error', `cannot start a worker thread: ${String(e)}`)
  }
  worker.ref()
  const flag = new Int32Array(new SharedArrayBuffer(4))
  // A job that may take the lease of the room past its model's entries (see core-run.ts) holds it
  // under its own number, so that a worker killed mid-run (terminated: no finally runs there)
  // gives it back once it has stopped.
  const lease = 'entryLease' in model ? model.entryLease : undefined
  const token = (jobs = (jobs % 0x7ffffffe) + 1)
  const job = lease === undefined ? model : { ...model, leaseToken: token }
  // The time left of the solve's limit (setting up the model and starting the worker took some).
  const left = Math.max(1, timeLimitMs - (performance.now() - started))
  return new Promise<RawRun | CoreRun>((resolve) => {
    let settled = false
    let healthy = true
    let killer: ReturnType<typeof setTimeout> | undefined
    // The last incumbent the worker sent (nonzero columns), and the least bound it reported.
    let incumbent: { indices: Int32Array; values: Float64Array; objective: number } | null = null
    let bound: number | null = null
    // Set once the job is posted (below); `finish` may run before.
    let unwatch = () => {}
    const finish = (raw: RawRun | CoreRun) => {
      if (settled) return
      settled = true
      clearTimeout(watchdog)
      clearTimeout(stopper)
      clearTimeout(killer)
      unwatch()
      worker.removeAllListeners('message')
      worker.removeAllListeners('error')
      worker.removeAllListeners('exit')
      if (healthy && !raw.fatal && idle.length < MAX_IDLE) {
        worker.unref()
        idle.push(worker)
        // A worker that dies while idle must not be handed out again.
        worker.once('exit', () => {
          const at = idle.indexOf(worker)
          if (at >= 0) idle.splice(at, 1)
        })
      } else
        void worker.terminate().then(() => {
          if (lease !== undefined) Atomics.compareExchange(lease, 0, token, 0)
        })
      resolve(raw)
    }
    const kill = (status: string, message: string) => {
      healthy = false
      finish(failedRun(status, message))
    }
    // Terminates the worker; the solve answers with its last incumbent, or as `kill` without one.
    const stop = (status: string, message: string) => {
      if (incumbent === null) return kill(status, message)
      healthy = false
      const values = new Float64Array(model.colCost.length)
      incumbent.indices.forEach((j, k) => (values[j] = incumbent!.values[k]!))
      // A bound below the incumbent is none (the progress events' bounds hold for the whole model).
      const valid = bound !== null && bound >= incumbent.objective ? bound : null
      finish({ status, values, objective: incumbent.objective, dualBound: valid, message, fatal: false })
    }
    const onAbort = () => {
      Atomics.store(flag, 0, 1)
      killer = setTimeout(() => stop('interrupted', 'aborted; HiGHS did not stop in time'), ABORT_GRACE_MS)
    }
    const stopper = timerAfter(
      () => {
        if (incumbent !== null) stop('timeLimit', 'HiGHS ran past its time limit; stopped with its incumbent')
      },
      left + stopGrace(left),
    )
    const watchdog = timerAfter(
      () => stop('timeLimit', 'HiGHS ran past its time limit'),
      left + limitGrace(left),
    )
    worker.on(
      'message',
      (msg: {
        type: string
        raw?: RawRun | CoreRun
        incumbent?: number | null
        bound?: number | null
        gap?: number | null
        indices?: Int32Array
        values?: Float64Array
        objective?: number
      }) => {
        if (msg.type === 'solution') {
          if (msg.indices !== undefined && msg.values !== undefined && msg.objective !== undefined)
            incumbent = { indices: msg.indices, values: msg.values, objective: msg.objective }
        } else if (msg.type === 'progress') {
          // Each holds for the whole model: the least is kept.
          if (typeof msg.bound === 'number') bound = bound === null ? msg.bound : Math.min(bound, msg.bound)
          let returned: unknown
          try {
            returned = options.onProgress?.({
              incumbent: msg.incumbent ?? null,
              bound: msg.bound ?? null,
              gap: msg.gap ?? null,
              elapsedMs: performance.now() - started,
            })
          } catch (e) {
            // As in the calling thread, a callback that throws ends the solve with an error.
            kill('error', `onProgress threw: ${String(e)}`)
          }
          // An async callback's rejection likewise (unhandled, it would end the process); once the
          // solve has answered there is nothing left to end, and it is dropped.
          if (isThenable(returned))
            returned.then(undefined, (e: unknown) => kill('error', `onProgress rejected: ${String(e)}`))
        } else if (msg.raw !== undefined) finish(msg.raw)
      },
    )
    worker.on('error', (e) => kill('error', String(e)))
    worker.on('exit', (code) => kill('error', `the HiGHS worker exited (code ${code})`))
    // Aborted while the worker was being found or started: the job is not sent (the worker would
    // load HiGHS and build the model before its first look at the flag), and the worker goes
    // back to the idle ones.
    if (options.signal?.aborted) return finish(failedRun('interrupted', 'aborted before the job was sent'))
    unwatch = whenAborted(options.signal, onAbort)
    worker.postMessage({
      model: job,
      timeLimitSeconds: Math.max(0.001, left / 1000),
      flag: flag.buffer,
      start: options.start,
      relax: relax === true,
      stallMs: workerSettings.stallMs,
    })
  })
}
