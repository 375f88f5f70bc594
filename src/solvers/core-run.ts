/**
 * The priced-core method: an exact MILP solve that hands HiGHS only a core of
 * the pair columns and proves that the columns left out cannot improve on the
 * result.
 *
 * 1. **Core.** Every column that may not be left out (slacks, vacancies,
 *    locked pairs, the start's pairs) and, for every row, the few pricable
 *    columns of highest cost that help it.
 * 2. **Pricing.** Solve the LP relaxation of the core; with its row duals `y`
 *    the reduced cost of a column is `d_j = c_j − Σ_i a_ij y_i`. Columns left
 *    out with `d_j > 0` could raise the LP: the best few per row join the core
 *    and the LP is re-solved (warm, from its basis) until none is left. The
 *    LP optimum of the core is then that of the whole model, and `y` gives the
 *    Lagrangian bound `B = Σ_i max(y_i·L_i, y_i·U_i) + Σ_j max(d_j·l_j, d_j·u_j)`
 *    over the core columns.
 * 3. **Core MILP, then the proof.** Solve the MILP on the core: `z`. Any
 *    solution that uses a left-out column `j` has objective at most `B + d_j`
 *    (every other left-out column has `d ≤ 0`). So when `B + d_j ≤ z` for
 *    every left-out column, `z` is optimal for the whole model; otherwise the
 *    columns that fail the test join the core and the MILP is solved again,
 *    starting from the incumbent.
 *
 * An infeasible core LP is priced by its Farkas certificate (HiGHS's dual
 * ray): the left-out columns that could close the certificate's deficit join,
 * or none can and the whole model is proven infeasible. Without a usable ray,
 * or when the core MILP is infeasible, the core widens: four times as many
 * columns per row (12, 48, 192), then every column (the MILP's widening within
 * `maxCoreColumns`). A stop before
 * the proof (time limit, abort, the `maxCoreColumns` budget, a wasm abort
 * after an incumbent) returns the incumbent with a bound valid for the whole
 * model: the Lagrangian `B + Σ max(0, d_j)` over the left-out columns (`B`
 * kept current as columns join), or, with a dual bound HiGHS proved on the
 * core's own solutions, `max(core bound, B + max_j d_j)` when that is lower —
 * never the core's incumbent as its bound. The Lagrangian bound is reported
 * after every pricing round.
 *
 * **Warm** (`CoreArrays.warm`, from an earlier run of the same columns): the
 * pricing starts from the earlier LP core and basis; the first MILP core is
 * the columns within 1.1 × the earlier LP–MILP gap of the new bound (or above
 * a feasible start's value); the earlier solution is the first incumbent,
 * repaired around the rows the edit broke. The proof is unchanged.
 *
 * Self-contained on purpose, like `runHighs`: the Node worker evaluates its
 * source text (`runCore.toString()`), so it references nothing outside its
 * parameters but the three self-contained helpers below it (`fitStart`,
 * `farkasPricing`, `repairRings`), whose text the worker evaluates beside it.
 *
 * @module
 */
import type { Highs } from 'highs'
import type { MilpArrays, RawRun, RunHooks } from './highs-run.js'
import type { CoreStats } from './solver.js'

/** The model of a core run: the arrays HiGHS needs and which columns may be left out. @internal */
export interface CoreArrays extends MilpArrays {
  /** 1 for a column the core may leave out (a binary pair column with bounds 0..1). */
  readonly pricable: Uint8Array
  /** The most columns the core may grow to. */
  readonly maxCoreColumns: number
  /** What an earlier solve of a model with the same columns learnt (see {@link CoreWarm}). */
  readonly warm?: CoreWarm
  /**
   * Tests only (never set by the backend): stop as an abort would once this
   * many pricing LPs have run — a deterministic stop point between pricing
   * rounds, or right after pricing.
   */
  readonly stopAfterPricingRounds?: number
}

/**
 * What a core run passes on to the next solve of a slightly edited model
 * (same columns; bounds, costs or rows changed, rows appended): the columns of
 * its last LP core with their simplex basis, from which the next pricing loop
 * starts, and its gap between the LP bound and the optimum, which sizes the
 * next MILP core. @internal
 */
export interface CoreWarm {
  /** The LP core's columns, in the order of `colStatus`. */
  readonly core: Int32Array
  readonly colStatus: Int32Array
  readonly rowStatus: Int32Array
  readonly gap: number
}

