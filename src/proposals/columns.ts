/**
 * Every column's value at a staffing: its pair and vacancy columns as the
 * staffing sets them, and the auxiliary columns at their best for those — a
 * team has a temperament (`has:`) when a member brings it, a head has changed
 * (`changed:`) only when one did, a slack is the shortfall the staffing
 * leaves. A stopped solve's incumbent may leave an indicator below what its
 * pairs allow and pay slack for it; read from these values instead, a
 * proposal's penalties and objective are those of its staffing (what
 * `auditProposal` recomputes), and so are the rows an explanation sees tight.
 *
 * No solve is needed: once the pairs are fixed, each indicator is bounded by
 * the rows that define it (`has ≤ Σ x`, `changed ≥ 1 − stay`), and pushed to
 * the end of that range its rule rows prefer (more `has`, fewer `changed`);
 * each slack then takes the least value its row allows.
 *
 * Only the rows with an auxiliary column are read, and of those only the
 * entries of the staffing's columns: a city's model has tens of millions of
 * entries, a staffing a few thousand columns. Rows list their columns in
 * ascending order (`MilpBuilder`, `editMilp`), and the formulation numbers
 * the pair and vacancy columns before every auxiliary one, so a row has an
 * auxiliary column when its last column is one.
 *
 * @module
 */
import type { Proposal } from '../domain/proposal.js'
import type { Milp } from '../model/milp.js'
import type { StaffingModel } from '../model/index.js'

/** Feasibility tolerance on rows and ranges. */
const TOL = 1e-6

/** The value of each auxiliary column of a staffing, and whether the rows with one hold. */
interface Completion {
  readonly aux: ReadonlyMap<number, number>
  readonly feasible: boolean
}

/** First position in `a[from, to)` whose value is ≥ `v`. */
function lowerBound(a: ArrayLike<number>, from: number, to: number, v: number): number {
  let lo = from
  let hi = to
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (a[mid]! < v) lo = mid + 1
    else hi = mid
  }
  return lo
}

/**
 * Σ a_rj over the staffing's columns `on` (ascending) in row `r`, entries `[s, e)`
 * of `m`: each of them looked up in the row, or a merge of the two when they are many.
 */
function activityOn(m: Milp, s: number, e: number, on: Int32Array): number {
  if (e <= s) return 0
  const from = lowerBound(on, 0, on.length, m.rowIndex[s]!)
  const to = lowerBound(on, from, on.length, m.rowIndex[e - 1]! + 1)
  let act = 0
  if ((to - from) * Math.log2(e - s + 1) < e - s) {
    for (let i = from; i < to; i++) {
      const at = lowerBound(m.rowIndex, s, e, on[i]!)
      if (at < e && m.rowIndex[at] === on[i]) act += m.rowValue[at]!
    }
    return act
  }
  let i = from
  let k = s
  while (i < to && k < e) {
    const a = on[i]!
    const b = m.rowIndex[k]!
    if (a === b) act += m.rowValue[k]!
    if (a <= b) i++
    if (b <= a) k++
  }
  return act
}

/** An indicator's range, which way its rule rows prefer it, and whether a defining row caps it. */
interface Indicator {
  lo: number
  hi: number
  pref: number
  capped: boolean
}

/** The last pair or vacancy column, and whether they are exactly the columns 0 … that one. */
interface Layout {
  readonly maxGiven: number
  readonly layered: boolean
}

/** Per model (its variants share `pairCol`): a city's model has millions of pair columns. */
const layouts = new WeakMap<Int32Array, Map<Int32Array, Layout>>()

