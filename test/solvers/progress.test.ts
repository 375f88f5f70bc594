/**
 * An `onProgress` that throws — or, being `async`, returns a promise that
 * rejects — ends the HiGHS solve with an error naming the callback, in the
 * worker and in the calling thread alike: never an unhandled rejection, which
 * would end the process.
 */
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import { formulate } from '../../src/model/index.js'
import { solveModel } from '../../src/proposals/index.js'
import { generateScenario } from '../../src/sample/index.js'
import { configureHighs, highsSolver } from '../../src/solvers/highs.js'

const wasmPath = createRequire(import.meta.url).resolve('highs/runtime')
const model = formulate(generateScenario({ seed: 3, cadres: 120 }))

afterEach(() => configureHighs({}))

const places: [string, () => void][] = [
  ['in a worker', () => {}],
  // configureHighs runs HiGHS in the calling thread, as in a browser.
  ['in the calling thread', () => configureHighs({ wasmBinary: readFileSync(wasmPath) })],
]

describe.each(places)('onProgress failing %s', (_, setUp) => {
  for (const method of ['core', 'direct'] as const) {
    it(`ends a ${method} solve with SolverFailure when its promise rejects`, async () => {
      setUp()
      const r = await solveModel(model, {
        method,
        onProgress: async () => {
          throw new Error('async boom')
        },
      })
      expect(r).toMatchObject({
        _tag: 'Left',
        left: { _tag: 'SolverFailure', backend: 'highs', message: 'onProgress rejected: Error: async boom' },
      })
    }, 30_000)

    it(`ends a ${method} solve with SolverFailure when it throws`, async () => {
      setUp()
      const r = await solveModel(model, {
        method,
        onProgress: () => {
          throw new Error('boom')
        },
      })
      expect(r).toMatchObject({
        _tag: 'Left',
        left: { _tag: 'SolverFailure', backend: 'highs', message: 'onProgress threw: Error: boom' },
      })
    }, 30_000)
  }

  it('leaves the next solve as it was', async () => {
    setUp()
    await solveModel(model, {
      onProgress: () => {
        throw new Error('boom')
      },
    })
    const r = await highsSolver.solve(model.milp, { method: 'direct' })
    expect(r.status).toBe('optimal')
  }, 30_000)

  it('drops a rejection that comes after the solve answered', async () => {
    setUp()
    let late = 0
    const r = await solveModel(model, {
      onProgress: async () => {
        await new Promise((resolve) => setTimeout(resolve, 300))
        late++
        throw new Error('late')
      },
    })
    // The solve may end before or after the first rejection; either way it answers, and the
    // rejections after it are handled (vitest fails the file on an unhandled one).
    if (r._tag === 'Left') expect(r.left.message).toBe('onProgress rejected: Error: late')
    await new Promise((resolve) => setTimeout(resolve, 600))
    expect(late).toBeGreaterThan(0)
  }, 30_000)
})
