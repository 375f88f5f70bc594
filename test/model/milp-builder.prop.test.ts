/**
 * MilpBuilder: a built model is a snapshot. The builder may go on (columns,
 * rows, bounds changed) and build again; no model built before changes, and
 * each equals a model built afresh from the same steps — whether the
 * storage is shared memory (built arrays are views of it) or not.
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { MilpBuilder, type Milp } from '../../src/model/index.js'
import { entryLease } from '../../src/model/milp.js'
import { ENTRIES_PER_PAIR, formulate } from '../../src/model/formulate.js'
import { generateScenario } from '../../src/sample/index.js'

type Step =
  | { readonly op: 'column'; readonly cost: number; readonly integer: boolean }
  | { readonly op: 'columns'; readonly costs: readonly number[] }
  | { readonly op: 'row'; readonly cols: readonly number[]; readonly coef: number; readonly upper: number }
  | { readonly op: 'lower' | 'upper'; readonly col: number; readonly value: number }
  | { readonly op: 'reserve'; readonly rows: number; readonly entries: number; readonly columns: number }
  | { readonly op: 'build' }

const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constant('column' as const),
    cost: fc.integer({ min: -9, max: 9 }),
    integer: fc.boolean(),
  }),
  fc.record({
    op: fc.constant('columns' as const),
    costs: fc.array(fc.integer({ min: -9, max: 9 }), { maxLength: 40 }),
  }),
  fc.record({
    op: fc.constant('row' as const),
    cols: fc.array(fc.nat(200), { maxLength: 30 }),
    coef: fc.integer({ min: -3, max: 3 }),
    upper: fc.integer({ min: 0, max: 5 }),
  }),
  fc.record({
    op: fc.constantFrom('lower' as const, 'upper' as const),
    col: fc.nat(200),
    value: fc.integer({ min: 0, max: 1 }),
  }),
  fc.record({
    op: fc.constant('reserve' as const),
    rows: fc.nat(50),
    entries: fc.nat(500),
    columns: fc.nat(300),
  }),
  fc.constant({ op: 'build' as const }),
)

/** Runs `steps` on a fresh builder; the models built along the way, and the last one. */
function run(steps: readonly Step[]): { builds: Milp[]; last: Milp } {
  const b = new MilpBuilder()
  const builds: Milp[] = []
  for (const s of steps) {
    const n = b.columns
    switch (s.op) {
      case 'column':
        b.addColumn(`c${n}`, s.cost, 0, 1, s.integer)
        break
      case 'columns':
        b.addColumns(s.costs.length, (i) => `d${n + i}`, s.costs, 0, 1, true)
        break
      case 'row':
        if (n > 0)
          b.addRow(
            `r`,
            s.cols.map((c) => c % n),
            s.coef,
            -Infinity,
            s.upper,
          )
        break
      case 'lower':
        if (n > 0) b.setLower(s.col % n, s.value)
        break
      case 'upper':
        if (n > 0) b.setUpper(s.col % n, s.value)
        break
      case 'reserve':
        b.reserve(s.rows, s.entries)
        b.reserveColumns(s.columns)
        break
      case 'build':
        builds.push(b.build())
    }
  }
  return { builds, last: b.build() }
}

/** The model's data as plain arrays. */
const plain = (m: Milp) => ({
  colNames: [...m.colNames],
  colCost: [...m.colCost],
  colLower: [...m.colLower],
  colUpper: [...m.colUpper],
  integer: [...m.integer],
  rowNames: [...m.rowNames],
  rowLower: [...m.rowLower],
  rowUpper: [...m.rowUpper],
  rowStarts: [...m.rowStarts],
  rowIndex: [...m.rowIndex],
  rowValue: [...m.rowValue],
})

describe('MilpBuilder', () => {
  it('leaves every model it built unchanged as it goes on, each equal to a fresh build of its steps', () => {
    fc.assert(
      fc.property(fc.array(step, { maxLength: 40 }), (steps) => {
        const { builds } = run(steps)
        // Snapshots taken at the end (after every later step) against fresh builds of each prefix.
        let k = 0
        steps.forEach((s, i) => {
          if (s.op !== 'build') return
          const fresh = run(steps.slice(0, i)).last
          expect(plain(builds[k]!)).toEqual(plain(fresh))
          k++
        })
      }),
      { seed: 7, numRuns: 300 },
    )
  })
})

describe('entryLease', () => {
  it('is one lease word per storage of a builder’s entries, and none for a model made by hand', () => {
    const b = new MilpBuilder()
    b.addColumn('x', 1, 0, 1, true)
    b.addRow('r', [0], 1, -Infinity, 1)
    const m1 = b.build()
    const m2 = b.build()
    const lease = entryLease(m1)
    expect(lease).not.toBeNull()
    expect(lease![0]).toBe(0)
    // Built again from the same storage: the same lease (one run at a time writes past the entries).
    expect(entryLease(m2)).toBe(lease)
    // A row more copies the entries to storage of their own (the built models never change): a new lease.
    b.addRow('s', [0], 1, -Infinity, 1)
    const m3 = b.build()
    expect(entryLease(m3)).not.toBe(lease)
    // Entries paired with another model's values, or arrays copied by hand: no lease.
    expect(entryLease({ rowIndex: m1.rowIndex, rowValue: m3.rowValue })).toBeNull()
    expect(entryLease({ rowIndex: m1.rowIndex.slice(), rowValue: m1.rowValue.slice() })).toBeNull()
  })
})

describe('formulate’s room for entries', () => {
  it('holds every entry of generated counties from 30 % of the posts open to a general election: no copy while building', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 150, max: 400 }),
        fc.constantFrom(0.3, 0.6, 1),
        (seed, cadres, openShare) => {
          const scenario = generateScenario({ seed, cadres, openShare })
          const { milp, eligibility } = formulate(scenario)
          const open = scenario.openPosts.length
          // The storage is the first reservation itself: it never grew.
          expect(milp.rowIndex.buffer.byteLength / Int32Array.BYTES_PER_ELEMENT).toBe(
            ENTRIES_PER_PAIR * eligibility.size + 2 * open + 65536,
          )
          // Within the reserve per pair alone (not only thanks to the constant room of small models).
          expect(milp.rowIndex.length).toBeLessThanOrEqual(ENTRIES_PER_PAIR * eligibility.size + 2 * open)
        },
      ),
      { seed: 11, numRuns: 12 },
    )
  })
})
