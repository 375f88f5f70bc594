/**
 * Gomory mixed-integer cuts for the whole model, read off the priced core's
 * optimal LP basis. Once pricing has finished, that basis is a basis of the
 * whole model's LP: every column left out of the core is nonbasic at its
 * lower bound 0. Each basic integer column with a fractional value gives a
 * tableau row `x_k + Σ_N ᾱ_j t_j = f`, over the nonbasic columns and row
 * activities `t` measured from the bound they sit at (so `t ≥ 0` for every
 * solution) — written out for every column of the model, the left-out ones
 * included (`ᾱ_j = ρ·a_j` with `ρ` the basis inverse's row). Its Gomory
 * mixed-integer cut `Σ g_j t_j ≥ 1` holds for every integer solution of the
 * whole model, whatever the basis (G. Cornuéjols, "Valid inequalities for
 * mixed integer linear programs", Math. Programming 112, 2008); written back
 * in the columns `x`, it is a row the priced core treats as any other: its
 * dual prices the left-out columns too.
 *
 * On the staffing models, one round of these cuts closes most or all of the
 * LP–MILP gap that otherwise decides how many columns the proof must admit
 * (docs/benchmarks.md).
 *
 * @module
 */
import type { CoreContext } from './context.js'
import type { CoreArrays } from './types.js'
import { Workspace } from './workspace.js'

/** A cut `Σ value·x ≥ lower` over the columns `index` (increasing). @internal */
export interface Cut {
  readonly index: Int32Array
  readonly value: Float64Array
  readonly lower: number
}

/** Basic columns whose fractional part lies within this of an integer give no cut. */
const MIN_FRACTION = 0.01
/** Cuts per round, the most fractional basic columns first. */
const MAX_CUTS = 60
/** A cut whose largest and smallest coefficients differ by more than this factor is dropped. */
const MAX_DYNAMISM = 1e7
/** Coefficients below this fraction of the largest are removed, the right-hand side relaxed for them. */
const TINY = 1e-9
/** A cut must cut the LP point off by at least this, relative to its size. */
const MIN_VIOLATION = 1e-5
/**
 * Nonzeros of one cut, at most, as a share of the columns (dense cuts make
 * every LP and MILP of the core slower, and at county scale they do not fit
 * the wasm heap), and of all cuts together, as a share of the model's.
 */
const CUT_DENSITY = 0.02
const CUTS_SHARE = 0.25
/** A tableau row is read over at most this many times a cut's nonzeros, in matrix entries. */
const FARTHEST = 3

/**
 * {@link integralRows} of a run's model so far, by its workspace, with the
 * storage of the entries it was read from: a round of cuts only appends rows
 * (in that storage, when it has room), so the rows before keep their answer
 * (at 10,000 cadres, 0.2 s a round). Other storage is read anew.
 */
const integralKnown = new WeakMap<
  Workspace,
  { readonly entries: ArrayBufferLike; readonly rows: Uint8Array }
>()

/**
 * 1 for each row whose activity is integral on every integer solution:
 * integer entries on integer columns, integer bounds. `known`: the answer for
 * the first rows of `m`, read rather than found again.
 */
function integralRows(m: CoreArrays, known?: Uint8Array): Uint8Array {
  const { rowLower, rowUpper, rowStarts, rowIndex, rowValue, integer } = m
  const out = new Uint8Array(rowLower.length)
  const from = known === undefined ? 0 : Math.min(known.length, out.length)
  if (known !== undefined) out.set(known.subarray(0, from))
  for (let r = from; r < out.length; r++) {
    let ok =
      (rowLower[r] === -Infinity || Number.isInteger(rowLower[r])) &&
      (rowUpper[r] === Infinity || Number.isInteger(rowUpper[r]))
    for (let e = rowStarts[r]!; ok && e < rowStarts[r + 1]!; e++)
      ok = integer[rowIndex[e]!] === 1 && Number.isInteger(rowValue[e])
    out[r] = ok ? 1 : 0
  }
  return out
}

/**
 * Up to {@link MAX_CUTS} Gomory mixed-integer cuts from the optimal basis of
 * the core's LP (call after pricing has finished), each violated by the LP
 * point, each valid for every integer solution of the whole model.
 * @internal
 */
