/**
 * The priced core's stages on their own, against brute force on small binary
 * models: the Lagrangian bound holds for any duals and any core (weak
 * duality), stays equal to a fresh pricing as columns join and leave, the
 * blocks' gaps only tighten it where every solution still meets it, and the
 * core's columns reach HiGHS as they are in the model.
 */
import fc from 'fast-check'
import highsLoader from 'highs'
import type { Highs } from 'highs'
import { beforeAll, describe, expect, it } from 'vitest'
import { Best } from '../../src/solvers/core/best.js'
import { CoreColumns, passRows } from '../../src/solvers/core/columns.js'
import { limitNextRun, type CoreContext } from '../../src/solvers/core/context.js'
import { blockGaps, fractionalBlocks, partition } from '../../src/solvers/core/blocks.js'
import { completeLpPoint } from '../../src/solvers/core/complete.js'
import { gomoryCuts, withCuts, type Cut } from '../../src/solvers/core/cuts.js'
import { Workspace } from '../../src/solvers/core/workspace.js'
import { endsRun, priceCore, type Priced } from '../../src/solvers/core/pricing.js'
import { Lagrangian } from '../../src/solvers/core/lagrangian.js'
import { stepGamma } from '../../src/solvers/core/proof.js'
import type { CoreArrays } from '../../src/solvers/core/types.js'

/** A small model of binary columns (every one pricable) and rows of either sense. */
const smallModel = fc
  .record({
    n: fc.integer({ min: 1, max: 10 }),
    rows: fc.array(
      fc.record({
        entries: fc.array(fc.tuple(fc.nat(9), fc.integer({ min: -3, max: 3 })), {
          minLength: 1,
          maxLength: 6,
        }),
        lower: fc.option(fc.integer({ min: -2, max: 2 }), { nil: undefined }),
        upper: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
      }),
      { minLength: 1, maxLength: 5 },
    ),
    costs: fc.array(fc.integer({ min: -20, max: 40 }), { minLength: 10, maxLength: 10 }),
  })
  .map(({ n, rows, costs }): CoreArrays => {
    const rowStarts = [0]
    const rowIndex: number[] = []
    const rowValue: number[] = []
    const rowLower: number[] = []
    const rowUpper: number[] = []
    for (const r of rows) {
      const seen = new Set<number>()
      for (const [j0, v] of r.entries) {
        const j = j0 % n
        if (seen.has(j) || v === 0) continue
        seen.add(j)
        rowIndex.push(j)
        rowValue.push(v)
      }
      rowStarts.push(rowIndex.length)
      const lo = r.lower ?? -Infinity
      rowLower.push(lo)
      rowUpper.push(r.upper === undefined ? Infinity : Math.max(r.upper, lo === -Infinity ? r.upper : lo))
    }
    return binaryModel(costs.slice(0, n), { rowLower, rowUpper, rowStarts, rowIndex, rowValue })
  })

/** A model of binary columns (every one pricable) of these costs, over these rows. */
function binaryModel(
  costs: readonly number[],
  rows: Record<'rowLower' | 'rowUpper' | 'rowStarts' | 'rowIndex' | 'rowValue', readonly number[]>,
): CoreArrays {
  const n = costs.length
  return {
    colCost: Float64Array.from(costs),
    colLower: new Float64Array(n),
    colUpper: new Float64Array(n).fill(1),
    integer: new Uint8Array(n).fill(1),
    rowLower: Float64Array.from(rows.rowLower),
    rowUpper: Float64Array.from(rows.rowUpper),
    rowStarts: Int32Array.from(rows.rowStarts),
    rowIndex: Int32Array.from(rows.rowIndex),
    rowValue: Float64Array.from(rows.rowValue),
    pricable: new Uint8Array(n).fill(1),
    maxCoreColumns: n,
  }
}

/** Whether the 0/1 point `mask` (bit j: column j) meets every row of `m`. */
function meetsRows(m: CoreArrays, mask: number): boolean {
  for (let r = 0; r < m.rowLower.length; r++) {
    let a = 0
    for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++)
      if (mask & (1 << m.rowIndex[e]!)) a += m.rowValue[e]!
    if (a < m.rowLower[r]! - 1e-9 || a > m.rowUpper[r]! + 1e-9) return false
  }
  return true
}

/** The best objective over every 0/1 point that meets every row, columns outside `allowed` at 0 (null: none). */
function bruteForce(m: CoreArrays, allowed?: Uint8Array): number | null {
  const n = m.colCost.length
  let best: number | null = null
  for (let mask = 0; mask < 1 << n; mask++) {
    if (allowed !== undefined && [...Array(n).keys()].some((j) => mask & (1 << j) && allowed[j] === 0))
      continue
    if (!meetsRows(m, mask)) continue
    let v = 0
    for (let j = 0; j < n; j++) if (mask & (1 << j)) v += m.colCost[j]!
    if (best === null || v > best) best = v
  }
  return best
}

const duals = fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 5, maxLength: 5 })
const subset = fc.array(fc.boolean(), { minLength: 10, maxLength: 10 })
const coreOf = (n: number, bits: readonly boolean[]) =>
  Uint8Array.from({ length: n }, (_, j) => (bits[j] ? 1 : 0))

/**
 * A Lagrangian of `m` priced with the duals `y` (its first as many as `m` has
 * rows) over the core `bits`, with brute force's optimum and the plain bound
 * `B + Σ max(0, d_j)` over the columns left out.
 */