/** A core run's outcome: a {@link RawRun} and what the method did. @internal */
export interface CoreRun extends RawRun {
  readonly stats: CoreStats | null
  /** For a warm start of the next solve, when this one ended with a proven optimum. */
  readonly warm?: CoreWarm
}

/**
 * Runs the priced-core method once. Never throws: a failure is `status: 'error'`.
 * @internal
 */
export function runCore(highs: Highs, m: CoreArrays, timeLimitSeconds: number, hooks: RunHooks): CoreRun {
  // Local names for the arrays: one property load per run, not one per entry.
  const {
    colCost,
    colLower,
    colUpper,
    integer,
    rowLower,
    rowUpper,
    rowStarts,
    rowIndex,
    rowValue,
    pricable,
  } = m
  // Columns of highest cost per row in the first core, and columns of highest reduced cost per row added per pricing round.
  const PER_ROW = 3
  const PRICE_PER_ROW = 3
  const PRICE_TOL = 1e-7
  const PROOF_TOL = 1e-7
  // A warm MILP core holds the columns within this many times the earlier LP–MILP gap of the
  // LP bound: a small edit moves the gap little (a larger move costs one more MILP round).
  const GAP_MARGIN = 1.1
  // Rings of rows around the rows a start violates whose columns the repair frees, and the most
  // core columns a row of those rings may have to have all of them freed (see below).
  const REPAIR_DEPTH = 4
  const REPAIR_WIDE = 32
  // The most columns handed to HiGHS (RunOptions.maxCoreColumns): a proof that needs more stops
  // with the incumbent and a bound valid for the whole model.
  const MAX_CORE_COLUMNS = m.maxCoreColumns
  const started = performance.now()
  const deadline = started + timeLimitSeconds * 1000
  const left = () => Math.max(0.001, (deadline - performance.now()) / 1000)
  const nc = colCost.length
  const nr = rowLower.length
  const inf = highs.infinity
  const fin = (v: number) => (v === Infinity ? inf : v === -Infinity ? -inf : v)
  const failed = (status: string, message: string, fatal = false): CoreRun => ({
    status,
    values: null,
    objective: null,
    dualBound: null,
    message,
    fatal,
    stats: null,
  })

  // Entries per column. The matrix is read row-wise only (pricing, and the columns handed to
  // HiGHS are gathered by one pass over the rows): no column-wise copy, which at city scale
  // would cost more memory than the rest of the run.
  // (A small function of its own, which V8 optimises apart from this long one.)
  const countEntries = (index: Int32Array, n: number) => {
    const count = new Int32Array(n)
    for (let e = 0; e < index.length; e++) count[index[e]!]!++
    return count
  }
  const colCount = countEntries(rowIndex, nc)

  // Reduced costs of every column under the row duals y of the last finished LP (y = 0 before
  // any: every column at its best bound), and `bound`, the Lagrangian bound over the core columns
  // B = Σ_i max(y_i·L_i, y_i·U_i) + Σ_{j in core} max(d_j·l_j, d_j·u_j). A column joining the
  // core adds its term at once, so that B + Σ_{j left out} max(0, d_j)·u_j stays the Lagrangian
  // bound of the whole model whatever joins between two LPs.
  const d = new Float64Array(nc)
  const y = new Float64Array(nr)
  let bound = -Infinity
  // Weak duality holds for any y, so B is a bound whatever the LP's accuracy: every term counts
  // at a finite column bound. Only a reduced cost within 1e-9 of zero at an infinite bound (a
  // basic slack's solver noise) is left out, which would otherwise make the bound useless.
  const term = (j: number) => {
    const v = d[j]!
    if (v > 0) {
      const u = colUpper[j]!
      return u !== Infinity || v > 1e-9 ? v * u : 0
    }
    if (v < 0) {
      const l = colLower[j]!
      return l !== -Infinity || v < -1e-9 ? v * l : 0
    }
    return 0
  }
  const addTerm = (t: number) => {
    const b = bound + t
    bound = Number.isNaN(b) ? Infinity : b
  }

  // The first core.
  const inCore = new Uint8Array(nc)
  const order: number[] = []
  const join = (j: number) => {
    if (inCore[j] === 0) {
      inCore[j] = 1
      order.push(j)
      addTerm(term(j))
    }
  }
  // A column of a single row (a vacancy, say) is the row's own slack: always in.
  const always = (j: number) => pricable[j] === 0 || colCount[j]! <= 1
  // The start's columns stay in every core, so that HiGHS can take it as its first incumbent.
  const started0 = new Uint8Array(hooks.start === undefined ? 0 : nc)
  if (hooks.start !== undefined)
    for (let k = 0; k < hooks.start.indices.length; k++) {
      const j = hooks.start.indices[k]!
      if (j >= 0 && j < nc && hooks.start.values[k] !== 0) started0[j] = 1
    }
  const kept = (j: number) => always(j) || (started0.length > 0 && started0[j] === 1)
  // The top `k` pricable columns by cost of every row, among those that help it.
  let perRow = PER_ROW
  const widen = () => {
    const best: number[] = []
    for (let r = 0; r < nr; r++) {
      best.length = 0
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
        const j = rowIndex[e]!
        if (pricable[j] === 1 && inCore[j] === 0 && rowValue[e]! > 0) best.push(j)
      }
      if (best.length > perRow) {
        best.sort((a, b) => colCost[b]! - colCost[a]! || a - b)
        best.length = perRow
      }
      for (const j of best) join(j)
    }
  }
  // Warm: the last LP core of the earlier solve, first and in its order (for its basis);
  // cold: the best columns of every row by cost.
  const warm = m.warm
  let basisFits =
    warm !== undefined && warm.rowStatus.length <= nr && warm.colStatus.length === warm.core.length
  if (warm !== undefined)
    for (const j of warm.core)
      if (j >= 0 && j < nc && inCore[j] === 0) join(j)
      else basisFits = false
  for (let j = 0; j < nc; j++) if (kept(j)) join(j)
  if (warm === undefined) widen()

  let hm = null
  // The best solution found, kept outside the solve so that a wasm abort does not lose it.
  let incumbent: Float64Array | null = null
  let incumbentObjective: number | null = null
  let incumbentBound: number | null = null
  let lpMs = 0
  let pricingRounds = 0
  let milpRounds = 0
  try {
    hm = highs.createModel()
    const model = hm
    // Adds columns `cols` (continuous for now) to the HiGHS model, in the order given.
    let passed = 0
    // Where each column being passed goes (−1: not passed now), reused across passes.
    const slot = new Int32Array(nc).fill(-1)
    const pass = (asInteger: boolean) => {
      const cols = order.slice(passed)
      if (cols.length === 0) return
      const starts = new Int32Array(cols.length + 1)
      let nnz = 0
      cols.forEach((j, k) => {
        slot[j] = k
        nnz += colCount[j]!
        starts[k + 1] = nnz
      })
      // One pass over the rows gathers the new columns' entries, in row order within each column.
      const index = new Int32Array(nnz)
      const value = new Float64Array(nnz)
      const at = starts.slice(0, cols.length)
      for (let r = 0; r < nr; r++)
        for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
          const k = slot[rowIndex[e]!]!
          if (k < 0) continue
          const p = at[k]!++
          index[p] = r
          value[p] = rowValue[e]!
        }
      for (const j of cols) slot[j] = -1
      const first = passed
      model.addCols({
        cost: Float64Array.from(cols, (j) => colCost[j]!),
        lower: Float64Array.from(cols, (j) => fin(colLower[j]!)),
        upper: Float64Array.from(cols, (j) => fin(colUpper[j]!)),
        matrix: { format: 'csc', numRows: nr, numCols: cols.length, starts, indices: index, values: value },
      })
      if (asInteger)
        model.changeColsIntegrality(
          { kind: 'range', from: first, to: first + cols.length - 1 },
          Int32Array.from(cols, (j) => integer[j]!),
        )
      passed = order.length
    }
    model.passModel({
      numCols: 0,
      numRows: nr,
      sense: highs.constants.objectiveSense.maximize,
      colCost: new Float64Array(0),
      colLower: new Float64Array(0),
      colUpper: new Float64Array(0),
      rowLower: rowLower.map(fin),
      rowUpper: rowUpper.map(fin),
      matrix: {
        format: 'csc',
        numRows: nr,
        numCols: 0,
        starts: new Int32Array(1),
        indices: new Int32Array(0),
        values: new Float64Array(0),
      },
    })
    model.options.set({
      output_flag: false,
      mip_rel_gap: 0,
      mip_abs_gap: 1e-7,
      // See runHighs: presolve's probing costs more than it saves on these models.
      presolve: 'off',
      // The core MILPs close at or near the root: the feasibility-jump heuristic and the
      // symmetry detection cost a fifth of a county's MILP time and found nothing the root's
      // own heuristics did not (npm run bench:speed).
      mip_heuristic_run_feasibility_jump: false,
      mip_detect_symmetry: false,
    })
    pass(false)
    if (warm !== undefined && basisFits) {
      // The earlier basis, extended: new columns at a finite bound, appended rows basic.
      const bs = highs.constants.basisStatus
      const colStatus = new Int32Array(order.length)
      colStatus.set(warm.colStatus)
      for (let k = warm.core.length; k < order.length; k++) {
        const j = order[k]!
        colStatus[k] = Number.isFinite(colLower[j]!)
          ? bs.lower
          : Number.isFinite(colUpper[j]!)
            ? bs.upper
            : bs.zero
      }
      const rowStatus = new Int32Array(nr).fill(bs.basic)
      rowStatus.set(warm.rowStatus)
      try {
        model.setBasis({ colStatus, rowStatus })
      } catch {
        // A basis HiGHS will not take is only a lost hint.
      }
    }

    const names = highs.constants.modelStatus as Readonly<Record<string, number>>
    const statusOf = (code: number) => Object.keys(names).find((k) => names[k] === code) ?? `status ${code}`
    const cb = highs.constants.callbackType
    const halted = () =>
      hooks.shouldStop() ||
      (m.stopAfterPricingRounds !== undefined && pricingRounds >= m.stopAfterPricingRounds)
    const stop = (e: { interrupt(): void }): undefined => {
      if (halted()) e.interrupt()
      return undefined
    }

    // d and B under the current y.
    const price = () => {
      // Duals within 1e-9 of zero are solver noise: taken as 0 (B holds for the y used).
      for (let r = 0; r < nr; r++) if (Math.abs(y[r]!) <= 1e-9) y[r] = 0
      // d = c − Aᵀy, row by row: each column's terms are subtracted in row order.
      d.set(colCost)
      for (let r = 0; r < nr; r++) {
        const v = y[r]!
        if (v === 0) continue
        for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) d[rowIndex[e]!]! -= rowValue[e]! * v
      }
      let b = 0
      for (let r = 0; r < nr; r++) {
        const v = y[r]!
        if (v > 0) b += v * rowUpper[r]!
        else if (v < 0) b += v * rowLower[r]!
      }
      for (let j = 0; j < nc; j++) if (inCore[j] === 1) b += term(j)
      bound = Number.isNaN(b) ? Infinity : b
    }
    const everything = () => {
      for (let j = 0; j < nc; j++) join(j)
    }
    // An infeasible core: four times as many columns per row, then all of them.
    const grow = () => {
      perRow *= 4
      if (perRow > 256) everything()
      else widen()
    }

    // An infeasible core LP, priced by its Farkas certificate: a ray r with
    // max_x∈box Σ_j (rᵀa_j)·x_j < Σ_i min_{L_i ≤ a ≤ U_i} r_i·a, so no x within the columns'
    // bounds meets every row. The certificate holds for the whole model unless the left-out
    // columns with rᵀa_j > 0 can close that deficit: then exactly those join (`[]`: the whole
    // model is infeasible, proven). `null`: no usable certificate (the core widens instead).
    const farkas = (): number[] | null => {
      try {
        const ray = model.getDualRay()
        return ray === undefined ? null : farkasPricing(m, ray.values, inCore)
      } catch {
        return null
      }
    }

    // With y = 0 the bound is the trivial one (every column at its best bound): valid before any LP.
    price()

    // Bound of the whole model from the duals: B plus what the columns left out could add.
    const outside = () => {
      let most = -Infinity
      let positive = 0
      for (let j = 0; j < nc; j++)
        if (inCore[j] === 0) {
          most = Math.max(most, d[j]!)
          if (d[j]! > 0) positive += d[j]! * colUpper[j]!
        }
      return { most, positive }
    }

    // Pricing loop.
    const lpStarted = performance.now()
    let lpDone = false
    for (;;) {
      // An abort between two LPs stops like one during an LP.
      if (halted()) {
        lpMs = performance.now() - lpStarted
        break
      }
      pricingRounds++
      model.options.set({ time_limit: left() })
      const run = model.run({ [cb.simplexInterrupt]: stop })
      const status = statusOf(run.modelStatus)
      if (status === 'infeasible') {
        if (order.length === nc) return failed('infeasible', 'the LP relaxation is infeasible')
        const helping = farkas()
        if (helping !== null && helping.length === 0)
          // Proven on the core alone: no left-out column can close the certificate's deficit.
          return {
            ...failed('infeasible', 'the LP relaxation is infeasible'),
            stats: {
              coreColumns: order.length,
              columns: nc,
              pricingRounds,
              milpRounds: 0,
              lpBound: null,
              lpMs: performance.now() - lpStarted,
              milpMs: 0,
            },
          }
        if (helping !== null) for (const j of helping) join(j)
        else grow()
        pass(false)
        continue
      }
      if (status !== 'optimal') {
        lpMs = performance.now() - lpStarted
        if (status === 'timeLimit' || status === 'interrupted') break
        return failed(status === 'unbounded' ? 'unbounded' : 'error', `LP relaxation ended with ${status}`)
      }
      y.set(model.getSolution().rowDual)
      price()
      // The Lagrangian bound holds for the whole model at every round (before any column joins): report it.
      if (Number.isFinite(bound)) hooks.onImproved(null, bound + outside().positive, null)
      let added = 0
      const cand: number[] = []
      for (let r = 0; r < nr; r++) {
        cand.length = 0
        for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
          const j = rowIndex[e]!
          if (inCore[j] === 0 && d[j]! > PRICE_TOL) cand.push(j)
        }
        if (cand.length > PRICE_PER_ROW) {
          cand.sort((a, b) => d[b]! - d[a]! || a - b)
          cand.length = PRICE_PER_ROW
        }
        for (const j of cand)
          if (inCore[j] === 0) {
            join(j)
            added++
          }
      }
      if (added === 0) {
        lpDone = true
        break
      }
      pass(false)
    }
    lpMs = performance.now() - lpStarted
    const lpBound = lpDone ? bound : null
    const lpBasis = lpDone ? { core: Int32Array.from(order), ...model.getBasis() } : null

    // Core MILP and the reduced-cost proof.
    const milpStarted = performance.now()
    // The start fitted to this model: values clamped to the column bounds; the rows it still
    // violates (a lock or a quota edited since it was found), or its value when it is feasible.
    let startRows: number[] = []
    let startValue = -Infinity
    if (hooks.start !== undefined) {
      const fitted = fitStart(m, hooks.start)
      startRows = fitted.violated
      startValue = fitted.value
      incumbent = fitted.x
    }
    // Warm: the MILP core is every column that a solution within the earlier gap of the LP bound
    // may use (B + d_j ≥ B − γ), or, with a feasible start of value z₀, that a solution better
    // than the start may use (B + d_j ≥ z₀) when that is fewer; the others leave. Should the
    // optimum found lie lower than the threshold, the proof below brings back the columns it needs.
    if (warm !== undefined && lpDone) {
      const gamma = Math.max(0, Math.min(warm.gap * GAP_MARGIN, bound - startValue)) + 2 * PROOF_TOL
      const drop = new Uint8Array(order.length)
      let dropped = 0
      order.forEach((j, k) => {
        if (!kept(j) && d[j]! < -gamma) {
          drop[k] = 1
          inCore[j] = 0
          addTerm(-term(j))
          dropped++
        }
      })
      if (dropped > 0) {
        model.deleteCols({ kind: 'mask', mask: drop })
        let at = 0
        for (let k = 0; k < drop.length; k++) if (drop[k] === 0) order[at++] = order[k]!
        order.length = at
        passed = at
      }
      // Within the column budget, the most promising first; the proof brings back what it needs.
      const near: number[] = []
      for (let j = 0; j < nc; j++) if (inCore[j] === 0 && pricable[j] === 1 && d[j]! >= -gamma) near.push(j)
      const room = MAX_CORE_COLUMNS - order.length
      if (near.length > room) {
        near.sort((a, b) => d[b]! - d[a]! || a - b)
        near.length = Math.max(0, room)
      }
      for (const j of near) join(j)
      pass(false)
    }
    // HiGHS runs no model without columns: an empty core keeps its most promising column.
    if (order.length === 0 && nc > 0) {
      let best = 0
      for (let j = 1; j < nc; j++) if (d[j]! > d[best]!) best = j
      join(best)
      pass(false)
    }
    if (order.length > 0)
      model.changeColsIntegrality(
        { kind: 'range', from: 0, to: order.length - 1 },
        Int32Array.from(order, (j) => integer[j]!),
      )
    // A bound valid for the whole model. The Lagrangian bound B + Σ max(0, d_j) over the left-out
    // columns always holds; with a bound on the core's own solutions (HiGHS's dual bound of the
    // core MILP — never its incumbent, which bounds nothing) it sharpens to
    // max(core bound, best a solution using a left-out column can reach).
    const fullBound = (coreBound: number | null): number | null => {
      if (!Number.isFinite(bound)) return null
      const o = outside()
      const lagrangian = bound + o.positive
      if (coreBound === null || !Number.isFinite(coreBound)) return lagrangian
      const viaOutside = o.most === -Infinity ? -Infinity : bound + (o.most > 0 ? o.positive : o.most)
      return Math.min(lagrangian, Math.max(coreBound, viaOutside))
    }
    for (;;) {
      milpRounds++
      if (incumbent !== null) {
        const inc = incumbent
        // Where the start violates rows, the columns around them are left free for HiGHS to
        // complete (a sub-MIP over a few hundred columns) rather than a start it rejects whole.
        const free =
          incumbentObjective === null && startRows.length > 0
            ? repairRings(m, startRows, inCore, order, colCount, REPAIR_DEPTH, REPAIR_WIDE)
            : null
        const at: number[] = []
        order.forEach((j, k) => {
          if (free === null || free[j] === 0) at.push(k)
        })
        // A repair that frees a quarter of the core is a second MILP, not a start: none then.
        if (at.length > order.length - order.length / 4)
          try {
            model.setSolution({
              indices: Int32Array.from(at),
              values: Float64Array.from(at, (k) => inc[order[k]!]!),
            })
          } catch {
            // A start HiGHS will not take is only a lost hint.
          }
      }
      model.options.set({ time_limit: left() })
      const run = model.run({
        [cb.simplexInterrupt]: stop,
        [cb.mipInterrupt]: stop,
        [cb.mipImprovingSolution]: (e): undefined => {
          const dd = e.data
          const inc = dd.mip_primal_bound ?? dd.objective_function_value ?? null
          // HiGHS reports a dual bound equal to the incumbent when it takes a start, before its
          // root LP: no proof, so only a dual bound above the incumbent counts.
          const db = dd.mip_dual_bound ?? null
          const b = fullBound(db !== null && (inc === null || db > inc + 1e-9) ? db : null)
          hooks.onImproved(
            inc,
            b,
            inc === null || b === null ? null : Math.max(0, (b - inc) / Math.max(1, Math.abs(inc))),
          )
          return undefined
        },
      })
      const status = statusOf(run.modelStatus)
      const hasPrimal =
        Number(model.info.get('primal_solution_status')) === highs.constants.solutionStatus.feasible
      const stats = (): CoreStats => ({
        coreColumns: order.length,
        columns: nc,
        pricingRounds,
        milpRounds,
        lpBound,
        lpMs,
        milpMs: performance.now() - milpStarted,
      })
      if (status === 'infeasible') {
        if (order.length === nc)
          return { ...failed('infeasible', 'no staffing meets every hard rule'), stats: stats() }
        // The core lacks columns some hard row needs: widen it, within the column budget.
        grow()
        if (order.length > MAX_CORE_COLUMNS)
          return {
            ...failed(
              'memoryLimit',
              `the core MILP is infeasible, and deciding on the whole model would take more than ${MAX_CORE_COLUMNS} columns (maxCoreColumns)`,
            ),
            stats: stats(),
          }
        pass(true)
        continue
      }
      if (!hasPrimal) {
        const b = Number(model.info.get('mip_dual_bound'))
        return {
          status,
          values: null,
          objective: null,
          dualBound: fullBound(Number.isFinite(b) ? b : null),
          message: null,
          fatal: false,
          stats: stats(),
        }
      }
      const colValue = model.getSolution().colValue
      const values = new Float64Array(nc)
      order.forEach((j, k) => (values[j] = colValue[k]!))
      const objective = model.getObjectiveValue()
      // The core's own dual bound: finite only when HiGHS proved one (a stop before its root LP
      // leaves none). An optimal core MILP closed its gap to within mip_abs_gap.
      const dual = Number(model.info.get('mip_dual_bound'))
      // After a stop, one not above the incumbent is no proof (see the callback above).
      const coreBound =
        status === 'optimal'
          ? Number.isFinite(dual)
            ? Math.max(dual, objective)
            : objective + 1e-7
          : Number.isFinite(dual) && dual > objective + 1e-9
            ? dual
            : null
      incumbent = values
      incumbentObjective = objective
      if (status !== 'optimal') {
        return {
          status,
          values,
          objective,
          dualBound: fullBound(coreBound),
          message: null,
          fatal: false,
          stats: stats(),
        }
      }
      // The proof: a left-out column can be in a better solution only if B + d_j > z.
      const wanted: number[] = []
      if (!lpDone) {
        // Pricing did not finish (time): no proof; every column might matter.
        for (let j = 0; j < nc; j++) if (inCore[j] === 0) wanted.push(j)
      } else
        for (let j = 0; j < nc; j++)
          if (inCore[j] === 0 && bound + d[j]! > objective + PROOF_TOL) wanted.push(j)
      incumbentBound = fullBound(coreBound)
      if (wanted.length === 0)
        return {
          status: 'optimal',
          values,
          objective,
          dualBound: objective,
          message: null,
          fatal: false,
          stats: stats(),
          ...(lpBound === null || lpBasis === null
            ? {}
            : { warm: { ...lpBasis, gap: Math.max(0, lpBound - objective) } }),
        }
      const stopped = (why: string): CoreRun => ({
        status: why,
        values,
        objective,
        dualBound: incumbentBound,
        message: null,
        fatal: false,
        stats: stats(),
      })
      if (left() <= 0.001) return stopped('timeLimit')
      const room = MAX_CORE_COLUMNS - order.length
      if (room <= 0) return stopped('memoryLimit')
      // The most promising first, when not all of them fit.
      if (wanted.length > room) {
        wanted.sort((a, b) => d[b]! - d[a]! || a - b)
        wanted.length = room
      }
      for (const j of wanted) join(j)
      pass(true)
    }
  } catch (e) {
    const fatal = e instanceof WebAssembly.RuntimeError
    // HiGHS ran out of memory proving a solution it had already found: keep that solution.
    if (fatal && incumbent !== null && incumbentObjective !== null)
      return {
        status: 'memoryLimit',
        values: incumbent,
        objective: incumbentObjective,
        dualBound: incumbentBound,
        message: String(e),
        fatal,
        stats: null,
      }
    return failed('error', String(e), fatal)
  } finally {
    try {
      hm?.dispose()
    } catch {
      // The instance is already unusable; the caller discards it on `fatal`.
    }
  }
}

