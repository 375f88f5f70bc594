import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { afterEach, describe, expect, it } from 'vitest'
import { MilpBuilder } from '../../src/model/milp.js'
import { configureHighs, highsSolver } from '../../src/solvers/highs.js'

const wasmPath = createRequire(import.meta.url).resolve('highs/runtime')

/** max x + 2y, x + y ≤ 1, binaries: y = 1, objective 2. */
function tiny() {
  const b = new MilpBuilder()
  const x = b.addColumn('x', 1, 0, 1, true)
  const y = b.addColumn('y', 2, 0, 1, true)
  b.addRow('r', [x, y], [1, 1], -Infinity, 1)
  return b.build()
}

describe('configureHighs', () => {
  afterEach(() => configureHighs({}))

  it('loads highs.wasm from the bytes given', async () => {
    configureHighs({ wasmBinary: readFileSync(wasmPath) })
    const r = await highsSolver.solve(tiny(), {})
    expect([r.status, r.objective]).toEqual(['optimal', 2])
  })

  it('loads highs.wasm from a compiled module', async () => {
    configureHighs({ wasmModule: await WebAssembly.compile(readFileSync(wasmPath)) })
    const r = await highsSolver.solve(tiny(), {})
    expect([r.status, r.objective]).toEqual(['optimal', 2])
  })

  it('asks locateFile for highs.wasm', async () => {
    const asked: string[] = []
    configureHighs({
      locateFile: (file) => {
        asked.push(file)
        return wasmPath
      },
    })
    const r = await highsSolver.solve(tiny(), {})
    expect(r.status).toBe('optimal')
    expect(asked).toContain('highs.wasm')
  })

  it('discards the loaded module: a wrong location fails the next solve, and {} restores the default', async () => {
    expect((await highsSolver.solve(tiny(), {})).status).toBe('optimal')
    configureHighs({ locateFile: () => '/nonexistent/highs.wasm' })
    const failed = await highsSolver.solve(tiny(), {})
    expect(failed.status).toBe('error')
    configureHighs({})
    const r = await highsSolver.solve(tiny(), {})
    expect([r.status, r.objective]).toEqual(['optimal', 2])
  })
})