function pricedWith(m: CoreArrays, y: readonly number[], bits: readonly boolean[]) {
  const inCore = coreOf(m.colCost.length, bits)
  const lag = new Lagrangian(m)
  lag.y.set(y.slice(0, m.rowLower.length))
  lag.price(inCore)
  return { optimum: bruteForce(m), inCore, lag, plain: lag.bound + lag.outside(inCore).positive }
}

/** A core run's shared state around the given parts, with no clock and no stop. */
function contextOf(
  highs: Highs,
  m: CoreArrays,
  model: CoreContext['model'],
  columns: CoreColumns,
  lagrangian: Lagrangian,
  fin: (v: number) => number,
): CoreContext {
  const names = highs.constants.modelStatus as Readonly<Record<string, number>>
  return {
    highs,
    m,
    model,
    columns,
    lagrangian,
    hooks: { shouldStop: () => false, onImproved: () => {} },
    ws: new Workspace(),
    fin,
    left: () => 60,
    halted: () => false,
    stop: () => undefined,
    statusOf: (code) => Object.keys(names).find((k) => names[k] === code) ?? `status ${code}`,
    counts: { pricingRounds: 0, milpRounds: 0, lpMs: 0, lpBound: null, blockMs: 0, proofSteps: 0 },
    incumbent: { values: null, objective: null, bound: null, found: null },
  }
}

/**
 * Prices a core of `m` (its first columns chosen by `choose`) on a fresh HiGHS
 * model and, when pricing reaches the LP optimum, runs `body` on it.
 */
function pricedCore(
  highs: Highs,
  m: CoreArrays,
  choose: (columns: CoreColumns) => void,
  body: (ctx: CoreContext) => void,
): void {
  const fin = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v)
  const lagrangian = new Lagrangian(m)
  const columns = new CoreColumns(m, lagrangian, undefined)
  choose(columns)
  const model = highs.createModel()
  try {
    passRows(highs, model, m, fin)
    model.options.set({ output_flag: false, presolve: 'off' })
    columns.pass(model, fin, false)
    const ctx = contextOf(highs, m, model, columns, lagrangian, fin)
    const priced = priceCore(ctx)
    if (endsRun(priced) || !priced.done) return
    body(ctx)
  } finally {
    model.dispose()
  }
}

/** A run's first core: the kept columns and every row's best helping ones. */
const firstCore = (columns: CoreColumns) => {
  columns.joinKept()
  columns.widen()
}

describe('Lagrangian', () => {
  it('bounds the whole model for any duals and any core, with or without the core’s own bound', () => {
    fc.assert(
      fc.property(smallModel, duals, subset, (m, y, bits) => {
        const optimum = bruteForce(m)
        const inCore = coreOf(m.colCost.length, bits)
        const lag = new Lagrangian(m)
        lag.y.set(y.slice(0, m.rowLower.length))
        lag.price(inCore)
        const plain = lag.wholeModelBound(null, inCore)
        if (optimum === null || plain === null) return
        expect(plain).toBeGreaterThanOrEqual(optimum - 1e-7)
        // The core's own optimum (left-out columns at 0) is a valid core bound: the sharper bound holds too.
        const coreBest = bruteForce(m, inCore)
        if (coreBest !== null) {
          const sharp = lag.wholeModelBound(coreBest, inCore)!
          expect(sharp).toBeGreaterThanOrEqual(optimum - 1e-7)
          expect(sharp).toBeLessThanOrEqual(plain + 1e-9)
        }
      }),
      { numRuns: 300 },
    )
  })

  it('keeps B equal to a fresh pricing as columns join and leave', () => {
    fc.assert(
      fc.property(smallModel, duals, subset, fc.array(fc.nat(9), { maxLength: 8 }), (m, y, bits, moves) => {
        const n = m.colCost.length
        const inCore = coreOf(n, bits)
        const lag = new Lagrangian(m)
        lag.y.set(y.slice(0, m.rowLower.length))
        lag.price(inCore)
        for (const j0 of moves) {
          const j = j0 % n
          lag.count(j, inCore[j] === 1 ? -1 : 1)
          inCore[j] = 1 - inCore[j]!
        }
        const fresh = new Lagrangian(m)
        fresh.y.set(y.slice(0, m.rowLower.length))
        fresh.price(inCore)
        expect(lag.bound).toBeCloseTo(fresh.bound, 9)
      }),
      { numRuns: 300 },
    )
  })
})

describe('Best', () => {
  it('keeps what sorting every offer (key high first, then column low) and taking k keeps; fewer than k in offer order', () => {
    fc.assert(
      fc.property(
        fc.nat(6),
        fc.array(fc.tuple(fc.nat(50), fc.integer({ min: -3, max: 3 })), { maxLength: 30 }),
        (k, offers) => {
          const best = new Best(k)
          best.clear()
          best.offer(99, 1)
          best.clear()
          for (const [j, key] of offers) best.offer(j, key / 2)
          const got = Array.from({ length: best.size }, (_, i) => best.column(i))
          const want =
            offers.length <= k
              ? offers.map(([j]) => j)
              : [...offers]
                  .sort((a, b) => b[1] - a[1] || a[0] - b[0])
                  .slice(0, k)
                  .map(([j]) => j)
          expect(got).toEqual(want)
        },
      ),
    )
  })
})

