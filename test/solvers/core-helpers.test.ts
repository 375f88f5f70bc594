import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MilpBuilder } from '../../src/model/milp.js'
import type { Milp } from '../../src/model/milp.js'
import { farkasPricing, startsAnotherLp } from '../../src/solvers/core/pricing.js'
import { fitStart, repairRings } from '../../src/solvers/core/warm.js'
import type { CoreArrays } from '../../src/solvers/core-run.js'
import { pricableColumns } from '../../src/solvers/highs.js'

/** The arrays of a core run, every 0..1 binary pricable. */
const arrays = (m: Milp): CoreArrays => {
  const pricable = pricableColumns(m)
  return { ...m, pricable, maxCoreColumns: 1_000 }
}

const mask = (n: number, on: readonly number[]): Uint8Array => {
  const out = new Uint8Array(n)
  for (const j of on) out[j] = 1
  return out
}

describe('fitStart', () => {
  const b = new MilpBuilder()
  const x = [0, 1, 2].map((i) => b.addColumn(`x${i}`, 10 * (i + 1), 0, 1, true))
  const y = b.addColumn('y', 1, 0, 5, false)
  b.addRow('one', x, [1, 1, 1], 1, 1)
  b.addRow('y<=2', [y], [1], -Infinity, 2)
  const m = arrays(b.build())

  it('rounds integer columns, clamps to bounds, and values a start that violates nothing', () => {
    const fitted = fitStart(m, {
      indices: Int32Array.from([1, 3]),
      values: Float64Array.from([0.9999999, 1.5]),
    })
    expect([...fitted.x]).toEqual([0, 1, 0, 1.5])
    expect(fitted.violated).toEqual([])
    expect(fitted.value).toBeCloseTo(20 + 1.5, 9)
  })

  it('lists the rows a start violates, and gives it no value', () => {
    const fitted = fitStart(m, {
      indices: Int32Array.from([0, 1, 3, 99, -1]),
      values: Float64Array.from([1, 1, 7, 1, 1]),
    })
    // y clamped to its upper bound 5 still breaks y ≤ 2; two x's break "one"; bad indices are ignored.
    expect([...fitted.x]).toEqual([1, 1, 0, 5])
    expect(fitted.violated).toEqual([0, 1])
    expect(fitted.value).toBe(-Infinity)
  })
})

describe('farkasPricing', () => {
  /** x0 + x1 + x2 ≥ need, each x a 0..1 binary in a second row too (so none is a slack). */
  const cover = (need: number) => {
    const b = new MilpBuilder()
    const x = [0, 1, 2].map((i) => b.addColumn(`x${i}`, 1, 0, 1, true))
    b.addRow('cover', x, [1, 1, 1], need, Infinity)
    b.addRow('cap', x, [1, 1, 1], -Infinity, 3)
    return arrays(b.build())
  }

  it('returns the left-out columns that could close the deficit, with a ray of either sign', () => {
    const m = cover(2)
    // The core holds x0 only: "cover ≥ 2" cannot hold; x1 and x2 could make it.
    expect(farkasPricing(m, Float64Array.from([1, 0]), mask(3, [0]))).toEqual([1, 2])
    expect(farkasPricing(m, Float64Array.from([-1, 0]), mask(3, [0]))).toEqual([1, 2])
  })

  it('proves the whole model infeasible when no left-out column can close it', () => {
    expect(farkasPricing(cover(4), Float64Array.from([1, 0]), mask(3, [0]))).toEqual([])
  })

  it('gives null for a vector that is no certificate', () => {
    const m = cover(1)
    expect(farkasPricing(m, Float64Array.from([0, 0]), mask(3, [0]))).toBeNull()
    expect(farkasPricing(m, Float64Array.from([1, 0]), mask(3, [0]))).toBeNull()
    expect(farkasPricing(m, Float64Array.from([1]), mask(3, [0]))).toBeNull()
  })

  it('never claims infeasibility of a model that has a solution', () => {
    // Random covers that the all-ones vector meets, random rays and cores: never [].
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: -3, max: 3, noNaN: true }), { minLength: 5, maxLength: 5 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (needs, ray, core) => {
          const b = new MilpBuilder()
          const x = Array.from({ length: 6 }, (_, i) => b.addColumn(`x${i}`, 1, 0, 1, true))
          needs.forEach((need, r) => b.addRow(`c${r}`, x.slice(r, r + 3), [1, 1, 1], need, Infinity))
          b.addRow(
            'cap',
            x,
            x.map(() => 1),
            -Infinity,
            6,
          )
          const m = arrays(b.build())
          const r = farkasPricing(
            m,
            Float64Array.from(ray.slice(0, m.rowLower.length)),
            mask(
              6,
              x.filter((_, i) => core[i]),
            ),
          )
          expect(r).not.toEqual([])
        },
      ),
      { seed: 5, numRuns: 300 },
    )
  })
})

