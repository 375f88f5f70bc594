/**
 * `pairReach` on random small scenarios (test/arbitraries.ts): every activity
 * a row takes when each open post holds at most one of its columns and each
 * cadre at most one post (locked pairs held, other columns anywhere within
 * their bounds) lies within the reach, and the reach is never wider than
 * summing every column alone (`activityRange`).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { activityRange, formulate } from '../../src/model/index.js'
import { pairReach } from '../../src/model/reach.js'
import { smallScenario } from '../arbitraries.js'

describe('pairReach', () => {
  it('holds every activity a one-to-one choice gives, within activityRange', () => {
    fc.assert(
      fc.property(
        smallScenario(),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 64, maxLength: 64 }),
        (s, draws) => {
          const model = formulate(s)
          const m = model.milp
          const reach = pairReach(model)
          const rows = m.rowLower.length
          const ranges = Array.from({ length: rows }, (_, r) => reach(m, r))
          for (let r = 0; r < rows; r++) {
            const loose = activityRange(m, r)
            expect(ranges[r]!.least).toBeGreaterThanOrEqual(loose.least - 1e-9)
            expect(ranges[r]!.most).toBeLessThanOrEqual(loose.most + 1e-9)
          }
          const n = m.colCost.length
          const owned = new Uint8Array(n)
          const byPost = new Map<number, number[]>()
          for (let k = 0; k < model.eligibility.size; k++) {
            const j = model.pairCol[k]!
            if (j < 0) continue
            owned[j] = 1
            const p = model.eligibility.post[k]!
            byPost.set(p, [...(byPost.get(p) ?? []), j])
          }
          model.vacancyCol.forEach((j, p) => {
            if (j < 0) return
            owned[j] = 1
            byPost.set(p, [...(byPost.get(p) ?? []), j])
          })
          const cadreOf = new Int32Array(n).fill(-1)
          for (let k = 0; k < model.eligibility.size; k++)
            if (model.pairCol[k]! >= 0) cadreOf[model.pairCol[k]!] = model.eligibility.cadre[k]!
          let d = 0
          const draw = () => draws[d++ % draws.length]!
          for (let trial = 0; trial < 8; trial++) {
            const x = new Float64Array(n)
            for (let j = 0; j < n; j++) {
              if (owned[j] === 1) continue
              const lo = m.colLower[j]!
              const hi = Math.min(m.colUpper[j]!, lo + 3)
              x[j] = m.integer[j] === 1 ? Math.round(lo + (hi - lo) * draw()) : lo + (hi - lo) * draw()
              x[j] = Math.min(Math.max(x[j]!, lo), hi)
            }
            const used = new Set<number>()
            let held = true
            for (const [, cols] of [...byPost].sort((a, b) => a[0] - b[0])) {
              const locked = cols.filter((j) => m.colLower[j]! > 0)
              const open = cols.filter((j) => m.colUpper[j]! > 0 && !used.has(cadreOf[j]!))
              const pick =
                locked.length > 0
                  ? locked
                  : draw() < 0.3 || open.length === 0
                    ? []
                    : [open[Math.floor(draw() * open.length)]!]
              for (const j of pick) {
                if (cadreOf[j]! >= 0 && used.has(cadreOf[j]!)) held = false
                if (cadreOf[j]! >= 0) used.add(cadreOf[j]!)
                x[j] = 1
              }
            }
            if (!held) continue
            for (let r = 0; r < rows; r++) {
              let act = 0
              for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++)
                act += m.rowValue[e]! * x[m.rowIndex[e]!]!
              expect(act).toBeGreaterThanOrEqual(ranges[r]!.least - 1e-6)
              expect(act).toBeLessThanOrEqual(ranges[r]!.most + 1e-6)
            }
          }
        },
      ),
      { seed: 42, numRuns: 150 },
    )
  })
})