export function gomoryCuts(ctx: CoreContext, ws: Workspace = new Workspace()): Cut[] {
  const { model, m, columns, highs } = ctx
  const { colLower, colUpper, integer, rowLower, rowUpper, rowStarts, rowIndex, rowValue } = m
  const { order } = columns
  const nc = colLower.length
  const nr = rowLower.length
  const bs = highs.constants.basisStatus
  const basic = model.getBasicVariables()
  const basis = model.getBasis()
  const solution = model.getSolution()
  // Over every column, reused by the run's next round (see Workspace, which clears them for each
  // call): each column's place among the columns a candidate's tableau row touches (−1: none),
  // and its position in the core's order (−1: left out).
  const at = ws.i32('cuts.at', nc, -1)
  const pos = ws.i32('cuts.pos', nc, -1)
  // ᾱ and the cut's coefficients of the touched columns, in their order: a few per cent of the
  // columns at most (FARTHEST), not arrays over all of them.
  const touched: number[] = []
  let alpha = new Float64Array(1024)
  let pi = new Float64Array(1024)
  const touch = (j: number): number => {
    let s = at[j]!
    if (s >= 0) return s
    s = touched.length
    if (s === alpha.length) {
      const wider = (a: Float64Array) => {
        const b = new Float64Array(2 * a.length)
        b.set(a)
        return b
      }
      alpha = wider(alpha)
      pi = wider(pi)
    }
    at[j] = s
    alpha[s] = 0
    pi[s] = 0
    touched.push(j)
    return s
  }
  const untouch = () => {
    for (const j of touched) at[j] = -1
    touched.length = 0
  }
  // The LP point and the status of every column: the core's from HiGHS, the left-out columns
  // nonbasic at their lower bound 0.
  order.forEach((j, p) => (pos[j] = p))
  const x = (j: number): number => (pos[j]! >= 0 ? solution.colValue[pos[j]!]! : 0)
  const status = (j: number): number => (pos[j]! >= 0 ? basis.colStatus[pos[j]!]! : bs.lower)
  const candidates: { readonly k: number; readonly j: number; readonly f: number }[] = []
  for (let k = 0; k < basic.length; k++) {
    const p = basic[k]!
    if (p < 0) continue
    const j = order[p]!
    if (integer[j] !== 1) continue
    const f = x(j) - Math.floor(x(j))
    if (f > MIN_FRACTION && f < 1 - MIN_FRACTION) candidates.push({ k, j, f })
  }
  candidates.sort((a, b) => Math.abs(a.f - 0.5) - Math.abs(b.f - 0.5) || a.j - b.j)
  if (candidates.length === 0) return []
  const known = integralKnown.get(ws)
  const intRow = integralRows(m, known?.entries === rowIndex.buffer ? known.rows : undefined)
  integralKnown.set(ws, { entries: rowIndex.buffer, rows: intRow })
  // Per candidate, only the columns of the rows its basis-inverse row reaches are touched.
  const found: { readonly cut: Cut; readonly efficacy: number }[] = []
  const widest = Math.max(1000, Math.floor(CUT_DENSITY * nc))
  const farthest = FARTHEST * widest
  for (const { k, j: jb, f: f0 } of candidates.slice(0, MAX_CUTS)) {
    const rho = model.getBasisInverseRow(k).values
    // A row of the tableau over too much of the model gives a cut too dense to use: not read.
    let reach = 0
    for (let r = 0; r < nr && reach <= farthest; r++)
      if (rho[r] !== 0) reach += rowStarts[r + 1]! - rowStarts[r]!
    if (reach > farthest) continue
    // ᾱ over every column: ρ·a_j, row by row (zero for the columns no such row reaches).
    untouch()
    for (let r = 0; r < nr; r++) {
      const v = rho[r]!
      if (v === 0) continue
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) alpha[touch(rowIndex[e]!)]! += v * rowValue[e]!
    }
    // Nor one that does not read 1 on its own basic column (a basis inverse off by rounding).
    if (at[jb]! < 0 || Math.abs(alpha[at[jb]!]! - 1) > 1e-7) continue
    // The GMI coefficient of a nonbasic t with tableau entry a.
    const g = (a: number, isInteger: boolean): number => {
      if (isInteger) {
        const fj = a - Math.floor(a)
        return Math.min(fj / f0, (1 - fj) / (1 - f0))
      }
      return a >= 0 ? a / f0 : -a / (1 - f0)
    }
    let rhs = 1
    let usable = true
    for (let i = 0; i < touched.length; i++) {
      const j = touched[i]!
      const a = alpha[i]!
      // Every nonzero entry counts (a tiny one is dropped by `tidy`, which relaxes the cut for it).
      if (j === jb || a === 0 || status(j) === bs.basic) continue
      const lo = colLower[j]!
      const hi = colUpper[j]!
      if (lo === hi) continue
      const atUpper = status(j) === bs.upper
      const bound = atUpper ? hi : lo
      // Nonbasic only at a finite bound (not free, not zero): else no t ≥ 0 to write the row in.
      if ((status(j) !== bs.lower && !atUpper) || !Number.isFinite(bound)) {
        usable = false
        break
      }
      // An integer column at an integer bound moves by whole steps from it.
      const c = g(atUpper ? -a : a, integer[j] === 1 && Number.isInteger(bound))
      if (c === 0) continue
      // c·t with t = x − l (at its lower bound) or u − x (at its upper bound).
      if (atUpper) {
        pi[i]! -= c
        rhs -= c * hi
      } else {
        pi[i]! += c
        rhs += c * lo
      }
    }
    // Row activities at a bound: the logical of row r has tableau entry −ρ_r per unit of activity.
    for (let r = 0; r < nr && usable; r++) {
      const v = rho[r]!
      if (v === 0 || basis.rowStatus[r] === bs.basic) continue
      const lo = rowLower[r]!
      const hi = rowUpper[r]!
      if (lo === hi) continue
      const atUpper = basis.rowStatus[r] === bs.upper
      const bound = atUpper ? hi : lo
      if ((basis.rowStatus[r] !== bs.lower && !atUpper) || !Number.isFinite(bound)) {
        usable = false
        break
      }
      const c = g(atUpper ? v : -v, intRow[r] === 1)
      if (c === 0) continue
      // c·t with t = activity − L or U − activity, the activity written out in columns.
      const sign = atUpper ? -1 : 1
      rhs += sign * c * bound
      for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++)
        pi[at[rowIndex[e]!]!]! += sign * c * rowValue[e]!
    }
    if (!usable) continue
    // In column order (a typed array sorts numerically, natively).
    const cut = tidy((j) => pi[at[j]!]!, Int32Array.from(touched).sort(), rhs, colLower, colUpper)
    if (cut === null || cut.index.length > widest) continue
    // Cut off the LP point by enough to matter.
    let act = 0
    let norm = 0
    for (let i = 0; i < cut.index.length; i++) {
      act += cut.value[i]! * x(cut.index[i]!)
      norm += cut.value[i]! * cut.value[i]!
    }
    const efficacy = (cut.lower - act) / Math.sqrt(norm)
    if (cut.lower - act > MIN_VIOLATION * Math.max(1, Math.sqrt(norm))) found.push({ cut, efficacy })
  }
  // The deepest cuts first, within the budget of nonzeros.
  found.sort((a, b) => b.efficacy - a.efficacy || a.cut.index.length - b.cut.index.length)
  let budget = Math.max(50_000, Math.floor(CUTS_SHARE * rowIndex.length))
  const cuts: Cut[] = []
  for (const { cut } of found)
    if (cut.index.length <= budget) {
      cuts.push(cut)
      budget -= cut.index.length
    }
  return cuts
}

