/**
 * The assignment fast path: when no row couples posts (no team rule applies),
 * the staffing model is a pure assignment of open posts to candidates or to
 * their own vacancy, solved exactly by {@link linearSumAssignment} instead of
 * a branch and bound.
 *
 * @module
 */
import type { Proposal } from '../domain/proposal.js'
import type { StaffingModel } from '../model/index.js'
import { linearSumAssignment } from '../solvers/lap.js'
import { proposalFromChoice } from './decode.js'

/** Largest dense matrix the fast path builds (entries); larger models go to the MILP backend. */
const MAX_ENTRIES = 20_000_000

/**
 * Solves a model with no team rows by linear sum assignment; `null` when the
 * model has team rows, is too large for a dense matrix, is infeasible, or was
 * edited beyond what an assignment matrix holds (the MILP backend then gives
 * the full answer). Column bounds are read from the model (a locked pair, a
 * pair closed by `editMilp`); a row whose bounds an edit moved away from
 * "exactly one per post, at most one per cadre" goes to the MILP backend.
 * @internal
 */
export function solveByAssignment(model: StaffingModel): Proposal | null {
  if (model.hasTeamRows) return null
  const { eligibility, milp } = model
  for (let r = 0; r < milp.rowLower.length; r++) {
    const lo = milp.rowLower[r]!
    if (milp.rowUpper[r] !== 1 || (lo !== 1 && lo !== -Infinity)) return null
  }
  const posts = model.ctx.scenario.openPosts.length
  const cadreCol = new Map<number, number>()
  for (let k = 0; k < eligibility.size; k++) {
    const c = eligibility.cadre[k]!
    if (!cadreCol.has(c)) cadreCol.set(c, cadreCol.size)
  }
  const cols = cadreCol.size + posts
  if (posts * cols > MAX_ENTRIES) return null
  const data = new Float64Array(posts * cols).fill(-Infinity)
  const pairAt = new Int32Array(posts * cols).fill(-1)
  const locked = new Map<number, number>()
  const lockedCols = new Set<number>()
  let twoLocks = false
  for (let k = 0; k < eligibility.size; k++) {
    const post = eligibility.post[k]!
    const col = cadreCol.get(eligibility.cadre[k]!)!
    const j = model.pairCol[k]!
    // A pair closed by an edit stays out of the matrix.
    if (milp.colUpper[j]! < 0.5) continue
    data[post * cols + col] = milp.colCost[j]!
    pairAt[post * cols + col] = k
    if (milp.colLower[j]! > 0.5) {
      // Two locks on one post, or on one cadre, cannot both hold; the MILP says so, the matrix could not.
      if (locked.has(post) || lockedCols.has(col)) twoLocks = true
      locked.set(post, col)
      lockedCols.add(col)
    }
  }
  if (twoLocks) return null
  for (let i = 0; i < posts; i++) {
    const v = model.vacancyCol[i]!
    if (milp.colUpper[v]! > 0.5) data[i * cols + cadreCol.size + i] = milp.colCost[v]!
  }
  // A lock keeps only its own entry in its row and its column.
  for (const [post, col] of locked) {
    const keep = data[post * cols + col]!
    for (let j = 0; j < cols; j++) data[post * cols + j] = -Infinity
    for (let i = 0; i < posts; i++) data[i * cols + col] = -Infinity
    data[post * cols + col] = keep
  }
  const result = linearSumAssignment({ rows: posts, cols, data }, { maximize: true })
  if (result._tag === 'Left') return null
  const chosen = new Int32Array(posts).fill(-1)
  const { rowInd, colInd } = result.right
  for (let k = 0; k < rowInd.length; k++) chosen[rowInd[k]!] = pairAt[rowInd[k]! * cols + colInd[k]!]!
  return proposalFromChoice(model, chosen, { status: 'optimal', bound: null, backend: 'lap' })
}