function layoutOf({ pairCol, vacancyCol }: StaffingModel): Layout {
  let byVacancy = layouts.get(pairCol)
  if (byVacancy === undefined) layouts.set(pairCol, (byVacancy = new Map()))
  let layout = byVacancy.get(vacancyCol)
  if (layout === undefined) {
    let maxGiven = -1
    for (let k = 0; k < pairCol.length; k++) if (pairCol[k]! > maxGiven) maxGiven = pairCol[k]!
    for (let i = 0; i < vacancyCol.length; i++) if (vacancyCol[i]! > maxGiven) maxGiven = vacancyCol[i]!
    // The formulation's layout: the pair and vacancy columns are exactly 0 … maxGiven.
    layout = { maxGiven, layered: pairCol.length + vacancyCol.length === maxGiven + 1 }
    byVacancy.set(vacancyCol, layout)
  }
  return layout
}

/**
 * The best auxiliary values for the staffing whose pair and vacancy columns at
 * 1 are `on` (ascending; every other pair and vacancy column at 0).
 */
function complete(model: StaffingModel, on: Int32Array): Completion {
  const m = model.milp
  const rows = m.rowLower.length
  const { pairCol, vacancyCol } = model
  const { maxGiven, layered } = layoutOf(model)
  const given = layered ? null : new Uint8Array(m.colLower.length)
  if (given !== null) {
    for (let k = 0; k < pairCol.length; k++) given[pairCol[k]!] = 1
    for (let i = 0; i < vacancyCol.length; i++) given[vacancyCol[i]!] = 1
  }
  const isAux = (j: number) => (given === null ? j > maxGiven : given[j] === 0)
  const slacks = new Set(model.slacks.map((s) => s.col))
  // The rows with an auxiliary column: their first auxiliary entry (all of them follow it when layered).
  const auxRows: number[] = []
  const firstAux: number[] = []
  for (let r = 0; r < rows; r++) {
    const s = m.rowStarts[r]!
    const e = m.rowStarts[r + 1]!
    if (e === s) continue
    if (given === null) {
      if (m.rowIndex[e - 1]! <= maxGiven) continue
      auxRows.push(r)
      firstAux.push(lowerBound(m.rowIndex, s, e, maxGiven + 1))
    } else {
      let k = s
      while (k < e && !isAux(m.rowIndex[k]!)) k++
      if (k === e) continue
      auxRows.push(r)
      firstAux.push(k)
    }
  }
  const ind = new Map<number, Indicator>()
  const indicator = (j: number): Indicator => {
    let x = ind.get(j)
    if (x === undefined) ind.set(j, (x = { lo: m.colLower[j]!, hi: m.colUpper[j]!, pref: 0, capped: false }))
    return x
  }
  // Each row's activity over the staffing's columns, once.
  const base = new Float64Array(auxRows.length)
  auxRows.forEach((r, i) => {
    const s = m.rowStarts[r]!
    const e = m.rowStarts[r + 1]!
    const act = activityOn(m, s, given === null ? firstAux[i]! : e, on)
    base[i] = act
    let aux = 0
    let only = -1
    let coef = 0
    for (let k = firstAux[i]!; k < e; k++) {
      const j = m.rowIndex[k]!
      if (!isAux(j)) continue
      aux++
      only = slacks.has(j) ? -1 : j
      coef = m.rowValue[k]!
    }
    const L = m.rowLower[r]!
    const U = m.rowUpper[r]!
    if (aux === 1 && only >= 0) {
      // A defining row: coef·z within [L − act, U − act].
      const a = (L - act) / coef
      const b = (U - act) / coef
      const x = indicator(only)
      const [from, to] = coef > 0 ? [a, b] : [b, a]
      if (from > x.lo) x.lo = from
      if (to < x.hi) {
        x.hi = to
        x.capped = true
      }
      return
    }
    // A rule row: a row bounded below wants its activity up, one bounded above wants it down.
    const dir = L > -Infinity && U === Infinity ? 1 : U < Infinity && L === -Infinity ? -1 : 0
    for (let k = firstAux[i]!; k < e; k++) {
      const j = m.rowIndex[k]!
      if (isAux(j) && !slacks.has(j)) indicator(j).pref += dir * Math.sign(m.rowValue[k]!)
    }
  })
  let feasible = true
  const aux = new Map<number, number>()
  for (const [j, x] of ind) {
    let from = x.lo
    let to = x.hi
    if (m.integer[j] === 1) {
      from = Math.ceil(from - 1e-9)
      to = Math.floor(to + 1e-9)
    }
    if (from > to + TOL) feasible = false
    const up = x.pref > 0 || (x.pref === 0 && x.capped)
    const v = up ? (Number.isFinite(to) ? to : from) : Number.isFinite(from) ? from : to
    aux.set(j, Number.isFinite(v) ? v : 0)
  }
  auxRows.forEach((r, i) => {
    let act = base[i]!
    let slack = -1
    let coef = 0
    for (let k = firstAux[i]!; k < m.rowStarts[r + 1]!; k++) {
      const j = m.rowIndex[k]!
      if (!isAux(j)) continue
      if (!slacks.has(j)) act += m.rowValue[k]! * aux.get(j)!
      else if (slack < 0) {
        slack = j
        coef = m.rowValue[k]!
      } else {
        // A second slack in one row (no formulation makes one) stays at its least.
        aux.set(j, m.colLower[j]!)
        act += m.rowValue[k]! * m.colLower[j]!
      }
    }
    if (slack >= 0) {
      // The least slack that brings the row within its bounds: the shortfall.
      const need = (coef > 0 ? m.rowLower[r]! - act : m.rowUpper[r]! - act) / coef
      const v = Number.isFinite(need) ? Math.max(m.colLower[slack]!, need) : m.colLower[slack]!
      aux.set(slack, v)
      act += coef * v
      if (v > m.colUpper[slack]! + TOL) feasible = false
    }
    if (act < m.rowLower[r]! - TOL || act > m.rowUpper[r]! + TOL) feasible = false
  })
  return { aux, feasible }
}