describe('repairRings', () => {
  // A chain of assignment-like rows a–b, b–c, c–d, d–e, and one wide row over everything.
  const b = new MilpBuilder()
  const col = ['a', 'b', 'c', 'd', 'e'].map((n) => b.addColumn(n, 1, 0, 1, true))
  const slack = b.addColumn('slack', -1, 0, 1, false)
  for (let i = 0; i < 4; i++) b.addRow(`r${i}`, [col[i]!, col[i + 1]!], [1, 1], -Infinity, 1)
  b.addRow('wide', [...col, slack], [1, 1, 1, 1, 1, 1], -Infinity, 4)
  const milp = b.build()
  const m = arrays(milp)
  const all = [...col, slack]
  const inCore = mask(6, all)
  const colCount = new Int32Array(6)
  for (const j of milp.rowIndex) colCount[j]!++
  const freed = (f: Uint8Array) => all.filter((j) => f[j] === 1).map((j) => milp.colNames[j])

  it('frees the violated rows, then the narrow rows around them, ring by ring', () => {
    expect(freed(repairRings(m, [0], inCore, all, colCount, 1, 10))).toEqual(['a', 'b'])
    // Ring 2 is the last: it frees only slacks — the wide row's.
    expect(freed(repairRings(m, [0], inCore, all, colCount, 2, 10))).toEqual(['a', 'b', 'slack'])
    expect(freed(repairRings(m, [0], inCore, all, colCount, 3, 10))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'slack',
    ])
  })

  it('passes through a wide row only to its slacks', () => {
    expect(freed(repairRings(m, [0], inCore, all, colCount, 3, 3))).toEqual(['a', 'b', 'c', 'slack'])
    // The violated row itself is freed whole, however wide.
    expect(freed(repairRings(m, [4], inCore, all, colCount, 1, 3))).toEqual([
      'a',
      'b',
      'c',
      'd',
      'e',
      'slack',
    ])
  })

  it('frees only columns of the core', () => {
    const core = [col[0]!, col[2]!, slack]
    expect(freed(repairRings(m, [0, 1], mask(6, core), core, colCount, 2, 10))).toEqual(['a', 'c', 'slack'])
  })
})

describe('startsAnotherLp', () => {
  it('starts an LP only with the time to finish it and to complete its point after', () => {
    // The 5,000-cadre general election at 60 s: the second LP (19.5 s) ended with 31.6 s left after
    // 26 s of pricing. A third (37 s) started, the deadline stopped it, and the run ended without
    // a proposal; stopped there, its point completed to 168,321.3.
    expect(startsAnotherLp(31_600, 19_500, 26_000)).toBe(false)
    // Time enough for both: another LP.
    expect(startsAnotherLp(60_000, 19_500, 26_000)).toBe(true)
    // Short LPs early in a long run are never held back.
    expect(startsAnotherLp(55_000, 800, 2_000)).toBe(true)
    // Monotone: more time left never stops what less time would start.
    for (const last of [0, 10, 1_000, 30_000])
      for (const priced of [0, 100, 50_000])
        for (const left of [0, 1_000, 40_000, 100_000])
          if (startsAnotherLp(left, last, priced)) expect(startsAnotherLp(left + 1, last, priced)).toBe(true)
  })
})