/**
 * The cut `Σ pi·x ≥ rhs` without its tiny coefficients (each removed with
 * the right-hand side lowered by the most its term can be, so the cut stays
 * valid), or `null` when it is numerically unsafe or empty.
 */
function tidy(
  pi: (j: number) => number,
  columns: Int32Array,
  rhs: number,
  lower: Float64Array,
  upper: Float64Array,
): Cut | null {
  let most = 0
  for (const j of columns) most = Math.max(most, Math.abs(pi(j)))
  if (most === 0 || !Number.isFinite(rhs)) return null
  const index: number[] = []
  const value: number[] = []
  let least = Infinity
  let lowered = rhs
  for (const j of columns) {
    const v = pi(j)
    if (v === 0) continue
    if (Math.abs(v) < TINY * most) {
      const loose = Math.max(v * lower[j]!, v * upper[j]!)
      if (!Number.isFinite(loose)) return null
      lowered -= loose
      continue
    }
    index.push(j)
    value.push(v)
    least = Math.min(least, Math.abs(v))
  }
  if (index.length === 0 || most / least > MAX_DYNAMISM) return null
  return { index: Int32Array.from(index), value: Float64Array.from(value), lower: lowered }
}

/**
 * The storage behind the entries of a model {@link withCuts} built, with room
 * for the next rounds' cuts: the next call appends there in place instead of
 * copying every entry of the model again. Only storage this module allocated
 * is ever written past a model's own entries.
 */