describe('CoreColumns', () => {
  let highs: Highs
  // ±∞ as HiGHS reads them.
  const fin = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v)
  beforeAll(async () => {
    highs = await highsLoader()
  })

  it('joins every row’s best helping columns, keeps order and membership in step, drops in order', () => {
    fc.assert(
      fc.property(smallModel, subset, (m, bits) => {
        const n = m.colCost.length
        const lag = new Lagrangian(m)
        const cols = new CoreColumns(m, lag, undefined)
        cols.widen()
        for (let r = 0; r < m.rowLower.length; r++) {
          const helping: number[] = []
          for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++)
            if (m.rowValue[e]! > 0) helping.push(m.rowIndex[e]!)
          helping.sort((a, b) => m.colCost[b]! - m.colCost[a]! || a - b)
          for (const j of helping.slice(0, 3)) expect(cols.inCore[j]).toBe(1)
        }
        for (let j = 0; j < n; j++) if (bits[j]) cols.join(j)
        expect(new Set(cols.order).size).toBe(cols.order.length)
        expect([...cols.order].sort((a, b) => a - b)).toEqual(
          [...Array(n).keys()].filter((j) => cols.inCore[j] === 1),
        )
        // Dropping through a model keeps the others in their order.
        const model = highs.createModel()
        try {
          passRows(highs, model, m, fin)
          cols.pass(model, fin, false)
          const before = [...cols.order]
          const odd = (j: number) => j % 2 === 1
          cols.drop(model, odd)
          expect(cols.order).toEqual(before.filter((j) => !odd(j)))
          expect(cols.passed).toBe(cols.order.length)
          for (const j of before) expect(cols.inCore[j]).toBe(odd(j) ? 0 : 1)
        } finally {
          model.dispose()
        }
      }),
      { numRuns: 100 },
    )
  })

  it('takes into the first core one more column than a row needs at its lower bound, when that is more than three', () => {
    // One row over ten binary columns with positive coefficients: reaching L takes at least
    // ⌈L / largest coefficient⌉ of them.
    const row = fc.record({
      coefficients: fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 10, maxLength: 10 }),
      lower: fc.integer({ min: 1, max: 20 }),
      costs: fc.array(fc.integer({ min: -20, max: 40 }), { minLength: 10, maxLength: 10 }),
    })
    fc.assert(
      fc.property(row, ({ coefficients, lower, costs }) => {
        const m = binaryModel(costs, {
          rowLower: [lower],
          rowUpper: [Infinity],
          rowStarts: [0, 10],
          rowIndex: [...Array(10).keys()],
          rowValue: coefficients,
        })
        const cols = new CoreColumns(m, new Lagrangian(m), undefined)
        cols.widen()
        const need = Math.ceil(lower / Math.max(...coefficients))
        const byCost = [...Array(10).keys()].sort((a, b) => costs[b]! - costs[a]! || a - b)
        const taken = need >= 3 ? Math.min(need + 1, 10) : 3
        expect([...cols.order].sort((a, b) => a - b)).toEqual(byCost.slice(0, taken).sort((a, b) => a - b))
      }),
      { numRuns: 200 },
    )
  })

  it('hands HiGHS the core’s columns as they are: the core MILP’s optimum is brute force’s on the core', () => {
    fc.assert(
      fc.property(smallModel, subset, (m, bits) => {
        const n = m.colCost.length
        const cols = new CoreColumns(m, new Lagrangian(m), undefined)
        // In an order of their own, over two passes, so that the gather and the offsets are exercised.
        const picked = [...Array(n).keys()].filter((j) => bits[j]).reverse()
        if (picked.length === 0) return
        const model = highs.createModel()
        try {
          passRows(highs, model, m, fin)
          model.options.set({ output_flag: false, mip_rel_gap: 0, mip_abs_gap: 1e-9 })
          const half = Math.ceil(picked.length / 2)
          for (const j of picked.slice(0, half)) cols.join(j)
          cols.pass(model, fin, true)
          for (const j of picked.slice(half)) cols.join(j)
          cols.pass(model, fin, true)
          const run = model.run()
          const expected = bruteForce(m, cols.inCore)
          const names = highs.constants.modelStatus as Readonly<Record<string, number>>
          if (expected === null) expect(run.modelStatus).toBe(names.infeasible)
          else {
            expect(run.modelStatus).toBe(names.optimal)
            expect(model.getObjectiveValue()).toBeCloseTo(expected, 6)
          }
        } finally {
          model.dispose()
        }
      }),
      { numRuns: 100 },
    )
  })
})

describe('gomoryCuts', () => {
  let highs: Highs
  beforeAll(async () => {
    highs = await highsLoader()
  })

  it('gives cuts that every integer solution of the whole model meets (brute force), from a priced core', () => {
    let cutsSeen = 0
    fc.assert(
      fc.property(smallModel, (m) => {
        // A core of some columns only (the rest priced in, or left out at 0), as a run starts.
        pricedCore(highs, m, firstCore, (ctx) => {
          const n = m.colCost.length
          const found = gomoryCuts(ctx)
          // A run's workspace, used before (here by the same round twice): the same cuts.
          const ws = new Workspace()
          gomoryCuts(ctx, ws)
          expect(gomoryCuts(ctx, ws)).toEqual(found)
          for (const cut of found) {
            cutsSeen++
            for (let mask = 0; mask < 1 << n; mask++) {
              if (!meetsRows(m, mask)) continue
              let lhs = 0
              for (let i = 0; i < cut.index.length; i++) if (mask & (1 << cut.index[i]!)) lhs += cut.value[i]!
              expect(lhs).toBeGreaterThanOrEqual(cut.lower - 1e-9)
            }
          }
        })
      }),
      { seed: 41, numRuns: 400 },
    )
    expect(cutsSeen).toBeGreaterThan(20)
  })
})

