import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { validateProposal } from '../../src/check/index.js'
import { entryLease, MilpBuilder } from '../../src/model/milp.js'
import type { Milp } from '../../src/model/milp.js'
import { editMilp, formulate } from '../../src/model/index.js'
import { solveModel } from '../../src/proposals/index.js'
import { generateScenario } from '../../src/sample/index.js'
import highsLoader from 'highs'
import { runCore } from '../../src/solvers/core-run.js'
import type { CoreArrays } from '../../src/solvers/core-run.js'
import { runHighs } from '../../src/solvers/highs-run.js'
import { highsSolver, pricableColumns } from '../../src/solvers/highs.js'
import type { ProgressEvent } from '../../src/solvers/solver.js'
import { smallScenario } from '../arbitraries.js'

/**
 * A random assignment-like MILP: jobs to agents with ≤ 1 job per agent, each
 * job filled or left at a penalty, and covering rows ("at least k of these
 * columns") and packing rows ("at most k") over random subsets — the shape of
 * a staffing model, small enough for the direct solve to be the oracle. The
 * agents' rows are marked linking, so the runs' proofs use the blocks' gaps.
 */
const randomMilp = fc
  .record({
    agents: fc.integer({ min: 6, max: 80 }),
    jobs: fc.integer({ min: 2, max: 16 }),
    density: fc.double({ min: 0.3, max: 1, noNaN: true }),
    penalty: fc.integer({ min: 0, max: 50 }),
    seeds: fc.array(fc.integer({ min: 0, max: 2 ** 30 }), { minLength: 1200, maxLength: 1200 }),
    covers: fc.integer({ min: 0, max: 3 }),
    packs: fc.integer({ min: 0, max: 3 }),
    vacancy: fc.boolean(),
  })
  .map(({ agents, jobs, density, penalty, seeds, covers, packs, vacancy }): Milp => {
    let at = 0
    const next = () => (seeds[at++ % seeds.length]! % 10_000) / 10_000
    const b = new MilpBuilder()
    // Jobs differ in value, so every agent's best columns crowd into the same few jobs and the
    // core's first LP needs columns priced in.
    const worth = Array.from({ length: jobs }, () => next() * 80)
    const cols: number[] = []
    const byJob: number[][] = Array.from({ length: jobs }, () => [])
    const byAgent: number[][] = Array.from({ length: agents }, () => [])
    for (let i = 0; i < agents; i++)
      for (let j = 0; j < jobs; j++)
        if (next() < density) {
          const c = b.addColumn(`x:${i}:${j}`, Math.round((worth[j]! + next() * 20) * 10) / 10, 0, 1, true)
          cols.push(c)
          byJob[j]!.push(c)
          byAgent[i]!.push(c)
        }
    for (let j = 0; j < jobs; j++) {
      const v = b.addColumn(`vacant:${j}`, -penalty, 0, vacancy ? 1 : 0, true)
      b.addRow(`job:${j}`, [...byJob[j]!, v], [...byJob[j]!.map(() => 1), 1], 1, 1)
    }
    // The agents' rows tie the jobs together, as cadre rows tie teams (core/blocks.ts).
    for (let i = 0; i < agents; i++)
      if (byAgent[i]!.length > 1)
        b.markLinking(
          b.addRow(
            `agent:${i}`,
            byAgent[i]!,
            byAgent[i]!.map(() => 1),
            -Infinity,
            1,
          ),
        )
    const subset = () => cols.filter(() => next() < 0.4)
    for (let k = 0; k < covers; k++) {
      const s = subset()
      const slack = b.addColumn(`slack:${k}`, -20, 0, 1, false)
      b.addRow(`cover:${k}`, [...s, slack], [...s.map(() => 1), 1], 1, Infinity)
    }
    for (let k = 0; k < packs; k++) {
      const s = subset()
      b.addRow(
        `pack:${k}`,
        s,
        s.map(() => 1),
        -Infinity,
        Math.max(1, Math.floor(s.length / 4)),
      )
    }
    return b.build()
  })

/** A solution is feasible: every column within its bounds, every row's activity within its bounds. */
function expectFeasible(milp: Milp, v: Float64Array): void {
  for (let j = 0; j < milp.colLower.length; j++) {
    expect(v[j]!).toBeGreaterThanOrEqual(milp.colLower[j]! - 1e-6)
    expect(v[j]!).toBeLessThanOrEqual(milp.colUpper[j]! + 1e-6)
  }
  for (let r = 0; r < milp.rowLower.length; r++) {
    let a = 0
    for (let e = milp.rowStarts[r]!; e < milp.rowStarts[r + 1]!; e++)
      a += milp.rowValue[e]! * v[milp.rowIndex[e]!]!
    expect(a).toBeGreaterThanOrEqual(milp.rowLower[r]! - 1e-6)
    expect(a).toBeLessThanOrEqual(milp.rowUpper[r]! + 1e-6)
  }
}