/** The pair and vacancy columns at 1 of a choice of pair per open post (−1: vacant), ascending. */
function onOfChoice(model: StaffingModel, chosen: Int32Array): Int32Array {
  const on = new Int32Array(chosen.length)
  chosen.forEach((k, i) => {
    on[i] = k < 0 ? model.vacancyCol[i]! : model.pairCol[k]!
  })
  return on.sort()
}

/**
 * The best value of each auxiliary column (slacks included) for a staffing
 * given as the pair index chosen for each open post (−1: vacant): a column
 * missing from the map is in no row, and at 0.
 * @internal
 */
export function auxiliaryAt(model: StaffingModel, chosen: Int32Array): ReadonlyMap<number, number> {
  return complete(model, onOfChoice(model, chosen)).aux
}

/**
 * Every column's value at a proposal: its pairs and vacancies as it states
 * them, the auxiliary columns at their best for those; `null` when the
 * proposal breaks a row of the model (a hard team rule, a post filled twice).
 * @internal
 */
export function columnsAt(model: StaffingModel, p: Proposal): Float64Array | null {
  const { scenario } = model.ctx
  const m = model.milp
  const chosen = new Set(p.assignments.map((a) => `${a.cadreId}\u0000${a.postId}`))
  const x = new Float64Array(m.colLower.length)
  const on: number[] = []
  const { cadre, post } = model.eligibility
  for (let k = 0; k < model.eligibility.size; k++)
    if (chosen.has(`${scenario.cadres[cadre[k]!]!.id}\u0000${scenario.openPosts[post[k]!]!}`))
      on.push(model.pairCol[k]!)
  p.assignments.forEach((a, i) => {
    if (a.cadreId === null) on.push(model.vacancyCol[i]!)
  })
  for (const j of on) x[j] = 1
  const { aux, feasible } = complete(model, Int32Array.from(on).sort())
  if (!feasible) return null
  for (const [j, v] of aux) x[j] = v
  // Every row, those without an auxiliary column too (a post filled twice, a hard pair-only row).
  for (let r = 0; r < m.rowLower.length; r++) {
    let act = 0
    for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++) act += m.rowValue[e]! * x[m.rowIndex[e]!]!
    if (act < m.rowLower[r]! - TOL || act > m.rowUpper[r]! + TOL) return null
  }
  return x
}