/**
 * A start fitted to a model: values of integer columns rounded (a start found
 * by HiGHS is integral within its tolerance) and every value clamped to its
 * column's bounds; the rows it still violates (beyond 1e-6), and its objective
 * value when it violates none (−∞ otherwise). Self-contained: the worker
 * evaluates its text beside {@link runCore}. @internal
 */
export function fitStart(
  m: CoreArrays,
  start: { readonly indices: Int32Array; readonly values: Float64Array },
): { x: Float64Array; violated: number[]; value: number } {
  // Local names for the arrays: one property load per run, not one per entry.
  const { colCost, colLower, colUpper, integer, rowLower, rowUpper, rowStarts, rowIndex, rowValue } = m
  const nc = colCost.length
  const x = new Float64Array(nc)
  for (let k = 0; k < start.indices.length; k++) {
    const j = start.indices[k]!
    if (j >= 0 && j < nc) x[j] = start.values[k]!
  }
  for (let j = 0; j < nc; j++) {
    const v = integer[j] === 1 ? Math.round(x[j]!) : x[j]!
    x[j] = Math.min(colUpper[j]!, Math.max(colLower[j]!, v))
  }
  const violated: number[] = []
  for (let r = 0; r < rowLower.length; r++) {
    let act = 0
    for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) act += rowValue[e]! * x[rowIndex[e]!]!
    if (act < rowLower[r]! - 1e-6 || act > rowUpper[r]! + 1e-6) violated.push(r)
  }
  let value = -Infinity
  if (violated.length === 0) {
    value = 0
    for (let j = 0; j < nc; j++) if (x[j] !== 0) value += colCost[j]! * x[j]!
  }
  return { x, violated, value }
}

