/**
 * How far a row of a staffing model can reach, knowing what its columns
 * are: an open post holds one cadre and a cadre one post, so the pairs of
 * one post (or of one cadre) give together at most what the best of them
 * gives, or exactly what a locked one gives. Summing every column alone
 * ({@link activityRange}) lets a team's 34 eligible women fill its 2 open
 * posts.
 *
 * @module
 */
import type { StaffingModel } from './formulate.js'
import type { Milp } from './milp.js'

/** The least and the most a row's activity can reach. @internal */
export interface Reach {
  readonly least: number
  readonly most: number
}

/**
 * A function giving, for a row of `model` — or of any MILP with its columns
 * (a session's edited bounds) — the least and most activity it can reach
 * with every column within its bounds, one cadre per post and one post per
 * cadre. Each bound is at least as tight as {@link activityRange}'s.
 * @internal
 */
export function pairReach(model: StaffingModel): (m: Milp, r: number) => Reach {
  const n = model.milp.colCost.length
  const post = new Int32Array(n).fill(-1)
  const cadre = new Int32Array(n).fill(-1)
  const elig = model.eligibility
  for (let k = 0; k < elig.size; k++) {
    const j = model.pairCol[k]!
    if (j < 0) continue
    post[j] = elig.post[k]!
    cadre[j] = elig.cadre[k]!
  }
  // A post's vacancy column is the post's: the post holds its vacancy or one cadre.
  model.vacancyCol.forEach((j, p) => {
    if (j >= 0) post[j] = p
  })
  const posts = model.ctx.scenario.openPosts.length
  const cadres = model.ctx.scenario.cadres.length
  const scratch: Scratch = {
    lo: new Float64Array(0),
    hi: new Float64Array(0),
    forced: new Float64Array(0),
    seen: new Int32Array(0),
    stamp: 0,
  }
  return (m, r) => {
    const byPost = groupedRange(m, r, post, posts, scratch)
    const byCadre = groupedRange(m, r, cadre, cadres, scratch)
    return { least: Math.max(byPost.least, byCadre.least), most: Math.min(byPost.most, byCadre.most) }
  }
}

interface Scratch {
  lo: Float64Array
  hi: Float64Array
  forced: Float64Array
  seen: Int32Array
  stamp: number
}

/**
 * The range of row `r` when the columns sharing an `owner` (≥ 0) take at
 * most one of them: each owner gives the least or most of its free columns
 * (0 when none is taken), or the sum of its locked ones; a column with no
 * owner counts alone.
 */
function groupedRange(m: Milp, r: number, owner: Int32Array, groups: number, scratch: Scratch): Reach {
  if (scratch.lo.length < groups) {
    scratch.lo = new Float64Array(groups)
    scratch.hi = new Float64Array(groups)
    scratch.forced = new Float64Array(groups)
    scratch.seen = new Int32Array(groups)
  }
  const stamp = ++scratch.stamp
  const { lo, hi, forced, seen } = scratch
  const touched: number[] = []
  let least = 0
  let most = 0
  for (let e = m.rowStarts[r]!; e < m.rowStarts[r + 1]!; e++) {
    const j = m.rowIndex[e]!
    const v = m.rowValue[e]!
    const g = owner[j]!
    if (g < 0) {
      least += Math.min(v * m.colLower[j]!, v * m.colUpper[j]!)
      most += Math.max(v * m.colLower[j]!, v * m.colUpper[j]!)
      continue
    }
    if (seen[g] !== stamp) {
      seen[g] = stamp
      lo[g] = 0
      hi[g] = 0
      forced[g] = NaN
      touched.push(g)
    }
    if (m.colLower[j]! > 0) forced[g] = (Number.isNaN(forced[g]!) ? 0 : forced[g]!) + v * m.colLower[j]!
    else {
      lo[g] = Math.min(lo[g]!, v * m.colUpper[j]!)
      hi[g] = Math.max(hi[g]!, v * m.colUpper[j]!)
    }
  }
  for (const g of touched) {
    const f = forced[g]!
    least += Number.isNaN(f) ? lo[g]! : f
    most += Number.isNaN(f) ? hi[g]! : f
  }
  return { least, most }
}
