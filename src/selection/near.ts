/**
 * The search near the last staffing that the shortlists try before a
 * re-solve (see `shortlist.ts`): the best single move that fills a post, then
 * the cadres the moves left out into posts while one gains, checked against
 * every row and bound of the model.
 *
 * @module
 */
import { columnsOf, type Milp, type StaffingModel } from '../model/index.js'

/** The matrix by columns (the rows of each column), built once per shortlist. @internal */
export interface ByColumn {
  readonly start: Int32Array
  readonly row: Int32Array
  readonly value: Float64Array
  /** 1 for a column of a single row that is no pair (a vacancy, a soft rule's slack). */
  readonly aux: Uint8Array
  /** The aux column of each row (−1: none, −2: several). */
  readonly auxOfRow: Int32Array
  /** The pair of each column (−1: no pair). */
  readonly pairOf: Int32Array
  /** The pairs of each cadre: `cadrePairs[cadreStart[c] … cadreStart[c + 1] − 1]`. */
  readonly cadreStart: Int32Array
  readonly cadrePairs: Int32Array
  /** The open posts of each open post's team (itself included): `teamPosts[teamStart[p] … teamStart[p + 1] − 1]`. */
  readonly teamStart: Int32Array
  readonly teamPosts: Int32Array
  /** The incumbent of each open post (cadre index; −1: none). */
  readonly incumbent: Int32Array
  /** Whether cadre `c` sits elsewhere in `x` than in `x0` (or is left out by x only). */
  touched(c: number, x0: Float64Array, x: Float64Array): boolean
}

export function byColumn(model: StaffingModel): ByColumn {
  const m = model.milp
  const nc = m.colCost.length
  const nr = m.rowLower.length
  const { start, row, value } = columnsOf(m)
  const isPair = new Uint8Array(nc)
  const pairOf = new Int32Array(nc).fill(-1)
  model.pairCol.forEach((j, k) => {
    isPair[j] = 1
    pairOf[j] = k
  })
  const cadres = model.ctx.scenario.cadres.length
  const cadreStart = new Int32Array(cadres + 1)
  const { cadre } = model.eligibility
  for (let k = 0; k < model.pairCol.length; k++) cadreStart[cadre[k]! + 1]!++
  for (let c = 0; c < cadres; c++) cadreStart[c + 1]! += cadreStart[c]!
  const fill = cadreStart.slice(0, cadres)
  const cadrePairs = new Int32Array(model.pairCol.length)
  for (let k = 0; k < model.pairCol.length; k++) cadrePairs[fill[cadre[k]!]!++] = k
  const touched = (c: number, x0: Float64Array, x: Float64Array) => {
    for (let i = cadreStart[c]!; i < cadreStart[c + 1]!; i++) {
      const j = model.pairCol[cadrePairs[i]!]!
      if (x0[j] !== x[j]) return true
    }
    return false
  }
  const aux = new Uint8Array(nc)
  const auxOfRow = new Int32Array(nr).fill(-1)
  for (let j = 0; j < nc; j++)
    if (isPair[j] === 0 && start[j + 1]! - start[j]! === 1) {
      aux[j] = 1
      const r = row[start[j]!]!
      auxOfRow[r] = auxOfRow[r] === -1 ? j : -2
    }
  const { scenario, incumbentOf } = model.ctx
  const openAt = new Map(scenario.openPosts.map((id, i) => [id, i]))
  const incumbent = Int32Array.from(scenario.openPosts, (id) => incumbentOf.get(id) ?? -1)
  const teamStart = new Int32Array(scenario.openPosts.length + 1)
  const teamPosts: number[] = []
  const ofTeam = new Array<number[]>(scenario.openPosts.length)
  for (const t of scenario.teams) {
    const open = t.posts.flatMap((q) => (openAt.has(q.id) ? [openAt.get(q.id)!] : []))
    for (const i of open) ofTeam[i] = open
  }
  for (let i = 0; i < ofTeam.length; i++) {
    teamPosts.push(...(ofTeam[i] ?? [i]))
    teamStart[i + 1] = teamPosts.length
  }
  return {
    start,
    row,
    value,
    aux,
    auxOfRow,
    pairOf,
    cadreStart,
    cadrePairs,
    teamStart,
    teamPosts: Int32Array.from(teamPosts),
    incumbent,
    touched,
  }
}