/**
 * Prices an infeasible core LP by its Farkas certificate. `ray` is a dual ray
 * of the core (either sign): a certificate when, with `r` the ray,
 * `max_x∈box Σ_j (rᵀa_j)·x_j < Σ_i min_{L_i ≤ a ≤ U_i} r_i·a` over the core's
 * columns — no `x` within their bounds meets every row. It holds for the whole
 * model unless the left-out columns with `rᵀa_j > 0` can close that deficit:
 * then exactly those are returned; `[]` when even all of them cannot (the whole
 * model is infeasible, proven); `null` when `ray` is no certificate.
 * Self-contained: the worker evaluates its text beside {@link runCore}. @internal
 */
export function farkasPricing(m: CoreArrays, ray: Float64Array, inCore: Uint8Array): number[] | null {
  // Local names for the arrays: one property load per run, not one per entry.
  const { colCost, colLower, colUpper, rowLower, rowUpper, rowStarts, rowIndex, rowValue } = m
  const nc = colCost.length
  const nr = rowLower.length
  if (ray.length !== nr) return null
  const g = new Float64Array(nc)
  for (const sign of [1, -1]) {
    let low = 0
    for (let r = 0; r < nr; r++) {
      const v = sign * ray[r]!
      if (v > 1e-12) low += v * rowLower[r]!
      else if (v < -1e-12) low += v * rowUpper[r]!
    }
    if (!Number.isFinite(low)) continue
    g.fill(0)
    let scale = 1
    for (let r = 0; r < nr; r++) {
      const v = sign * ray[r]!
      if (Math.abs(v) <= 1e-12) continue
      scale = Math.max(scale, Math.abs(v))
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) g[rowIndex[e]!]! += rowValue[e]! * v
    }
    let high = 0
    let extra = 0
    for (let j = 0; j < nc; j++) {
      const v = g[j]!
      if (Math.abs(v) <= 1e-12) continue
      const most = v > 0 ? v * colUpper[j]! : v * colLower[j]!
      if (inCore[j] === 1) high += most
      else if (most > 0) extra += most
    }
    const tol = 1e-7 * scale * Math.max(1, Math.abs(low))
    if (!(high < low - tol)) continue
    if (high + extra < low - tol) return []
    const helping: number[] = []
    for (let j = 0; j < nc; j++) if (inCore[j] === 0 && g[j]! > 1e-12) helping.push(j)
    return helping
  }
  return null
}

