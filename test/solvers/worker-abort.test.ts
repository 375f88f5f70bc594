/**
 * An abort that comes before the HiGHS worker starts its run is answered
 * without the run: the job is not sent when the signal is already aborted
 * once a worker is found, and a worker sent a job whose flag is already set
 * answers before building the model (on a county, a second or more before
 * HiGHS's first checkpoint would look at the flag).
 */
import { Worker } from 'node:worker_threads'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { formulate } from '../../src/model/index.js'
import type { Milp } from '../../src/model/index.js'
import { generateScenario } from '../../src/sample/index.js'
import type { MilpArrays, RawRun } from '../../src/solvers/highs-run.js'
import { runInWorker } from '../../src/solvers/highs-worker.js'
import { startModuleWorker } from '../../src/solvers/node-worker.js'

const arrays = (m: Milp): MilpArrays => ({
  colCost: m.colCost,
  colLower: m.colLower,
  colUpper: m.colUpper,
  integer: m.integer,
  rowLower: m.rowLower,
  rowUpper: m.rowUpper,
  rowStarts: m.rowStarts,
  rowIndex: m.rowIndex,
  rowValue: m.rowValue,
})

const model = arrays(formulate(generateScenario({ seed: 2, cadres: 80 })).milp)

afterEach(() => {
  vi.restoreAllMocks()
})

describe('an abort before the HiGHS run', () => {
  it('is answered without sending the job when the signal is aborted once a worker is found', async () => {
    const posted = vi.spyOn(Worker.prototype, 'postMessage')
    const ac = new AbortController()
    ac.abort()
    const raw = await runInWorker(model, 60_000, { signal: ac.signal }, performance.now())
    expect(raw).toMatchObject({
      status: 'interrupted',
      values: null,
      message: 'aborted before the job was sent',
    })
    expect(posted).not.toHaveBeenCalled()
    // The worker went back to the idle ones in working order.
    const again = await runInWorker(model, 60_000, {}, performance.now())
    expect(again?.status).toBe('optimal')
  }, 30_000)

  it('is answered by the worker before it builds the model when its flag is set on arrival', async () => {
    const worker = await startModuleWorker(
      'highs-thread',
      new URL('../../src/solvers/highs.ts', import.meta.url).href,
    )
    expect(worker).not.toBeNull()
    const flag = new Int32Array(new SharedArrayBuffer(4))
    Atomics.store(flag, 0, 1)
    const messages: { type: string; raw?: RawRun }[] = []
    try {
      const done = new Promise<RawRun>((resolve, reject) => {
        worker!.on('message', (m: { type: string; raw?: RawRun }) => {
          messages.push(m)
          if (m.raw !== undefined) resolve(m.raw)
        })
        worker!.on('error', reject)
      })
      worker!.postMessage({ model, timeLimitSeconds: 60, flag: flag.buffer, relax: false, stallMs: 0 })
      const raw = await done
      expect(raw).toMatchObject({
        status: 'interrupted',
        values: null,
        message: 'aborted before the run started',
      })
      expect(messages.map((m) => m.type)).toEqual(['done'])
    } finally {
      await worker!.terminate()
    }
  }, 30_000)
})