/** The columns of `x` that are not 0, ascending. */
function nonzeros(x: Float64Array): number[] {
  const out: number[] = []
  for (let j = 0; j < x.length; j++) if (x[j] !== 0) out.push(j)
  return out
}

/**
 * Whether `x` meets every bound, row and integrality of `m` (within 1e-9):
 * every column's bounds and integrality, every row's activity summed afresh
 * from the nonzero columns `nz` of `x` (by columns, so a staffing of a few
 * thousand nonzeros costs their entries, not the whole matrix).
 */
function feasible(m: Milp, cols: ByColumn, x: Float64Array, nz: readonly number[]): boolean {
  const { colLower, colUpper, integer, rowLower, rowUpper } = m
  for (let j = 0; j < x.length; j++) {
    const v = x[j]!
    if (v < colLower[j]! - 1e-9 || v > colUpper[j]! + 1e-9) return false
    if (integer[j] === 1 && Math.abs(v - Math.round(v)) > 1e-9) return false
  }
  const act = activityOf(rowLower.length, cols, x, nz)
  for (let r = 0; r < act.length; r++)
    if (act[r]! < rowLower[r]! - 1e-9 || act[r]! > rowUpper[r]! + 1e-9) return false
  return true
}

/** Every row's activity `Σ_j a_rj·x_j`, summed by columns over the nonzero columns `nz` of `x`. */
function activityOf(rows: number, cols: ByColumn, x: Float64Array, nz: readonly number[]): Float64Array {
  const act = new Float64Array(rows)
  for (const j of nz)
    for (let e = cols.start[j]!; e < cols.start[j + 1]!; e++) act[cols.row[e]!]! += cols.value[e]! * x[j]!
  return act
}

/** `Σ_j c_j·x_j` over the nonzero columns `nz` of `x`. */
function valueOf(m: Milp, x: Float64Array, nz: readonly number[]): number {
  let s = 0
  for (const j of nz) s += m.colCost[j]! * x[j]!
  return s
}

/**
 * A good staffing of the current model near `x` (the solution before the
 * post's occupant was kept out and its vacancy closed): the best single move
 * that fills the post — a cadre `x` leaves out, or one `x` places in another
 * post, which then stays vacant, takes the displaced occupant or one of the
 * best cadres left out; or, for a team that may change only so many posts,
 * another post's incumbent back in it, that post's holder or one of the best
 * left out into the post — then, while one gains, a cadre the moves left out
 * into a post in place of its holder (who is left out in turn). Slacks and
 * vacancies of the rows touched take their best values. `null` when no move
 * fills the post within the rules. Checked against every row and bound of the
 * model, so that it is a feasible solution (a lower bound on the optimum), or
 * the optimum itself when it is worth as much as a proven optimum of the model
 * before the edit.
 * @internal
 */