/**
 * The core columns a repair leaves free around the rows a start violates:
 * the columns of those rows, then ring after ring of the rows that share a
 * freed column (`depth` rings in all; a lock moves a cadre, whose post needs a
 * holder, whose post needs one…). Past the violated rows, a row with more
 * than `wide` core columns (a team's or the county's count) and every row of
 * the last ring free only their slacks (columns of a single row). `order`
 * lists the core's columns; `colCount` is the number of rows of every column.
 * Self-contained: the worker evaluates its text beside {@link runCore}. @internal
 */
export function repairRings(
  m: CoreArrays,
  violated: readonly number[],
  inCore: Uint8Array,
  order: readonly number[],
  colCount: Int32Array,
  depth: number,
  wide: number,
): Uint8Array {
  // Local names for the arrays: one property load per run, not one per entry.
  const { colCost, rowLower, rowStarts, rowIndex } = m
  const nc = colCost.length
  const nr = rowLower.length
  // The rows of each core column, gathered in one pass over the rows.
  const place = new Int32Array(nc).fill(-1)
  const at = new Int32Array(order.length + 1)
  order.forEach((j, k) => {
    place[j] = k
    at[k + 1] = at[k]! + colCount[j]!
  })
  const rowsOf = new Int32Array(at[order.length]!)
  const fill = at.slice(0, order.length)
  for (let r = 0; r < nr; r++)
    for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
      const k = place[rowIndex[e]!]!
      if (k >= 0) rowsOf[fill[k]!++] = r
    }
  const single = (j: number) => colCount[j]! <= 1
  const free = new Uint8Array(nc)
  const seen = new Uint8Array(nr)
  let rows = [...violated]
  for (const r of rows) seen[r] = 1
  for (let ring = 0; ring < depth; ring++) {
    const freed: number[] = []
    for (const r of rows) {
      let width = 0
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) width += inCore[rowIndex[e]!]!
      const all = ring === 0 || (ring < depth - 1 && width <= wide)
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) {
        const j = rowIndex[e]!
        if (inCore[j] === 1 && free[j] === 0 && (all || single(j))) {
          free[j] = 1
          freed.push(j)
        }
      }
    }
    // The next ring: the rows, not yet reached, of the columns just freed.
    const next: number[] = []
    for (const j of freed)
      for (let p = at[place[j]!]!; p < at[place[j]! + 1]!; p++) {
        const q = rowsOf[p]!
        if (seen[q] === 0) {
          seen[q] = 1
          next.push(q)
        }
      }
    rows = next
  }
  return free
}
