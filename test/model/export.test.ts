import fc from 'fast-check'
import highsLoader from 'highs'
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { exportModel } from '../../src/model/export.js'
import type { ModelFormat } from '../../src/model/export.js'
import { exportedNames } from '../../src/model/export-names.js'
import { formulate } from '../../src/model/formulate.js'
import { MilpBuilder } from '../../src/model/milp.js'
import type { Milp } from '../../src/model/milp.js'
import { generateScenario } from '../../src/sample/index.js'
import { highsSolver } from '../../src/solvers/highs.js'

let highs: Highs
beforeAll(async () => {
  highs = await highsLoader()
})

/** Reads exported text back with HiGHS's own LP/MPS reader and solves it exactly. */
function readAndSolve(
  text: string,
  format: ModelFormat,
): { status: string; objective: number; cols: number } {
  const hm = highs.createModel({ format: format === 'lp' ? 'lp' : 'mps', data: text })
  try {
    hm.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 })
    const run = hm.run()
    const names = highs.constants.modelStatus as Readonly<Record<string, number>>
    const status = Object.keys(names).find((k) => names[k] === run.modelStatus) ?? String(run.modelStatus)
    return { status, objective: hm.getObjectiveValue(), cols: hm.getSolution().colValue.length }
  } finally {
    hm.dispose()
  }
}

// Objectives agree within the benchmark's tolerance: 1e-6 relative.
const close = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b))

const FORMATS: readonly ModelFormat[] = ['lp', 'mps', 'fixed-mps']

describe('exportModel on generated counties', () => {
  it.each([
    [1, 60],
    [2, 60],
    [7, 120],
  ])('reads back with the optimum banzi finds (seed %i, %i cadres)', async (seed, cadres) => {
    const model = formulate(generateScenario({ seed, cadres }))
    const ref = await highsSolver.solve(model.milp, {})
    expect(ref.status).toBe('optimal')
    for (const format of FORMATS) {
      const back = readAndSolve(exportModel(model, format), format)
      expect(back.status, format).toBe('optimal')
      expect(back.cols, format).toBe(model.milp.colNames.length)
      expect(close(back.objective, ref.objective!), `${format}: ${back.objective} vs ${ref.objective}`).toBe(
        true,
      )
    }
  })

  it('takes a scenario as well as its model', () => {
    const scenario = generateScenario({ seed: 1, cadres: 60 })
    expect(exportModel(scenario, 'mps')).toBe(exportModel(formulate(scenario), 'mps'))
  })
})

/** A small random MILP with every kind of row and bound the writer handles. */
const arbMilp: fc.Arbitrary<Milp> = fc
  .record({
    cols: fc.array(
      fc.record({
        cost: fc.integer({ min: -20, max: 20 }),
        kind: fc.constantFrom('binary', 'general', 'continuous', 'fixed', 'negative', 'free-below'),
        int: fc.boolean(),
      }),
      { minLength: 1, maxLength: 8 },
    ),
    rows: fc.array(
      fc.record({
        coefs: fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 8, maxLength: 8 }),
        kind: fc.constantFrom('le', 'ge', 'eq', 'range', 'free'),
        rhs: fc.integer({ min: -6, max: 10 }),
        width: fc.integer({ min: 0, max: 6 }),
      }),
      { maxLength: 6 },
    ),
  })
  .map(({ cols, rows }) => {
    const b = new MilpBuilder()
    cols.forEach((c, j) => {
      // Unbounded columns point against their cost, so every model stays bounded.
      const [lo, hi, int] =
        c.kind === 'binary'
          ? [0, 1, true]
          : c.kind === 'general'
            ? [0, 7, true]
            : c.kind === 'continuous'
              ? [0, 3.5, false]
              : c.kind === 'fixed'
                ? [2, 2, c.int]
                : c.kind === 'negative'
                  ? [-4, -1, c.int]
                  : [-Infinity, 5, c.int]
      b.addColumn(`col:${j}/${c.kind}>=`, c.kind === 'free-below' ? Math.abs(c.cost) : c.cost, lo, hi, int)
    })
    rows.forEach((r, i) => {
      const idx = cols.map((_, j) => j)
      const coefs = idx.map((j) => r.coefs[j]!)
      const [lo, hi] =
        r.kind === 'le'
          ? [-Infinity, r.rhs]
          : r.kind === 'ge'
            ? [r.rhs, Infinity]
            : r.kind === 'eq'
              ? [r.rhs, r.rhs]
              : r.kind === 'range'
                ? [r.rhs, r.rhs + r.width + 0.5]
                : [-Infinity, Infinity]
      b.addRow(`row ${i}: ${r.kind}`, idx, coefs, lo, hi)
    })
    return b.build()
  })