describe('withCuts', () => {
  const cutOf = (n: number) =>
    fc
      .array(fc.tuple(fc.nat(n - 1), fc.integer({ min: -5, max: 5 })), { minLength: 1, maxLength: 6 })
      .map((es): Cut => {
        const cols = [...new Set(es.map(([j]) => j))].sort((a, b) => a - b)
        return {
          index: Int32Array.from(cols),
          value: Float64Array.from(cols, (j) => es.find(([k]) => k === j)![1] || 1),
          lower: es.length,
        }
      })
  const rowsOf = (m: CoreArrays) =>
    Array.from({ length: m.rowLower.length }, (_, r) => ({
      lower: m.rowLower[r],
      upper: m.rowUpper[r],
      entries: [...m.rowIndex.subarray(m.rowStarts[r], m.rowStarts[r + 1])].map((j, e) => [
        j,
        m.rowValue[m.rowStarts[r]! + e],
      ]),
    }))
  const cutRows = (cuts: readonly Cut[]) =>
    cuts.map((c) => ({
      lower: c.lower,
      upper: Infinity,
      entries: [...c.index].map((j, i) => [j, c.value[i]]),
    }))

  it('appends rounds in place without changing any model given or returned before', () => {
    fc.assert(
      fc.property(
        smallModel.chain((m) =>
          fc.tuple(
            fc.constant(m),
            fc.array(fc.array(cutOf(m.colCost.length), { minLength: 1, maxLength: 4 }), {
              minLength: 3,
              maxLength: 3,
            }),
          ),
        ),
        ([m, [c1, c2, c3]]) => {
          const m0 = rowsOf(m)
          const a = withCuts(m, c1!)
          const a0 = rowsOf(a)
          const b = withCuts(a, c2!) // the newest: in place
          const c = withCuts(a, c3!) // no longer the newest: a copy
          const d = withCuts(b, c3!)
          expect(rowsOf(m)).toEqual(m0)
          expect(rowsOf(a)).toEqual(a0)
          expect(a0).toEqual([...m0, ...cutRows(c1!)])
          expect(rowsOf(b)).toEqual([...m0, ...cutRows(c1!), ...cutRows(c2!)])
          expect(rowsOf(c)).toEqual([...m0, ...cutRows(c1!), ...cutRows(c3!)])
          expect(rowsOf(d)).toEqual([...m0, ...cutRows(c1!), ...cutRows(c2!), ...cutRows(c3!)])
        },
      ),
      { seed: 5, numRuns: 200 },
    )
  })
})