describe('the priced-core method', () => {
  it('finds the optimum of the direct solve, or the same infeasibility, on random assignment MILPs', async () => {
    await fc.assert(
      fc.asyncProperty(randomMilp, async (milp) => {
        const direct = await highsSolver.solve(milp, { method: 'direct' })
        const core = await highsSolver.solve(milp, { method: 'core' })
        expect(core.status).toBe(direct.status)
        if (direct.status === 'optimal') {
          expect(Math.abs(core.objective! - direct.objective!)).toBeLessThan(1e-6)
          expect(core.core).toBeDefined()
          expectFeasible(milp, core.values!)
        }
      }),
      { seed: 7, numRuns: 80 },
    )
  }, 120_000)

  it('stopped after n pricing LPs or at a checkpoint of random assignment MILPs, reports only bounds that hold (core and direct)', async () => {
    const highs = await highsLoader()
    const arrays = (m: Milp): CoreArrays => {
      const pricable = pricableColumns(m)
      return { ...m, pricable, maxCoreColumns: 1_000_000 }
    }
    const seen = { stopped: 0, withBound: 0, events: 0 }
    await fc.assert(
      fc.asyncProperty(
        randomMilp,
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 4 }),
        async (milp, n, rounds) => {
          const direct = runHighs(highs, milp, 60, { shouldStop: () => false, onImproved: () => {} })
          if (direct.status !== 'optimal') return
          const z = direct.objective!
          for (const method of ['core', 'direct'] as const) {
            let polls = 0
            const hooks = {
              shouldStop: () => ++polls >= n,
              onImproved: (_: number | null, b: number | null) => {
                if (b === null) return
                seen.events++
                expect(b).toBeGreaterThanOrEqual(z - 1e-6)
              },
            }
            const r =
              method === 'core'
                ? runCore(highs, { ...arrays(milp), stopAfterPricingRounds: rounds }, 60, hooks)
                : runHighs(highs, milp, 60, hooks)
            if (r.objective !== null) expect(r.objective).toBeLessThanOrEqual(z + 1e-6)
            if (r.status === 'optimal') continue
            seen.stopped++
            if (r.dualBound === null) continue
            seen.withBound++
            expect(r.dualBound).toBeGreaterThanOrEqual(z - 1e-6)
          }
        },
      ),
      { seed: 19, numRuns: 100 },
    )
    expect(seen.stopped).toBeGreaterThan(10)
    expect(seen.withBound).toBeGreaterThan(5)
    expect(seen.events).toBeGreaterThan(10)
  }, 120_000)

  it('with Gomory cuts forced on, finds the direct optimum on random MILPs and generated counties, bounds that hold when stopped', async () => {
    const highs = await highsLoader()
    const arrays = (m: Milp, cuts: boolean): CoreArrays => {
      const pricable = pricableColumns(m)
      return { ...m, pricable, maxCoreColumns: 1_000_000, cuts }
    }
    const never = { shouldStop: () => false, onImproved: () => {} }
    // How often the cuts tightened the LP (a run with cuts makes more pricing LPs than one without).
    const seen = { cut: 0, optimal: 0, room: 0, warm: 0 }
    // Against `reference`: the direct solve on small models, the core without cuts on larger ones.
    const check = (milp: Milp, reference: 'direct' | 'plain') => {
      const plain = runCore(highs, arrays(milp, false), 120, never)
      const direct = reference === 'direct' ? runHighs(highs, milp, 60, never) : plain
      const cut = runCore(highs, arrays(milp, true), 120, never)
      expect(cut.status).toBe(direct.status)
      if (direct.status !== 'optimal') return
      seen.optimal++
      expect(Math.abs(cut.objective! - direct.objective!)).toBeLessThan(1e-6)
      expectFeasible(milp, cut.values!)
      // The LP bound with cuts is still a bound, and never looser than without them.
      expect(cut.stats!.lpBound!).toBeGreaterThanOrEqual(direct.objective! - 1e-6)
      expect(cut.stats!.lpBound!).toBeLessThanOrEqual(plain.stats!.lpBound! + 1e-6)
      if (cut.stats!.pricingRounds > plain.stats!.pricingRounds) seen.cut++
      // The next solve starts from the first round's LP: a basis of the model's own rows.
      if (cut.warm !== undefined && cut.stats!.pricingRounds > plain.stats!.pricingRounds) {
        expect(cut.warm.rowStatus.length).toBe(milp.rowLower.length)
        const again = runCore(highs, { ...arrays(milp, true), warm: cut.warm }, 120, never)
        expect(again.status).toBe('optimal')
        expect(Math.abs(again.objective! - direct.objective!)).toBeLessThan(1e-6)
        seen.warm++
      }
      if (reference === 'plain') roomy(milp, cut)
    }
    // A builder's model: with the lease of the room past its entries the rounds are appended there;
    // with the lease held by another run, to a copy. Same answer either way, the model's own
    // entries untouched, the lease given back.
    const roomy = (milp: Milp, cut: ReturnType<typeof runCore>) => {
      const lease = entryLease(milp)
      expect(lease).not.toBeNull()
      const own = () => [milp.rowIndex.join(), milp.rowValue.join()].join(';')
      const before = own()
      const past = () =>
        new Int32Array(milp.rowIndex.buffer, milp.rowIndex.byteLength, 64).some((v) => v !== 0)
      const wasUsed = past()
      const inRoom = runCore(highs, { ...arrays(milp, true), entryLease: lease! }, 120, never)
      expect(Atomics.load(lease!, 0)).toBe(0)
      if (!wasUsed && past()) seen.room++
      Atomics.store(lease!, 0, 1)
      const copied = runCore(highs, { ...arrays(milp, true), entryLease: lease! }, 120, never)
      expect(Atomics.load(lease!, 0)).toBe(1)
      Atomics.store(lease!, 0, 0)
      for (const r of [inRoom, copied]) {
        expect(r.status).toBe(cut.status)
        expect(r.objective).toBe(cut.objective)
        expect(r.stats!.lpBound).toBe(cut.stats!.lpBound)
        expect(r.stats!.pricingRounds).toBe(cut.stats!.pricingRounds)
      }
      expect(own()).toBe(before)
    }
    await fc.assert(
      fc.asyncProperty(randomMilp, async (milp) => check(milp, 'direct')),
      { seed: 23, numRuns: 60 },
    )
    // Counties large enough for the LP to have a gap (smaller ones' LPs are integral).
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 450, max: 650 }),
        async (seed, cadres) => check(formulate(generateScenario({ seed, cadres })).milp, 'plain'),
      ),
      { seed: 29, numRuns: 4 },
    )
    expect(seen.optimal).toBeGreaterThan(30)
    expect(seen.cut).toBeGreaterThan(1)
    expect(seen.room).toBeGreaterThan(0)
    expect(seen.warm).toBeGreaterThan(0)
    // Stopped part way (after n checkpoints), with cuts: only bounds that hold.
    await fc.assert(
      fc.asyncProperty(randomMilp, fc.integer({ min: 1, max: 60 }), async (milp, n) => {
        const direct = runHighs(highs, milp, 60, never)
        if (direct.status !== 'optimal') return
        const z = direct.objective!
        let polls = 0
        const r = runCore(highs, arrays(milp, true), 60, {
          shouldStop: () => ++polls >= n,
          onImproved: (_: number | null, b: number | null) => {
            if (b !== null) expect(b).toBeGreaterThanOrEqual(z - 1e-6)
          },
        })
        if (r.objective !== null) expect(r.objective).toBeLessThanOrEqual(z + 1e-6)
        if (r.dualBound !== null) expect(r.dualBound).toBeGreaterThanOrEqual(z - 1e-6)
      }),
      { seed: 31, numRuns: 60 },
    )
  }, 240_000)

  it('keeps the solution HiGHS reported before a wasm abort in the middle of a core MILP, with a bound that holds', async () => {
    const real = await highsLoader()
    const improving = String(real.constants.callbackType.mipImprovingSolution)
    // HiGHS whose MILP runs abort (as at the wasm heap's limit) once they have reported a solution;
    // with `worse`, each solution is followed by a worse one (as HiGHS's sub-MIPs report), all 0.
    let worse = false
    let bestReported = -Infinity
    type Improving = {
      data: { mip_primal_bound?: number; objective_function_value?: number; mip_solution?: Float64Array }
    }
    const aborting = new Proxy(real, {
      get(target, key) {
        if (key !== 'createModel') {
          const v = Reflect.get(target, key) as unknown
          return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v
        }
        return () => {
          const model = target.createModel()
          return new Proxy(model, {
            get(m, k) {
              const v = Reflect.get(m, k) as unknown
              if (k !== 'run')
                return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(m) : v
              return (callbacks?: Record<string, (e: unknown) => undefined>) => {
                const report = callbacks?.[improving]
                if (report === undefined) return m.run(callbacks as never)
                let reported = false
                const r = m.run({
                  ...callbacks,
                  [improving]: (e: unknown) => {
                    reported = true
                    const d = (e as Improving).data
                    bestReported = Math.max(
                      bestReported,
                      d.mip_primal_bound ?? d.objective_function_value ?? -Infinity,
                    )
                    const out = report(e)
                    if (worse && d.mip_solution !== undefined)
                      report({
                        ...(e as object),
                        data: {
                          ...d,
                          mip_primal_bound: (d.mip_primal_bound ?? 0) - 1000,
                          objective_function_value: (d.objective_function_value ?? 0) - 1000,
                          mip_solution: new Float64Array(d.mip_solution.length),
                        },
                      })
                    return out
                  },
                } as never)
                if (reported) throw new WebAssembly.RuntimeError('Aborted()')
                return r
              }
            },
          })
        }
      },
    })
    let kept = 0
    for (const seed of [3, 8, 21]) {
      const milp = formulate(generateScenario({ seed, cadres: 500 })).milp
      const pricable = pricableColumns(milp)
      const arrays: CoreArrays = { ...milp, pricable, maxCoreColumns: 1_000_000, cuts: false }
      const never = { shouldStop: () => false, onImproved: () => {} }
      const z = runCore(real, arrays, 60, never).objective!
      const r = runCore(aborting as typeof real, arrays, 60, never)
      if (r.status === 'optimal') continue
      kept++
      expect(r.status).toBe('memoryLimit')
      expect(r.fatal).toBe(true)
      expect(r.values).not.toBeNull()
      expectFeasible(milp, r.values!)
      expect(r.objective!).toBeLessThanOrEqual(z + 1e-6)
      if (r.dualBound !== null) expect(r.dualBound).toBeGreaterThanOrEqual(z - 1e-6)
      // A worse solution reported after a better one is not what the abort keeps.
      worse = true
      bestReported = -Infinity
      const w = runCore(aborting as typeof real, arrays, 60, never)
      worse = false
      expect(w.status).toBe('memoryLimit')
      expectFeasible(milp, w.values!)
      expect(w.objective!).toBeGreaterThanOrEqual(bestReported - 1e-6)
    }
    expect(kept).toBeGreaterThan(0)
  }, 120_000)

  it('stopped short of the LP optimum (as when its next LP could not finish), answers with the completed LP point first: a solution, bounds that hold', async () => {
    const highs = await highsLoader()
    // General elections of a few hundred cadres: the completion, the assignment bound and the
    // core MILP after them, as at a deadline's approach on a large model.
    const seen = { short: 0, completed: 0 }
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000 }), fc.integer({ min: 1, max: 3 }), (seed, rounds) => {
        const milp = formulate(generateScenario({ seed, cadres: 60, openShare: 1 })).milp
        const pricable = pricableColumns(milp)
        const arrays: CoreArrays = { ...milp, pricable, maxCoreColumns: 1_000_000, cuts: false }
        const never = { shouldStop: () => false, onImproved: () => {} }
        const full = runCore(highs, arrays, 60, never)
        if (full.status !== 'optimal') return
        const z = full.objective!
        // Stopping short only changes a run whose pricing needs more LPs than that.
        if (full.stats!.pricingRounds <= rounds) return
        seen.short++
        let first: Float64Array | null = null
        const r = runCore(highs, { ...arrays, shortAfterPricingRounds: rounds }, 60, {
          shouldStop: () => false,
          onImproved: (_, b) => {
            if (b !== null) expect(b).toBeGreaterThanOrEqual(z - 1e-6)
          },
          onSolution: (indices, values, objective) => {
            if (first !== null) return
            first = new Float64Array(milp.colCost.length)
            indices.forEach((j, k) => (first![j] = values[k]!))
            expect(objective).toBeLessThanOrEqual(z + 1e-6)
          },
        })
        if (first !== null) {
          seen.completed++
          expectFeasible(milp, first)
        }
        // With the time it needs, the run goes on to the whole model's optimum.
        expect(r.status).toBe('optimal')
        expect(Math.abs(r.objective! - z)).toBeLessThan(1e-6)
        expectFeasible(milp, r.values!)
        // Without room for every column left out, it ends as stopped for time (which stopped its
        // pricing), not for the column budget: a solution and a bound that holds.
        const tight = runCore(
          highs,
          { ...arrays, shortAfterPricingRounds: rounds, maxCoreColumns: Math.floor(milp.colCost.length / 2) },
          60,
          never,
        )
        expect(tight.status).toBe('timeLimit')
        expectFeasible(milp, tight.values!)
        expect(tight.objective!).toBeLessThanOrEqual(z + 1e-6)
        expect(tight.dualBound!).toBeGreaterThanOrEqual(z - 1e-6)
      }),
      { seed: 61, numRuns: 10 },
    )
    expect(seen.short).toBeGreaterThan(4)
    expect(seen.completed).toBeGreaterThan(3)
  }, 120_000)

  it('stopped at any progress report, answers at least the best solution it reported; its reports never go back', async () => {
    const highs = await highsLoader()
    // General elections, where the completed LP point is often too far below the bound to start
    // the core MILP from, and HiGHS's first solutions of that MILP lie below it (60 cadres, seed 1:
    // 2,208.8, then 1,116.7, which a stop then answered).
    const seen = { stopped: 0, reported: 0 }
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom(60, 120),
        fc.integer({ min: 1, max: 4 }),
        (seed, cadres, k) => {
          const milp = formulate(generateScenario({ seed, cadres, openShare: 1 })).milp
          const pricable = pricableColumns(milp)
          let best = -Infinity
          let least = Infinity
          let given = -Infinity
          let reports = 0
          const r = runCore(highs, { ...milp, pricable, maxCoreColumns: 1_000_000, cuts: false }, 60, {
            shouldStop: () => reports >= k,
            onImproved: (incumbent, bound) => {
              if (incumbent !== null) {
                expect(incumbent).toBeGreaterThanOrEqual(best)
                best = incumbent
                reports++
              }
              if (bound !== null) {
                expect(bound).toBeLessThanOrEqual(least)
                least = bound
              }
            },
            onSolution: (_indices, _values, objective) => {
              expect(objective).toBeGreaterThan(given)
              given = objective
            },
          })
          if (r.status !== 'optimal') seen.stopped++
          if (best === -Infinity) return
          seen.reported++
          expect(r.objective).not.toBeNull()
          expect(r.objective!).toBeGreaterThanOrEqual(best - 1e-9)
          expectFeasible(milp, r.values!)
          if (r.dualBound !== null) expect(r.dualBound).toBeGreaterThanOrEqual(r.objective! - 1e-6)
        },
      ),
      { seed: 23, numRuns: 12 },
    )
    expect(seen.stopped).toBeGreaterThan(3)
    expect(seen.reported).toBeGreaterThan(6)
  }, 120_000)

  it('equals the direct solve on generated counties, pricing, re-proving and stepping along the way', async () => {
    // How often each part of the method ran, so the property is known to reach them.
    const seen = { priced: 0, reproved: 0, stepped: 0 }
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 10_000 }),
        fc.integer({ min: 60, max: 160 }),
        async (seed, cadres) => {
          const milp = formulate(generateScenario({ seed, cadres })).milp
          const direct = await highsSolver.solve(milp, { method: 'direct' })
          const core = await highsSolver.solve(milp, { method: 'core' })
          expect(core.status).toBe(direct.status)
          if (direct.status !== 'optimal') return
          expect(Math.abs(core.objective! - direct.objective!)).toBeLessThan(1e-6)
          expect(core.core!.lpBound!).toBeGreaterThanOrEqual(core.objective! - 1e-6)
          if (core.core!.pricingRounds > 1) seen.priced++
          if (core.core!.milpRounds > 1) seen.reproved++
          if ((core.core!.proofSteps ?? 0) > 0) seen.stepped++
        },
      ),
      { seed: 11, numRuns: 16 },
    )
    expect(seen.priced).toBeGreaterThan(0)
    expect(seen.reproved).toBeGreaterThan(0)
    // A proof that took only part of the columns it wanted (stepGamma) still ends at the optimum.
    expect(seen.stepped).toBeGreaterThan(0)
  }, 120_000)

  it('equals the direct solve on small scenarios, and its proposals pass the validator', async () => {
    await fc.assert(
      fc.asyncProperty(smallScenario(), async (scenario) => {
        const model = formulate(scenario)
        const direct = await solveModel(model, { backend: 'highs', method: 'direct' })
        const core = await solveModel(model, { backend: 'highs', method: 'core' })
        expect(core._tag).toBe(direct._tag)
        if (core._tag === 'Right' && direct._tag === 'Right') {
          expect(core.right.status).toBe('optimal')
          expect(Math.abs(core.right.objective - direct.right.objective)).toBeLessThan(1e-6)
          expect(validateProposal(scenario, core.right)).toEqual([])
        }
      }),
      { seed: 42, numRuns: 25 },
    )
  }, 120_000)

  it('prices a generated county: the core is a fraction of the model and the optimum is the direct one', async () => {
    const scenario = generateScenario({ seed: 5, cadres: 300 })
    const model = formulate(scenario)
    const direct = await highsSolver.solve(model.milp, { method: 'direct' })
    const core = await highsSolver.solve(model.milp, { method: 'core' })
    expect(direct.status).toBe('optimal')
    expect(core.status).toBe('optimal')
    expect(Math.abs(core.objective! - direct.objective!)).toBeLessThan(1e-6)
    expect(core.core!.coreColumns).toBeLessThan(core.core!.columns / 2)
    expect(core.core!.lpBound!).toBeGreaterThanOrEqual(core.objective! - 1e-6)
  }, 60_000)

  it('reports only bounds that hold for the whole model', async () => {
    const scenario = generateScenario({ seed: 9, cadres: 300 })
    const model = formulate(scenario)
    const direct = await highsSolver.solve(model.milp, { method: 'direct' })
    const events: ProgressEvent[] = []
    const core = await highsSolver.solve(model.milp, { method: 'core', onProgress: (e) => events.push(e) })
    expect(core.status).toBe('optimal')
    // Every pricing round reports a bound: the events are not empty, and each one holds.
    const bounds = events.filter((e) => e.bound !== null)
    expect(bounds.length).toBeGreaterThan(0)
    for (const e of events) {
      if (e.bound !== null) expect(e.bound).toBeGreaterThanOrEqual(direct.objective! - 1e-6)
      if (e.incumbent !== null) expect(e.incumbent).toBeLessThanOrEqual(direct.objective! + 1e-6)
      if (e.gap !== null) expect(e.bound).not.toBeNull()
    }
    // Stopped by aborts after the n-th progress event: each stopped result's bound holds, or is
    // unknown with its gap. (Deterministic stop points: test/solvers/bounds.test.ts.)
    let stopped = 0
    for (let n = 1; n <= events.length; n++) {
      const ac = new AbortController()
      let seen = 0
      let reported = false
      const r = await highsSolver.solve(model.milp, {
        method: 'core',
        signal: ac.signal,
        onProgress: (e) => {
          reported ||= e.incumbent !== null
          if (++seen >= n) ac.abort()
        },
      })
      if (r.status === 'optimal') continue
      stopped++
      if (r.bound !== null) expect(r.bound).toBeGreaterThanOrEqual(direct.objective! - 1e-6)
      if (r.objective !== null) expect(r.objective).toBeLessThanOrEqual(direct.objective! + 1e-6)
      // An incumbent once reported is not lost by the stop.
      if (reported) expect(r.objective).not.toBeNull()
    }
    expect(stopped).toBeGreaterThan(0)
  }, 60_000)

  it('stops at its column budget with the incumbent and a bound valid for the whole model', async () => {
    // Generated counties whose proof needs a second MILP round: a budget that leaves no room for it.
    let stopped = 0
    for (const seed of [11, 12, 30, 33, 35]) {
      const scenario = generateScenario({ seed, cadres: 120 })
      const model = formulate(scenario)
      const milp = model.milp
      const direct = await highsSolver.solve(milp, { method: 'direct' })
      const free = await highsSolver.solve(milp, { method: 'core' })
      if (direct.status !== 'optimal' || free.core!.milpRounds < 2) continue
      // The first MILP's core: the final core less the columns the proof added.
      const tight = await highsSolver.solve(milp, { method: 'core', maxCoreColumns: 1 })
      expect(tight.status).toBe('memory-limit')
      expect(tight.objective!).toBeLessThanOrEqual(direct.objective! + 1e-6)
      expect(tight.bound!).toBeGreaterThanOrEqual(direct.objective! - 1e-6)
      expect(tight.bound!).toBeGreaterThanOrEqual(tight.objective! - 1e-6)
      // As a proposal: the status says why it stopped, the gap is certified, every hard rule holds.
      const p = await solveModel(model, { backend: 'highs', method: 'core', maxCoreColumns: 1 })
      if (p._tag === 'Left') throw new Error(p.left.message)
      expect(p.right.status).toBe('memory-limit')
      expect(p.right.bound).toBeGreaterThanOrEqual(direct.objective! - 1e-6)
      expect(validateProposal(scenario, p.right)).toEqual([])
      stopped++
    }
    expect(stopped).toBeGreaterThan(0)
  }, 60_000)

  it('re-solves warm with the blocks when the warm MILP core drops a column the LP had at its upper bound', async () => {
    // A team whose LP is fractional after the edit (its gap G exceeds the earlier LP–MILP gap of
    // 0), so the warm MILP core drops every column below B − G — one at d_j > 0 among them, whose
    // term B loses: the proof must still count it (it proved 1 where the optimum is 11).
    const highs = await highsLoader()
    const b = new MilpBuilder()
    const x = [0, 1, 2].map((i) => b.addColumn(`x${i}`, 1, 0, 1, true))
    const J = b.addColumn('J', -1, 0, 1, true)
    const K = b.addColumn('K', 0, 0, 1, true)
    const pairs: [number, number][] = [
      [0, 1],
      [1, 2],
      [0, 2],
    ]
    const triangle = pairs.map(([p, q]) => b.addRow(`t${p}${q}`, [x[p]!, x[q]!], [1, 1], -Infinity, 2))
    b.addRow('r4', [J, K], [1, 1], -Infinity, 2)
    b.addRow('r5', [J, K], [1, 1], -Infinity, 2)
    b.markLinking(b.addRow('link', [x[0]!, K], [1, 1], -Infinity, 1))
    const a = b.build()
    const arrays = (m: Milp, blocks: boolean): CoreArrays => ({
      ...m,
      pricable: Uint8Array.from(m.colCost, (_, j) => (m.colUpper[j] === 1 && m.colLower[j] === 0 ? 1 : 0)),
      maxCoreColumns: 1_000_000,
      cuts: false,
      blocks,
    })
    const never = { shouldStop: () => false, onImproved: () => {} }
    const first = runCore(highs, arrays(a, true), 60, never)
    expect(first.status).toBe('optimal')
    const edited = editMilp(a, {
      colCosts: [[J, 10]],
      rowBounds: triangle.map((r): [number, number, number] => [r, -Infinity, 1]),
    })
    const direct = runHighs(highs, edited, 60, never)
    // A feasible start of the edited model (worth 1), which bounds the blocks before the MILP.
    const start = { indices: Int32Array.of(x[0]!), values: Float64Array.of(1) }
    for (const blocks of [true, false]) {
      const r = runCore(highs, { ...arrays(edited, blocks), warm: first.warm! }, 60, { ...never, start })
      expect([blocks, r.status, r.objective]).toEqual([blocks, 'optimal', direct.objective])
    }
  })

  it('re-solves warm after random edits: the optimum of the direct solve of the edited model', async () => {
    // Edits as a session makes them: a binary fixed to 1 or 0, a row's bounds moved by one.
    const edit = fc.record({
      col: fc.nat(),
      to: fc.constantFrom(0, 1),
      row: fc.nat(),
      shift: fc.constantFrom(-1, 1),
      which: fc.constantFrom('col', 'row', 'both'),
    })
    let warmRuns = 0
    await fc.assert(
      fc.asyncProperty(randomMilp, edit, async (milp, e) => {
        const first = await highsSolver.solve(milp, { method: 'core' })
        if (first.status !== 'optimal') return
        expect(first.warmStart).toBeDefined()
        const binaries = [...milp.integer.keys()].filter(
          (j) => milp.integer[j] === 1 && milp.colUpper[j] === 1,
        )
        const j = binaries[e.col % binaries.length]!
        const r = e.row % milp.rowLower.length
        const lo = milp.rowLower[r]!
        const hi = milp.rowUpper[r]!
        const edited = editMilp(milp, {
          ...(e.which === 'row' ? {} : { colBounds: [[j, e.to, e.to]] }),
          ...(e.which === 'col'
            ? {}
            : {
                rowBounds: [
                  [
                    r,
                    Number.isFinite(lo) ? Math.min(lo + e.shift, hi) : lo,
                    Number.isFinite(hi) ? Math.max(hi + e.shift, lo) : hi,
                  ],
                ],
              }),
        })
        const direct = await highsSolver.solve(edited, { method: 'direct' })
        const warm = await highsSolver.solve(edited, { method: 'core', warmStart: first.warmStart! })
        expect(warm.status).toBe(direct.status)
        if (direct.status !== 'optimal') return
        warmRuns++
        expect(Math.abs(warm.objective! - direct.objective!)).toBeLessThan(1e-6)
        expectFeasible(edited, warm.values!)
      }),
      { seed: 19, numRuns: 150 },
    )
    expect(warmRuns).toBeGreaterThan(20)
  }, 120_000)

  it('re-solves warm after locks on generated counties, pricing and widening its MILP core along the way', async () => {
    const seen = { priced: 0, widened: 0 }
    for (const seed of [1, 2, 6]) {
      const model = formulate(generateScenario({ seed, cadres: 150, openShare: 0.5 }))
      const first = await highsSolver.solve(model.milp, { method: 'core' })
      const step = Math.floor(model.pairCol.length / 12)
      for (let k = 0; k < model.pairCol.length; k += step) {
        const c = model.pairCol[k]!
        if (first.values![c]! > 0.5) continue
        const edited = editMilp(model.milp, { colBounds: [[c, 1, 1]] })
        const direct = await highsSolver.solve(edited, { method: 'direct' })
        const warm = await highsSolver.solve(edited, { method: 'core', warmStart: first.warmStart! })
        expect(warm.status).toBe(direct.status)
        if (direct.status !== 'optimal') continue
        expect(Math.abs(warm.objective! - direct.objective!)).toBeLessThan(1e-6)
        expect(warm.values![c]).toBe(1)
        if (warm.core!.pricingRounds > 1) seen.priced++
        if (warm.core!.milpRounds > 1) seen.widened++
      }
    }
    expect(seen.priced).toBeGreaterThan(0)
    expect(seen.widened).toBeGreaterThan(0)
  }, 120_000)

  it('prices an infeasible core by its Farkas certificate, and proves infeasibility without every column', async () => {
    // 30 agents, 8 jobs each filled once; agents prefer the later jobs; a cover row asks for
    // `need` of the least liked pairs (agents 20–29 in jobs 0–4), which the first core lacks.
    const build = (need: number): Milp => {
      const b = new MilpBuilder()
      const byJob: number[][] = Array.from({ length: 8 }, () => [])
      const byAgent: number[][] = Array.from({ length: 30 }, () => [])
      const cover: number[] = []
      for (let i = 0; i < 30; i++)
        for (let j = 0; j < 8; j++) {
          const c = b.addColumn(`x:${i}:${j}`, 100 - i + 10 * j, 0, 1, true)
          byJob[j]!.push(c)
          byAgent[i]!.push(c)
          if (i >= 20 && j <= 4) cover.push(c)
        }
      byJob.forEach((cols, j) =>
        b.addRow(
          `job:${j}`,
          cols,
          cols.map(() => 1),
          1,
          1,
        ),
      )
      byAgent.forEach((cols, i) =>
        b.addRow(
          `agent:${i}`,
          cols,
          cols.map(() => 1),
          -Infinity,
          1,
        ),
      )
      b.addRow(
        'cover',
        cover,
        cover.map(() => 1),
        need,
        Infinity,
      )
      return b.build()
    }
    const feasible = build(4)
    const direct = await highsSolver.solve(feasible, { method: 'direct' })
    const core = await highsSolver.solve(feasible, { method: 'core' })
    expect(direct.status).toBe('optimal')
    expect(core.status).toBe('optimal')
    expect(Math.abs(core.objective! - direct.objective!)).toBeLessThan(1e-6)
    expect(core.core!.coreColumns).toBeLessThan(core.core!.columns)

    // Six of five jobs: infeasible, proven on part of the columns.
    const infeasible = build(6)
    expect((await highsSolver.solve(infeasible, { method: 'direct' })).status).toBe('infeasible')
    const proof = await highsSolver.solve(infeasible, { method: 'core' })
    expect(proof.status).toBe('infeasible')
    expect(proof.core!.coreColumns).toBeLessThan(proof.core!.columns)
  })

  it('widens an infeasible core MILP only within its column budget', async () => {
    // An odd cycle (x1 + x2 = x2 + x3 = x1 + x3 = 1): the LP is feasible at ½, the MILP is not;
    // 120 filler columns in two rows keep the first core small.
    const b = new MilpBuilder()
    const x = [0, 1, 2].map((i) => b.addColumn(`x${i}`, 10, 0, 1, true))
    for (const [p, q] of [
      [0, 1],
      [1, 2],
      [0, 2],
    ] as const)
      b.addRow(`pair:${p}${q}`, [x[p]!, x[q]!], [1, 1], 1, 1)
    const fill = Array.from({ length: 120 }, (_, i) => b.addColumn(`f${i}`, 1 + (i % 7), 0, 1, true))
    b.addRow(
      'fill:a',
      fill,
      fill.map(() => 1),
      -Infinity,
      60,
    )
    b.addRow(
      'fill:b',
      fill,
      fill.map(() => 2),
      -Infinity,
      150,
    )
    const milp = b.build()
    expect((await highsSolver.solve(milp, { method: 'core' })).status).toBe('infeasible')
    const capped = await highsSolver.solve(milp, { method: 'core', maxCoreColumns: 20 })
    expect(capped.status).toBe('error')
    expect(capped.message).toContain('maxCoreColumns')
  })

  it('keeps a warm MILP core within maxCoreColumns, and an empty warm core still solves', async () => {
    const model = formulate(generateScenario({ seed: 1, cadres: 400 }))
    const first = await highsSolver.solve(model.milp, { method: 'core' })
    const c = model.pairCol.find((j) => first.values![j]! < 0.5 && model.milp.colCost[j]! > 0)!
    const edited = editMilp(model.milp, { colBounds: [[c, 1, 1]] })
    const direct = await highsSolver.solve(edited, { method: 'direct' })
    // A warm start whose gap would take in every column, under a budget.
    const budget = first.warmStart!.core.length + 50
    const warm = await highsSolver.solve(edited, {
      method: 'core',
      warmStart: { ...first.warmStart!, gap: 1e6 },
      maxCoreColumns: budget,
    })
    // Within the budget: the optimum, or a stop with the incumbent and a bound valid for the whole model.
    expect(warm.core!.coreColumns).toBeLessThanOrEqual(budget)
    expect(['optimal', 'memory-limit']).toContain(warm.status)
    expect(warm.objective!).toBeLessThanOrEqual(direct.objective! + 1e-6)
    expect(warm.bound!).toBeGreaterThanOrEqual(direct.objective! - 1e-6)

    // Every column a binary in two rows and an optimum at zero: the warm prune leaves no column.
    const b = new MilpBuilder()
    const xs = [0, 1, 2, 3].map((i) => b.addColumn(`x${i}`, -1 - i, 0, 1, true))
    b.addRow('r0', xs, [1, 1, 1, 1], -Infinity, 2)
    b.addRow('r1', xs, [1, 1, 1, 1], -Infinity, 3)
    const m = b.build()
    const cold = await highsSolver.solve(m, { method: 'core' })
    const again = await highsSolver.solve(editMilp(m, { rowBounds: [[0, -Infinity, 1]] }), {
      method: 'core',
      warmStart: cold.warmStart!,
    })
    expect(again.status).toBe('optimal')
    expect(again.objective).toBe(0)
  })

  it('ignores a warm start of a model with other columns', async () => {
    const a = formulate(generateScenario({ seed: 4, cadres: 80 })).milp
    const b = formulate(generateScenario({ seed: 5, cadres: 90 })).milp
    const first = await highsSolver.solve(a, { method: 'core' })
    const cold = await highsSolver.solve(b, { method: 'core' })
    const warm = await highsSolver.solve(b, { method: 'core', warmStart: first.warmStart! })
    expect(a.colCost.length).not.toBe(b.colCost.length)
    expect(warm.status).toBe('optimal')
    expect(warm.objective).toBe(cold.objective)
  })

  it('stops on abort', async () => {
    const model = formulate(generateScenario({ seed: 3, cadres: 300 }))
    const controller = new AbortController()
    controller.abort()
    const r = await highsSolver.solve(model.milp, { method: 'core', signal: controller.signal })
    expect(r.status).toBe('interrupted')
  })
})