describe('exportModel on random MILPs', () => {
  it('every format reads back with the status and objective banzi finds', async () => {
    await fc.assert(
      fc.asyncProperty(arbMilp, async (m) => {
        const ref = await highsSolver.solve(m, {})
        for (const format of FORMATS) {
          const back = readAndSolve(exportModel(m, format), format)
          if (ref.status === 'optimal') {
            expect(back.status, format).toBe('optimal')
            expect(
              close(back.objective, ref.objective!),
              `${format}: ${back.objective} vs ${ref.objective}`,
            ).toBe(true)
          } else expect(back.status, format).toBe(ref.status === 'infeasible' ? 'infeasible' : back.status)
        }
      }),
      { seed: 42, numRuns: 60 },
    )
  })
})

describe('exportedNames', () => {
  it('maps domain names to LP-safe, unique names by index', () => {
    const b = new MilpBuilder()
    b.addColumn('a:b', 1, 0, 1, true)
    b.addColumn('a_b', 1, 0, 1, true)
    b.addColumn('9lives', 1, 0, 1, true)
    b.addColumn('free', 1, 0, 1, true)
    b.addRow('team:T1:women>=1', [0, 1], [1, 1], 1, Infinity)
    const names = exportedNames(b.build())
    expect(names.columns).toEqual(['a_b', 'a_b_2', '_9lives', '_free'])
    expect(names.rows).toEqual(['team_T1_women__1'])
  })

  it('keeps names within the 255 characters of CPLEX LP, unique after cutting', () => {
    const b = new MilpBuilder()
    b.addColumn(`${'p'.repeat(300)}:1`, 1, 0, 1, true)
    b.addColumn(`${'p'.repeat(300)}:2`, 1, 0, 1, true)
    const names = exportedNames(b.build()).columns
    expect(names.map((n) => n.length)).toEqual([240, 242])
    expect(names[1]).toBe(`${'p'.repeat(240)}_2`)
  })

  it('gives fixed MPS names of at most 8 characters', () => {
    const model = formulate(generateScenario({ seed: 1, cadres: 60 }))
    const names = exportedNames(model.milp, 'short')
    expect(names.columns.every((n) => n.length <= 8)).toBe(true)
    expect(new Set(names.columns).size).toBe(names.columns.length)
    // Fields end by column 61; `*` comment lines are free text.
    for (const line of exportModel(model, 'fixed-mps').split('\n'))
      if (!line.startsWith('*')) expect(line.length).toBeLessThanOrEqual(61)
  })

  it('writes a ranged row as two LP rows and one MPS row with a range', () => {
    const b = new MilpBuilder()
    const x = b.addColumn('x', 1, 0, 10, true)
    b.addRow('r', [x], [1], 2, 5)
    const m = b.build()
    expect(exportModel(m, 'lp')).toContain(' r.lo: + 1 x >= 2\n r.hi: + 1 x <= 5')
    expect(exportModel(m, 'mps')).toContain('RANGES\n RNG  r  3')
  })
})

describe('exportModel at scale', () => {
  it('never overflows the stack: 400,000 binaries, general integers and ranged rows', () => {
    const b = new MilpBuilder()
    const n = 400_000
    for (let j = 0; j < n; j++) b.addColumn(`x${j}`, 1, 0, 1, true)
    for (let j = 0; j < 200_000; j++) b.addColumn(`g${j}`, 1, 0, 5, true)
    for (let i = 0; i < 200_000; i++) b.addRow(`r${i}`, [i, n + i], [1, 1], 1, 3)
    const m = b.build()
    for (const format of FORMATS) {
      const text = exportModel(m, format)
      expect(text.length).toBeGreaterThan(n)
    }
  })
})