describe('blockGaps', () => {
  let highs: Highs
  beforeAll(async () => {
    highs = await highsLoader()
  })

  /** `smallModel` with some rows marked linking (any marking is valid) and the marking's length cut short. */
  const linkedModel = fc
    .tuple(smallModel, fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }), fc.nat(5))
    .map(([m, marks, keep]): CoreArrays => ({
      ...m,
      linkingRows: Uint8Array.from(marks.slice(0, Math.min(keep, m.rowLower.length)), (b) => (b ? 1 : 0)),
    }))

  /**
   * Blocks of 3 columns, each with a row `2·Σx ≤ 3` that its LP meets at 1.5 (a gap the LP does not
   * see) and maybe a second row, tied by packing rows `Σx ≤ 1` over columns of any block, marked
   * linking.
   */
  const blockyModel = fc
    .record({
      blocks: fc.integer({ min: 2, max: 3 }),
      costs: fc.array(fc.integer({ min: -5, max: 30 }), { minLength: 9, maxLength: 9 }),
      links: fc.array(fc.array(fc.nat(8), { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 3 }),
      // A second row of each block, `Σ a·x ≤ upper` (or none): its optimum may need a column the LP left out.
      extra: fc.array(
        fc.option(
          fc.record({
            a: fc.array(fc.integer({ min: -2, max: 3 }), { minLength: 3, maxLength: 3 }),
            upper: fc.integer({ min: 0, max: 3 }),
          }),
          { nil: undefined },
        ),
        { minLength: 3, maxLength: 3 },
      ),
    })
    .map(({ blocks, costs, links, extra }): CoreArrays => {
      const n = blocks * 3
      const rowStarts = [0]
      const rowIndex: number[] = []
      const rowValue: number[] = []
      const rowUpper: number[] = []
      const linkingRows: number[] = []
      for (let b = 0; b < blocks; b++) {
        rowIndex.push(3 * b, 3 * b + 1, 3 * b + 2)
        rowValue.push(2, 2, 2)
        rowStarts.push(rowIndex.length)
        rowUpper.push(3)
        linkingRows.push(0)
        const second = extra[b]
        if (second === undefined) continue
        for (let k = 0; k < 3; k++)
          if (second.a[k] !== 0) {
            rowIndex.push(3 * b + k)
            rowValue.push(second.a[k]!)
          }
        rowStarts.push(rowIndex.length)
        rowUpper.push(second.upper)
        linkingRows.push(0)
      }
      for (const l of links) {
        const cols = [...new Set(l.map((j) => j % n))].sort((a, b) => a - b)
        rowIndex.push(...cols)
        rowValue.push(...cols.map(() => 1))
        rowStarts.push(rowIndex.length)
        rowUpper.push(1)
        linkingRows.push(1)
      }
      const rowLower = rowUpper.map(() => -Infinity)
      return {
        ...binaryModel(costs.slice(0, n), { rowLower, rowUpper, rowStarts, rowIndex, rowValue }),
        linkingRows: Uint8Array.from(linkingRows),
      }
    })

  it('bounds every solution by B − G, and one using a left-out column j by B + reach_j (brute force)', () => {
    let gapsSeen = 0
    fc.assert(
      fc.property(
        fc.oneof(linkedModel, blockyModel),
        subset,
        fc.boolean(),
        subset,
        (m, bits, withKnown, leave) => {
          const part = partition(m)
          if (part === null) return
          const n = m.colCost.length
          pricedCore(
            highs,
            m,
            (columns) => {
              for (let j = 0; j < n; j++) if (bits[j]) columns.join(j)
              columns.joinKept()
            },
            (ctx) => {
              const { lagrangian, columns, model } = ctx
              const fractional = fractionalBlocks(m, part, columns.order, model.getSolution().colValue)
              // A known solution (the best one, or none): only how small the blocks' MILPs are depends on it.
              let known: Float64Array | null = null
              if (withKnown)
                for (let mask = 0; mask < 1 << n; mask++)
                  if (meetsRows(m, mask)) {
                    known = Float64Array.from({ length: n }, (_, j) => ((mask >> j) & 1 ? 1 : 0))
                    break
                  }
              const gaps = blockGaps(ctx, part, fractional, known)
              if (gaps.total > 0) gapsSeen++
              lagrangian.useBlocks(part.ofCol, gaps.gap, gaps.total)
              // Then the core changes, as a warm MILP core's does: some columns leave (any reduced cost).
              columns.drop(model, (j) => leave[j] === true)
              const whole = lagrangian.wholeModelBound(null, columns.inCore)
              const positive = lagrangian.outside(columns.inCore).positive
              for (let mask = 0; mask < 1 << n; mask++) {
                if (!meetsRows(m, mask)) continue
                let v = 0
                for (let j = 0; j < n; j++) if (mask & (1 << j)) v += m.colCost[j]!
                expect(v).toBeLessThanOrEqual(whole! + 1e-6)
                for (let j = 0; j < n; j++)
                  if (mask & (1 << j) && columns.inCore[j] === 0)
                    // What the other left-out columns could add (the proof takes them at d ≤ 0).
                    expect(v).toBeLessThanOrEqual(
                      lagrangian.bound +
                        lagrangian.reach(j) +
                        positive -
                        Math.max(0, lagrangian.d[j]!) +
                        1e-6,
                    )
              }
            },
          )
        },
      ),
      { seed: 43, numRuns: 1500 },
    )
    // Blocks whose integrality the LP does not see, so that the bounds above are tighter than the LP's.
    expect(gapsSeen).toBeGreaterThan(10)
  })

  it('keeps the unit packing rows whole: a bound above every solution and below the plain one, for any duals', () => {
    let tighter = 0
    fc.assert(
      fc.property(
        blockyModel,
        fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 12, maxLength: 12 }),
        subset,
        (m, y, bits) => {
          const { optimum, inCore, lag, plain } = pricedWith(m, y, bits)
          const packed = lag.packedBound()
          if (packed === null || optimum === null || !Number.isFinite(plain)) return
          expect(packed).toBeGreaterThanOrEqual(optimum - 1e-7)
          expect(packed).toBeLessThanOrEqual(plain + 1e-7)
          // The whole-model bound holds, and takes the lesser while left-out columns loosen the plain one.
          const whole = lag.wholeModelBound(null, inCore)!
          expect(whole).toBeGreaterThanOrEqual(optimum - 1e-7)
          expect(whole).toBeLessThanOrEqual(plain + 1e-9)
          if (plain - lag.bound > 1e-3 * Math.max(1, Math.abs(lag.bound)))
            expect(whole).toBeLessThanOrEqual(packed + 1e-9)
          if (packed < plain - 1e-7) tighter++
        },
      ),
      { seed: 46, numRuns: 400 },
    )
    expect(tighter).toBeGreaterThan(20)
  })

  /**
   * Posts × cadres with a vacancy per post: each post's row takes exactly one
   * column (not a linking row), each cadre's at most one (a linking row), and
   * a side row over a few columns.
   */
  const assignmentModel = fc
    .record({
      posts: fc.integer({ min: 1, max: 3 }),
      cadres: fc.integer({ min: 1, max: 3 }),
      costs: fc.array(fc.integer({ min: -5, max: 30 }), { minLength: 12, maxLength: 12 }),
      side: fc.array(fc.tuple(fc.nat(11), fc.integer({ min: -1, max: 2 })), { minLength: 1, maxLength: 4 }),
      sideUpper: fc.integer({ min: 0, max: 2 }),
    })
    .map(({ posts, cadres, costs, side, sideUpper }): CoreArrays => {
      // Column p·cadres + c: cadre c in post p; then one vacancy per post.
      const pairs = posts * cadres
      const n = pairs + posts
      const rowStarts = [0]
      const rowIndex: number[] = []
      const rowValue: number[] = []
      const rowLower: number[] = []
      const rowUpper: number[] = []
      const linkingRows: number[] = []
      const row = (
        cols: readonly number[],
        values: readonly number[],
        lower: number,
        upper: number,
        link: number,
      ) => {
        rowIndex.push(...cols)
        rowValue.push(...values)
        rowStarts.push(rowIndex.length)
        rowLower.push(lower)
        rowUpper.push(upper)
        linkingRows.push(link)
      }
      for (let p = 0; p < posts; p++) {
        const cols = [...Array(cadres).keys()].map((c) => p * cadres + c).concat(pairs + p)
        row(
          cols,
          cols.map(() => 1),
          1,
          1,
          0,
        )
      }
      for (let c = 0; c < cadres; c++) {
        const cols = [...Array(posts).keys()].map((p) => p * cadres + c)
        row(
          cols,
          cols.map(() => 1),
          -Infinity,
          1,
          1,
        )
      }
      const entries = new Map<number, number>()
      for (const [j, a] of side) if (a !== 0) entries.set(j % n, a)
      const cols = [...entries.keys()].sort((a, b) => a - b)
      if (cols.length > 0)
        row(
          cols,
          cols.map((j) => entries.get(j)!),
          -Infinity,
          sideUpper,
          0,
        )
      return {
        ...binaryModel(costs.slice(0, n), { rowLower, rowUpper, rowStarts, rowIndex, rowValue }),
        linkingRows: Uint8Array.from(linkingRows),
      }
    })

  it('keeps a post’s row (one holder or its vacancy) whole too, and both at once (an assignment of posts to cadres): each above every solution, each below the looser (brute force)', () => {
    const seen = { packed: 0, solved: 0, assigned: 0 }
    fc.assert(
      fc.property(
        assignmentModel,
        fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 7, maxLength: 7 }),
        subset,
        (m, y, bits) => {
          const { optimum, inCore, lag, plain } = pricedWith(m, y, bits)
          const packed = lag.packedBound()
          if (optimum === null || !Number.isFinite(plain)) return
          // Every row's term is finite: so is the bound with the post rows kept.
          expect(packed).not.toBeNull()
          expect(packed!).toBeGreaterThanOrEqual(optimum - 1e-7)
          expect(packed!).toBeLessThanOrEqual(plain + 1e-7)
          if (packed! < plain - 1e-7) seen.packed++
          const both = lag.assignmentBound()
          if (both === null) return
          seen.solved++
          expect(both).toBeGreaterThanOrEqual(optimum - 1e-7)
          expect(both).toBeLessThanOrEqual(packed! + 1e-7)
          if (both < packed! - 1e-7) seen.assigned++
          // Solved once for these duals, then part of the whole-model bound.
          expect(lag.wholeModelBound(null, inCore)!).toBeLessThanOrEqual(both + 1e-9)
        },
      ),
      { seed: 47, numRuns: 400 },
    )
    expect(seen.packed).toBeGreaterThan(100)
    expect(seen.solved).toBeGreaterThan(100)
    expect(seen.assigned).toBeGreaterThan(20)
  })

  it('splits a model at its linking rows only: rows a column shares are in one block', () => {
    fc.assert(
      fc.property(linkedModel, (m) => {
        const part = partition(m)
        if (part === null) return
        const linking = m.linkingRows!
        for (let r = 0; r < m.rowLower.length; r++) {
          const isLinking = r >= linking.length || linking[r] === 1
          expect(part.ofRow[r]! < 0).toBe(isLinking)
          for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++)
            if (!isLinking) expect(part.ofCol[m.rowIndex[e]!]).toBe(part.ofRow[r])
        }
        expect(new Set([...part.ofRow].filter((b) => b >= 0)).size).toBe(part.count)
        // Each block's rows, ascending, are those the partition gives it.
        for (let b = 0; b < part.count; b++)
          expect([...part.rows.subarray(part.rowStart[b], part.rowStart[b + 1])]).toEqual(
            [...part.ofRow.keys()].filter((r) => part.ofRow[r] === b),
          )
      }),
      { seed: 44, numRuns: 300 },
    )
  })
})

