/**
 * The Lagrangian bound with both kinds of unit rows kept whole at once: a
 * cadre's one post (`Σ x_j ≤ 1` over the cadre's pairs, a linking row) and a
 * post's holder or vacancy (`Σ x_j = 1` over the post's pairs and vacancy).
 * Under the duals `y` of every other row, what is left is an assignment of
 * posts to cadres — each pair worth `d_j + y_p + y_c`, a post's vacancy
 * `d_j + y_p`, a cadre's columns outside any post `d_j + y_c` — which a
 * linear sum assignment solves exactly. Each way alone
 * (`Lagrangian.packedBound`) lets every cadre, or every post, take its best
 * column as if no other wanted it; together they do not, and the bound is
 * far tighter while pricing is unfinished (a 5,000-cadre general election
 * stopped after its second LP: 189,754 for the better way alone, 174,622
 * together, against a solution of 168,321).
 *
 * @module
 */
import { linearSumAssignment } from '../lap.js'
import type { CoreArrays } from './types.js'

/** Unit rows kept whole (see `packingRows` in `core/lagrangian.ts`): `kept[r]` 1 (packing) or 2 (takes one). @internal */
export interface KeptRows {
  readonly kept: Uint8Array
}

/** What the bound reads of the Lagrangian: reduced costs, duals and the terms of the rows and columns priced. @internal */
export interface Priced {
  readonly d: Float64Array
  readonly y: Float64Array
  term(j: number): number
  rowTerm(r: number): number
}

/** The rows of the assignment's two sides, in row order. @internal */
export interface Sides {
  readonly posts: readonly number[]
  readonly cadres: readonly number[]
}

/**
 * The posts (the kept rows among `other`) and the cadres (the kept packing
 * rows among `linking`) of the assignment, in row order. @internal
 */
export function assignmentSides(nr: number, linking: KeptRows, other: KeptRows): Sides {
  const posts: number[] = []
  const cadres: number[] = []
  for (let r = 0; r < nr; r++) {
    if (other.kept[r] !== 0) posts.push(r)
    else if (linking.kept[r] === 1) cadres.push(r)
  }
  return { posts, cadres }
}

/**
 * The bound for the duals of `lag` (see the module), over the rows of `sides`
 * (`other`: the kept rows they were read from), or `null` when there is
 * no such assignment: no post, fewer cadres than posts, or none that fills
 * every post that must be filled (then the kept rows alone have no solution).
 *
 * The assignment is solved as posts × cadres, every post taking a cadre: a
 * pair is worth `w = d_j + y_p + y_c − s_c − a_p` with `s_c ≥ 0` the cadre's
 * best alone and `a_p` the post's (its vacancy, or 0 when it may stay empty),
 * and at least 0 — a post "taking" a cadre at 0 stands for it staying as it
 * is alone. With at least as many cadres as posts that loses nothing, and the
 * bound is `Σ terms of the other rows and columns + Σ s_c + Σ a_p + the
 * assignment`. A post that must be filled and has no vacancy takes its pairs
 * at their value, `−∞` for a cadre it has none with.
 * @internal
 */
export function assignmentBound(m: CoreArrays, lag: Priced, sides: Sides, other: KeptRows): number | null {
  const { rowLower, rowStarts, rowIndex } = m
  const { d, y } = lag
  const nr = rowLower.length
  const nc = d.length
  const { posts, cadres } = sides
  const P = posts.length
  const C = cadres.length
  if (P === 0 || C < P) return null
  const postOf = new Int32Array(nc).fill(-1)
  const cadreOf = new Int32Array(nc).fill(-1)
  posts.forEach((r, p) => {
    for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) postOf[rowIndex[e]!] = p
  })
  cadres.forEach((r, c) => {
    for (let e = rowStarts[r]!; e < rowStarts[r + 1]!; e++) cadreOf[rowIndex[e]!] = c
  })
  let total = 0
  const side = new Uint8Array(nr)
  for (const r of posts) side[r] = 1
  for (const r of cadres) side[r] = 1
  for (let r = 0; r < nr; r++) if (side[r] === 0) total += lag.rowTerm(r)
  // Each post's and each cadre's best alone; the columns in neither priced as in the plain bound.
  const alone = Float64Array.from(posts, (r) => (other.kept[r] === 1 ? 0 : -Infinity))
  const solo = new Float64Array(C)
  for (let j = 0; j < nc; j++) {
    const p = postOf[j]!
    const c = cadreOf[j]!
    if (p < 0 && c < 0) {
      if (d[j] !== 0) total += lag.term(j)
    } else if (c < 0) alone[p] = Math.max(alone[p]!, d[j]! + y[posts[p]!]!)
    else if (p < 0) solo[c] = Math.max(solo[c]!, d[j]! + y[cadres[c]!]!)
  }
  const w = new Float64Array(P * C)
  for (let p = 0; p < P; p++) if (alone[p] === -Infinity) w.fill(-Infinity, p * C, (p + 1) * C)
  for (let j = 0; j < nc; j++) {
    const p = postOf[j]!
    const c = cadreOf[j]!
    if (p < 0 || c < 0) continue
    const a = alone[p]!
    const v = d[j]! + y[posts[p]!]! + y[cadres[c]!]! - solo[c]! - (a === -Infinity ? 0 : a)
    if (v > w[p * C + c]!) w[p * C + c] = v
  }
  for (let c = 0; c < C; c++) total += solo[c]!
  for (let p = 0; p < P; p++) if (alone[p] !== -Infinity) total += alone[p]!
  const lap = linearSumAssignment({ rows: P, cols: C, data: w }, { maximize: true })
  if (lap._tag === 'Left') return null
  const b = total + lap.right.total
  return Number.isFinite(b) ? b : null
}
