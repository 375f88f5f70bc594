/**
 * The HiGHS worker thread's own module (a bundle entry of its own,
 * `dist/highs-thread.js` / `.cjs`): it loads the HiGHS module once, then runs
 * each job it is sent — the priced core (`runCore`) or one HiGHS run
 * (`runHighs`), the same functions the in-process path calls — and posts
 * progress and the result back. An abort is a shared flag HiGHS polls at its
 * interrupt checkpoints, read first once HiGHS is loaded (a job aborted on
 * its way is answered without building its model). Started by
 * `highs-worker.ts`, never imported.
 *
 * @module
 */
import { parentPort } from 'node:worker_threads'
import highsLoader from 'highs'
import type { Highs } from 'highs'
import { failedRun, runHighs } from './highs-run.js'
import type { MilpArrays, RunHooks } from './highs-run.js'
import { runCore } from './core-run.js'
import type { CoreArrays } from './core-run.js'

/** One job: the model, its time limit, the abort flag and the hooks' data. */
interface Job {
  readonly model: MilpArrays | CoreArrays
  readonly timeLimitSeconds: number
  readonly flag: SharedArrayBuffer
  readonly start: RunHooks['start']
  readonly relax: boolean
  /** Tests only: block this long after sending each incumbent (see `workerSettings`). */
  readonly stallMs: number
}

const port = parentPort
if (port === null) throw new Error('highs-thread: not started as a worker thread')
// Loaded on the first job (a failure is that job's answer, and the next job tries again).
let highs: Highs | null = null
port.on('message', (job: Job) => {
  void (async () => {
    try {
      highs = highs ?? (await highsLoader())
    } catch (e) {
      port.postMessage({ type: 'done', raw: failedRun('error', String(e), true) })
      return
    }
    const flag = new Int32Array(job.flag)
    // Aborted while HiGHS loaded or the job was on its way: answer before building the model (on
    // a county, a second or more before HiGHS's first checkpoint would look at the flag).
    if (Atomics.load(flag, 0) !== 0) {
      port.postMessage({ type: 'done', raw: failedRun('interrupted', 'aborted before the run started') })
      return
    }
    const hooks: RunHooks = {
      shouldStop: () => Atomics.load(flag, 0) !== 0,
      onImproved: (incumbent, bound, gap) => port.postMessage({ type: 'progress', incumbent, bound, gap }),
      onSolution: (indices, values, objective) => {
        port.postMessage({ type: 'solution', indices, values, objective }, [
          indices.buffer as ArrayBuffer,
          values.buffer as ArrayBuffer,
        ])
        for (const until = Date.now() + job.stallMs; Date.now() < until;);
      },
      start: job.start,
      relax: job.relax,
    }
    const raw =
      'pricable' in job.model
        ? runCore(highs, job.model, job.timeLimitSeconds, hooks)
        : runHighs(highs, job.model, job.timeLimitSeconds, hooks)
    // The result's arrays move to the caller rather than being copied (at city scale the values
    // alone are ≈ 60 MB, at the run's peak of memory).
    const moved = new Set([raw.values?.buffer, raw.rowDual?.buffer])
    port.postMessage(
      { type: 'done', raw },
      [...moved].filter((b): b is ArrayBuffer => b instanceof ArrayBuffer),
    )
  })()
})