describe('completeLpPoint', () => {
  let highs: Highs
  beforeAll(async () => {
    highs = await highsLoader()
  })

  it('completes the priced LP point into a solution of the whole model; one at the LP bound is optimal (brute force)', () => {
    let completed = 0
    let atBound = 0
    fc.assert(
      fc.property(smallModel, (m) => {
        pricedCore(highs, m, firstCore, (ctx) => {
          const n = m.colCost.length
          const x = ctx.model.getSolution().colValue
          const integral = x.every((v) => Math.abs(v - Math.round(v)) <= 1e-9)
          const point = completeLpPoint(ctx, Float64Array.from(x))
          // An integral LP point is its own completion.
          if (integral) expect(point).not.toBeNull()
          if (point === null) return
          completed++
          let mask = 0
          let value = 0
          for (let j = 0; j < n; j++) {
            const v = point.values[j]!
            expect(v === 0 || v === 1).toBe(true)
            if (v === 1) {
              mask |= 1 << j
              value += m.colCost[j]!
            }
          }
          expect(meetsRows(m, mask)).toBe(true)
          expect(point.objective).toBeCloseTo(value, 9)
          const best = bruteForce(m)!
          expect(point.objective).toBeLessThanOrEqual(best + 1e-9)
          // The bound of the priced LP holds for the whole model: a point reaching it is optimal.
          if (point.objective >= ctx.lagrangian.bound - 1e-7) {
            atBound++
            expect(point.objective).toBeCloseTo(best, 6)
          }
        })
      }),
      { seed: 7, numRuns: 400 },
    )
    expect(completed).toBeGreaterThan(100)
    expect(atBound).toBeGreaterThan(50)
  })
})

/** The 0/1 point `values` as a bit mask, and its objective; null when some value is not 0 or 1. */
function maskOf(m: CoreArrays, values: Float64Array): { mask: number; value: number } | null {
  let mask = 0
  let value = 0
  for (let j = 0; j < m.colCost.length; j++) {
    const v = values[j]!
    if (v !== 0 && v !== 1) return null
    if (v === 1) {
      mask |= 1 << j
      value += m.colCost[j]!
    }
  }
  return { mask, value }
}

