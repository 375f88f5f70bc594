/**
 * The lease of the room past a model's entries (`entryLease`): a core run with
 * cuts takes it and gives it back — also when the run's worker thread is
 * killed in the middle (no `finally` runs there: the thread that started the
 * job gives it back once the worker has stopped).
 */
import { describe, expect, it } from 'vitest'
import { formulate } from '../../src/model/index.js'
import { entryLease } from '../../src/model/milp.js'
import { generateScenario } from '../../src/sample/index.js'
import type { CoreArrays } from '../../src/solvers/core-run.js'
import { runInWorker } from '../../src/solvers/highs-worker.js'
import { pricableColumns } from '../../src/solvers/highs.js'

const arrays = (): { m: CoreArrays; lease: Int32Array } => {
  const milp = formulate(generateScenario({ seed: 77, cadres: 500 })).milp
  const pricable = pricableColumns(milp)
  const lease = entryLease(milp)!
  const { colCost, colLower, colUpper, integer, rowLower, rowUpper, rowStarts, rowIndex, rowValue } = milp
  return {
    m: {
      ...{ colCost, colLower, colUpper, integer, rowLower, rowUpper, rowStarts, rowIndex, rowValue },
      ...{ pricable, maxCoreColumns: 1_000_000, cuts: true, entryLease: lease },
    },
    lease,
  }
}

describe('the lease of the room past a model’s entries', () => {
  it('is given back after a run in a worker thread, and after a worker killed mid-run', async () => {
    const { m, lease } = arrays()
    const done = await runInWorker(m, 60_000, {}, performance.now())
    expect(done?.status).toBe('optimal')
    expect(Atomics.load(lease, 0)).toBe(0)
    // Progress that throws kills the worker (terminated) while it runs, the lease taken.
    let held = 0
    const killed = await runInWorker(
      m,
      60_000,
      {
        onProgress: () => {
          held = Atomics.load(lease, 0)
          throw new Error('stop here')
        },
      },
      performance.now(),
    )
    expect(killed?.status).toBe('error')
    expect(held).toBeGreaterThan(0)
    for (let i = 0; i < 100 && Atomics.load(lease, 0) !== 0; i++) await new Promise((r) => setTimeout(r, 50))
    expect(Atomics.load(lease, 0)).toBe(0)
  }, 60_000)
})