const room = new WeakMap<Int32Array, Room>()

/** Storage of entries, and how many of them the newest model built on it reads. */
interface Room {
  readonly index: Int32Array
  readonly value: Float64Array
  end: number
}

/**
 * Lets {@link withCuts} append to the room past `m`'s own entries (their
 * storage beyond `m.rowIndex.length`, which the caller holds the lease of:
 * see `entryLease` in `model/storage.ts`), so that the first round copies no
 * entry of `m`. Returns what gives the room back. Nothing happens when the
 * storage has no room or is not a whole buffer.
 * @internal
 */
export function claimRoom(m: CoreArrays): () => void {
  const { rowIndex, rowValue } = m
  if (rowIndex.byteOffset !== 0 || rowValue.byteOffset !== 0) return () => {}
  const size = Math.min(
    rowIndex.buffer.byteLength / Int32Array.BYTES_PER_ELEMENT,
    rowValue.buffer.byteLength / Float64Array.BYTES_PER_ELEMENT,
  )
  if (size <= rowIndex.length) return () => {}
  room.set(rowIndex, {
    index: new Int32Array(rowIndex.buffer, 0, size),
    value: new Float64Array(rowValue.buffer, 0, size),
    end: rowIndex.length,
  })
  return () => room.delete(rowIndex)
}

/**
 * `m` with the cuts appended as rows (`Σ value·x ≥ lower`), its warm start and
 * test hooks left to the caller. The first call copies the entries of `m`
 * into storage with room for later rounds (pages never written cost no
 * memory); a call on a model it built appends in place when the room holds,
 * so that a model only the newest round still reads is not copied again
 * (at 10,000 cadres, 23 M entries: ≈ 280 MB a round). Only the newest
 * model built on a storage is appended to: no model given or returned
 * before ever changes.
 * @internal
 */
export function withCuts(m: CoreArrays, cuts: readonly Cut[]): CoreArrays {
  const nr = m.rowLower.length
  const used = m.rowIndex.length
  const extra = cuts.reduce((s, c) => s + c.index.length, 0)
  let store = room.get(m.rowIndex)
  if (store === undefined || store.end !== used || store.index.length < used + extra) {
    const size = used + 4 * extra + 65_536
    store = { index: new Int32Array(size), value: new Float64Array(size), end: used }
    store.index.set(m.rowIndex)
    store.value.set(m.rowValue)
  }
  store.end = used + extra
  const rowIndex = store.index.subarray(0, used + extra)
  const rowValue = store.value.subarray(0, used + extra)
  room.set(rowIndex, store)
  const rowStarts = new Int32Array(nr + cuts.length + 1)
  rowStarts.set(m.rowStarts)
  const rowLower = new Float64Array(nr + cuts.length)
  rowLower.set(m.rowLower)
  const rowUpper = new Float64Array(nr + cuts.length).fill(Infinity)
  rowUpper.set(m.rowUpper)
  let at = used
  cuts.forEach((c, i) => {
    rowIndex.set(c.index, at)
    rowValue.set(c.value, at)
    at += c.index.length
    rowStarts[nr + i + 1] = at
    rowLower[nr + i] = c.lower
  })
  const { warm: _warm, stopAfterPricingRounds: _stop, entryLease: _lease, ...rest } = m
  return { ...rest, rowLower, rowUpper, rowStarts, rowIndex, rowValue }
}