describe('priceCore stopped short', () => {
  let highs: Highs
  beforeAll(async () => {
    highs = await highsLoader()
  })

  it('starts no LP it cannot expect to finish: it leaves the last LP optimum, whose completions are solutions of the whole model', () => {
    let stopped = 0
    let completed = 0
    let onlyNonzero = 0
    fc.assert(
      fc.property(smallModel, (m) => {
        const fin = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v)
        const lagrangian = new Lagrangian(m)
        const columns = new CoreColumns(m, lagrangian, undefined)
        // A first core of every other column, that pricing has columns to add.
        for (let j = 0; j < m.colCost.length; j += 2) columns.join(j)
        const model = highs.createModel()
        try {
          passRows(highs, model, m, fin)
          model.options.set({ output_flag: false, presolve: 'off' })
          columns.pass(model, fin, false)
          // A clock that runs out once the first LP is solved: no second LP can be expected to finish.
          let lps = 0
          const ctx: CoreContext = {
            ...contextOf(highs, m, model, columns, lagrangian, fin),
            left: () => (lps++ === 0 ? 60 : 0),
          }
          const firstCoreSize = columns.order.length
          const priced = priceCore(ctx)
          if (endsRun(priced) || priced.done || priced.point === null) return
          stopped++
          const point: Priced['point'] & object = priced.point
          // The first LP's optimum: the first core's values, every row met with the rest at 0.
          expect(point.length).toBe(firstCoreSize)
          expect(ctx.counts.pricingRounds).toBe(1)
          const x = new Float64Array(m.colCost.length)
          point.forEach((v, k) => (x[columns.order[k]!] = v))
          for (let r = 0; r < m.rowLower.length; r++) {
            let a = 0
            for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++)
              a += m.rowValue[e]! * x[m.rowIndex[e]!]!
            expect(a).toBeGreaterThanOrEqual(m.rowLower[r]! - 1e-7)
            expect(a).toBeLessThanOrEqual(m.rowUpper[r]! + 1e-7)
          }
          const timed: CoreContext = { ...ctx, left: () => 60 }
          const best = bruteForce(m)
          const integral = completeLpPoint(timed, point)
          const nonzero = completeLpPoint(timed, point, 'nonzero')
          for (const c of [integral, nonzero]) {
            if (c === null) continue
            const got = maskOf(m, c.values)
            expect(got).not.toBeNull()
            expect(meetsRows(m, got!.mask)).toBe(true)
            expect(c.objective).toBeCloseTo(got!.value, 9)
            expect(c.objective).toBeLessThanOrEqual(best! + 1e-9)
          }
          // 'nonzero' frees a superset of the columns: it completes whatever 'integral' does, as well or better.
          if (integral !== null) {
            completed++
            expect(nonzero).not.toBeNull()
            expect(nonzero!.objective).toBeGreaterThanOrEqual(integral.objective - 1e-9)
          } else if (nonzero !== null) onlyNonzero++
        } finally {
          model.dispose()
        }
      }),
      { seed: 18, numRuns: 400 },
    )
    expect(stopped).toBeGreaterThan(80)
    expect(completed).toBeGreaterThan(60)
    // Some points only 'nonzero' completes (4 with this seed).
    expect(onlyNonzero).toBeGreaterThan(0)
  })
})

describe('limitNextRun', () => {
  it('gives the next run on a model the time left, not that less the time of the runs before', async () => {
    const highs = await highsLoader()
    // An assignment LP of 100 × 100, solved from the slack basis each time.
    const n = 100
    const starts = [0]
    const index: number[] = []
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) index.push(i * n + j)
      starts.push(index.length)
    }
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) index.push(i * n + j)
      starts.push(index.length)
    }
    const model = highs.createModel()
    try {
      model.passModel({
        numCols: n * n,
        numRows: 2 * n,
        sense: highs.constants.objectiveSense.maximize,
        colCost: Float64Array.from({ length: n * n }, (_, k) => ((k * 7919) % 1000) / 7),
        colLower: new Float64Array(n * n),
        colUpper: new Float64Array(n * n).fill(1),
        rowLower: new Float64Array(2 * n).fill(-highs.infinity),
        rowUpper: new Float64Array(2 * n).fill(1),
        matrix: {
          format: 'csr',
          numRows: 2 * n,
          numCols: n * n,
          starts: Int32Array.from(starts),
          indices: Int32Array.from(index),
          values: new Float64Array(index.length).fill(1),
        },
      })
      model.options.set({ output_flag: false, presolve: 'off' })
      const status = highs.constants.modelStatus
      // Warm-up solves first: the first solves of a fresh process run slower (WebAssembly tiers up).
      for (let k = 0; k < 3; k++) {
        model.zeroAllClocks()
        model.setLogicalBasis()
        expect(model.run().modelStatus).toBe(status.optimal)
      }
      // Ten solves: the model's clocks now hold their total.
      model.zeroAllClocks()
      for (let k = 0; k < 10; k++) {
        model.setLogicalBasis()
        model.run()
      }
      // The time left: below the clocks' total, and still eight solves' time on average, so that
      // one solve slowed by the machine (another test's process beside it) still fits: with three
      // solves and 0.9 of their time, a fourth slowed past 2.7 of them failed once on CI.
      const left = 0.8 * model.getRunTime()
      const ctx = { model, left: () => left } as unknown as CoreContext
      // HiGHS's own reading: a limit below the time its clocks hold stops the fourth solve at once.
      model.setLogicalBasis()
      model.options.set({ time_limit: left })
      expect(model.run().modelStatus).toBe(status.timeLimit)
      // Given the time left by limitNextRun, the same solve finishes.
      model.setLogicalBasis()
      limitNextRun(ctx)
      expect(model.run().modelStatus).toBe(status.optimal)
    } finally {
      model.dispose()
    }
  })
})