export function nearBest(
  model: StaffingModel,
  cols: ByColumn,
  x0: Float64Array,
  post: number,
): { readonly values: Float64Array; readonly value: number; readonly before: number } | null {
  const m = model.milp
  const { colLower, colUpper, colCost, integer, rowLower, rowUpper } = m
  const { eligibility: elig, pairCol } = model
  const { cadre: cadreOf, post: postOf, postStart } = elig
  // Integer columns at their integers (a solver's values are integral within its tolerance only).
  const x = x0.slice()
  const nz0 = nonzeros(x)
  for (const j of nz0) if (integer[j] === 1) x[j] = Math.round(x[j]!)
  const before = valueOf(m, x, nz0)
  // Where every cadre sits in x (pair index), and who holds each post.
  const seat = new Map<number, number>()
  const holder = new Map<number, number>()
  for (const j of nz0) {
    const k = cols.pairOf[j]!
    if (k >= 0 && x[j]! > 0.5) {
      seat.set(cadreOf[k]!, k)
      holder.set(postOf[k]!, k)
    }
  }
  const act = activityOf(rowLower.length, cols, x, nz0)
  type Change = readonly [col: number, value: number]
  // A move's change of each row's activity: `delta[r]` for the rows `moved`, in the order first
  // met (`stamp` marks them for the move being tried).
  const delta = new Float64Array(act.length)
  const mark = new Int32Array(act.length)
  const moved: number[] = []
  let stamp = 0
  // The gain of a move (pair columns set to 0 or 1), its aux columns at their best; null if a rule breaks.
  const tryMove = (changes: readonly Change[], aux?: Map<number, number>): number | null => {
    stamp++
    moved.length = 0
    let gain = 0
    for (const [j, v] of changes) {
      if (v < colLower[j]! - 1e-9 || v > colUpper[j]! + 1e-9) return null
      const dv = v - x[j]!
      if (dv === 0) continue
      gain += colCost[j]! * dv
      for (let e = cols.start[j]!; e < cols.start[j + 1]!; e++) {
        const r = cols.row[e]!
        if (mark[r] !== stamp) {
          mark[r] = stamp
          delta[r] = 0
          moved.push(r)
        }
        delta[r]! += cols.value[e]! * dv
      }
    }
    for (const r of moved) {
      let a = act[r]! + delta[r]!
      const lo = rowLower[r]!
      const hi = rowUpper[r]!
      const s = cols.auxOfRow[r]!
      if (s >= 0) {
        // The row's own slack (or vacancy) at its best value within its bounds.
        const coef = cols.value[cols.start[s]!]!
        const rest = a - coef * x[s]!
        let from = coef > 0 ? (lo - rest) / coef : (hi - rest) / coef
        let to = coef > 0 ? (hi - rest) / coef : (lo - rest) / coef
        from = Math.max(from, colLower[s]!)
        to = Math.min(to, colUpper[s]!)
        if (integer[s] === 1) {
          from = Math.ceil(from - 1e-9)
          to = Math.floor(to + 1e-9)
        }
        if (from > to + 1e-9) return null
        const c = colCost[s]!
        const v = c < 0 ? from : c > 0 ? to : Math.min(to, Math.max(from, x[s]!))
        gain += c * (v - x[s]!)
        aux?.set(s, v)
        a = rest + coef * v
      }
      if (a < lo - 1e-9 || a > hi + 1e-9) return null
    }
    return gain
  }
  // Applies a move tried before: values, row activities, seats.
  const applyMove = (changes: readonly Change[]) => {
    const aux = new Map<number, number>()
    tryMove(changes, aux)
    const set = (j: number, v: number) => {
      const dv = v - x[j]!
      if (dv === 0) return
      for (let e = cols.start[j]!; e < cols.start[j + 1]!; e++) act[cols.row[e]!]! += cols.value[e]! * dv
      x[j] = v
      const k = cols.pairOf[j]!
      if (k < 0) return
      if (v > 0.5) {
        seat.set(cadreOf[k]!, k)
        holder.set(postOf[k]!, k)
      } else {
        if (seat.get(cadreOf[k]!) === k) seat.delete(cadreOf[k]!)
        if (holder.get(postOf[k]!) === k) holder.delete(postOf[k]!)
      }
    }
    for (const [j, v] of changes) set(j, v)
    for (const [j, v] of aux) set(j, v)
  }
  let best: Change[] | null = null
  let bestGain = -Infinity
  const consider = (changes: Change[]) => {
    const g = tryMove(changes)
    if (g !== null && g > bestGain + 1e-9) {
      bestGain = g
      best = changes
    }
  }
  // The best few pairs of a post by cost among cadres left out (the pairs of each post are few
  // hundred), kept per post while the post is filled: seats do not change until then.
  const FEW = 4
  const leftOut = new Map<number, number[]>()
  const bestLeftOut = (q: number, except: number): number[] => {
    let top = leftOut.get(q)
    if (top === undefined) {
      top = []
      for (let k = postStart[q]!; k < postStart[q + 1]!; k++) {
        if (seat.has(cadreOf[k]!) || colUpper[pairCol[k]!]! < 0.5) continue
        // Insertion into the few best, by cost then pair.
        const cost = colCost[pairCol[k]!]!
        let at = top.length
        while (at > 0 && colCost[pairCol[top[at - 1]!]!]! < cost) at--
        if (at > FEW) continue
        top.splice(at, 0, k)
        if (top.length > FEW + 1) top.length = FEW + 1
      }
      leftOut.set(q, top)
    }
    return top.filter((k) => cadreOf[k] !== except).slice(0, FEW)
  }

  // 1. Fill the post.
  const occupantK = holder.get(post)
  const out: Change[] = occupantK === undefined ? [] : [[pairCol[occupantK]!, 0]]
  const occupant = occupantK === undefined ? -1 : cadreOf[occupantK]!
  for (let k = postStart[post]!; k < postStart[post + 1]!; k++) {
    const c = cadreOf[k]!
    const j = pairCol[k]!
    if (c === occupant || colUpper[j]! < 0.5) continue
    const at = seat.get(c)
    if (at === undefined) {
      consider([...out, [j, 1]])
      continue
    }
    const q = postOf[at]!
    const leave: Change[] = [...out, [pairCol[at]!, 0], [j, 1]]
    // The post it leaves: vacant, to the displaced occupant, or to one of the best left out.
    consider(leave)
    if (occupant >= 0) {
      const back = elig.indexOf(occupant, q)
      if (back >= 0) consider([...leave, [pairCol[back]!, 1]])
    }
    for (const k2 of bestLeftOut(q, c)) consider([...leave, [pairCol[k2]!, 1]])
  }
  // An incumbent back in another post of the team (a team that may change only so many posts
  // lets the post change only when another stops changing), its holder into the post or out.
  for (let i = cols.teamStart[post]!; i < cols.teamStart[post + 1]!; i++) {
    const q = cols.teamPosts[i]!
    const inc = cols.incumbent[q]!
    const stay = q === post || inc < 0 || inc === occupant ? -1 : elig.indexOf(inc, q)
    if (stay < 0 || x[pairCol[stay]!]! > 0.5) continue
    const back: Change[] = [...out]
    const h = holder.get(q)
    if (h !== undefined) back.push([pairCol[h]!, 0])
    const from = seat.get(inc)
    if (from !== undefined) back.push([pairCol[from]!, 0])
    back.push([pairCol[stay]!, 1])
    // Its holder into the post, or one of the post's best left out.
    if (h !== undefined) {
      const into = elig.indexOf(cadreOf[h]!, post)
      if (into >= 0) consider([...back, [pairCol[into]!, 1]])
    }
    for (const k2 of bestLeftOut(post, inc)) consider([...back, [pairCol[k2]!, 1]])
  }
  if (best === null) return null
  applyMove(best)

  // 2. While one gains: a cadre left out into a post, in place of its holder.
  for (let round = 0; round < 50; round++) {
    best = null
    bestGain = 1e-9
    for (let c = 0; c < cols.cadreStart.length - 1; c++) {
      if (seat.has(c) || !cols.touched(c, x0, x)) continue
      for (let i = cols.cadreStart[c]!; i < cols.cadreStart[c + 1]!; i++) {
        const k = cols.cadrePairs[i]!
        const j = pairCol[k]!
        if (colUpper[j]! < 0.5) continue
        const h = holder.get(postOf[k]!)
        consider(
          h === undefined
            ? [[j, 1]]
            : [
                [pairCol[h]!, 0],
                [j, 1],
              ],
        )
      }
    }
    if (best === null) break
    applyMove(best)
  }
  const nz = nonzeros(x)
  return feasible(m, cols, x, nz) ? { values: x, value: valueOf(m, x, nz), before } : null
}