describe('CoreColumns.within', () => {
  let highs: Highs
  const fin = (v: number) => (v === Infinity ? highs.infinity : v === -Infinity ? -highs.infinity : v)
  beforeAll(async () => {
    highs = await highsLoader()
  })

  it('holds the kept columns and those within γ of the bound, the core’s first and the nearest, within `most`', () => {
    fc.assert(
      fc.property(
        smallModel,
        duals,
        subset,
        fc.double({ min: 0, max: 40, noNaN: true }),
        fc.integer({ min: 0, max: 12 }),
        (m, y, bits, gamma, most) => {
          const n = m.colCost.length
          const lag = new Lagrangian(m)
          const cols = new CoreColumns(m, lag, undefined)
          for (let j = 0; j < n; j++) if (bits[j]) cols.join(j)
          lag.y.set(y.slice(0, m.rowLower.length))
          lag.price(cols.inCore)
          const before = Uint8Array.from(cols.inCore)
          const reach = Array.from({ length: n }, (_, j) => lag.reach(j))
          const model = highs.createModel()
          try {
            passRows(highs, model, m, fin)
            cols.pass(model, fin, false)
            cols.within(model, fin, gamma, most)
            expect(cols.passed).toBe(cols.order.length)
          } finally {
            model.dispose()
          }
          const kept = [...Array(n).keys()].filter((j) => cols.kept(j) && before[j] === 1)
          const near = [...Array(n).keys()].filter((j) => !cols.kept(j) && reach[j]! >= -gamma)
          const inside = near.filter((j) => before[j] === 1)
          const outside = near.filter((j) => before[j] === 0)
          const room = Math.max(0, most - kept.length)
          const want = Math.min(near.length, room)
          expect(cols.order.length).toBe(kept.length + want)
          for (const j of kept) expect(cols.inCore[j]).toBe(1)
          for (let j = 0; j < n; j++)
            if (cols.inCore[j] === 1) expect(kept.includes(j) || near.includes(j)).toBe(true)
          // The core's own first, then the nearest.
          const taken = (list: number[]) => list.filter((j) => cols.inCore[j] === 1).length
          expect(taken(inside)).toBe(Math.min(inside.length, room))
          expect(taken(outside)).toBe(Math.min(outside.length, Math.max(0, room - inside.length)))
          for (const list of [inside, outside])
            for (const a of list)
              for (const b of list)
                if (cols.inCore[a] === 1 && cols.inCore[b] === 0)
                  expect(reach[a]!).toBeGreaterThanOrEqual(reach[b]!)
        },
      ),
      { numRuns: 200 },
    )
  })
})

describe('stepGamma', () => {
  it('doubles the threshold until half the core (or every wanted column) is within it, never past B − z, and keeps exactly those', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -50, max: 0, noNaN: true }), { minLength: 1, maxLength: 60 }),
        fc.oneof(fc.double({ min: 0, max: 20, noNaN: true }), fc.constant(1e-9)),
        fc.double({ min: 0, max: 60, noNaN: true }),
        fc.integer({ min: 0, max: 100 }),
        (reaches, gamma, extra, size) => {
          // The wanted columns: those a solution above z = B − most could use (reach > −most).
          const most = Math.max(...reaches.map((r) => -r)) + extra + 1e-6
          const wanted = reaches.map((_, j) => j)
          const g = stepGamma(gamma, most, size, wanted, (j) => reaches[j]!)
          const within = (t: number) => reaches.filter((r) => r >= -t).length
          const least = Math.max(1, Math.ceil(size / 2))
          const from = Math.max(gamma, 1e-7)
          if (from >= most) {
            // Already past B − z: the threshold as it was, every wanted column joins.
            expect(g).toBe(from)
            expect(wanted.length).toBe(reaches.length)
            return
          }
          expect(g).toBeGreaterThan(from)
          expect(g).toBeLessThanOrEqual(most)
          // The least doubling that brings in enough, or B − z.
          if (g < most) expect(within(g)).toBeGreaterThanOrEqual(least)
          if (g / 2 > from) expect(within(g / 2)).toBeLessThan(least)
          const kept = reaches.flatMap((r, j) => (r >= -g ? [j] : []))
          expect(wanted).toEqual(kept.length > 0 ? kept : reaches.map((_, j) => j))
          expect(wanted.length).toBeGreaterThan(0)
        },
      ),
      { numRuns: 300 },
    )
  })

  it('lets every wanted column join when none has a reach within any threshold (NaN), or when B − z is not finite', () => {
    const all = () => [0, 1, 2]
    let wanted = all()
    stepGamma(1, 8, 10, wanted, () => NaN)
    expect(wanted).toEqual(all())
    wanted = all()
    // Two NaN reaches and one finite one: the finite one is within, alone.
    stepGamma(1, 8, 2, wanted, (j) => (j === 1 ? -3 : NaN))
    expect(wanted).toEqual([1])
    for (const most of [Infinity, NaN]) {
      wanted = all()
      expect(stepGamma(1, most, 2, wanted, (j) => -j)).toBe(1)
      expect(wanted).toEqual(all())
    }
  })
})
