/**
 * Column values → Proposal: who takes each open post, the change it means,
 * the penalties paid and the moves implied.
 *
 * @module
 */
import type { Assignment, Change, Move, PenaltyPaid, Proposal, ProposalStatus } from '../domain/proposal.js'
import type { StaffingModel } from '../model/index.js'
import { RANKS } from '../domain/types.js'
import { relativeGap } from '../solvers/solver.js'
import { stampProposal } from '../io/door.js'
import { auxiliaryAt } from './columns.js'

const round6 = (v: number) => Math.round(v * 1e6) / 1e6
/** Up to the 1e-6 grid (a value within 1e-9 above a grid point stays on it: float noise). */
const roundUp6 = (v: number) => Math.ceil(v * 1e6 - 1e-3) / 1e6

/** Solver facts that go into a proposal. @internal */
export interface SolveFacts {
  readonly status: ProposalStatus
  readonly bound: number | null
  readonly backend: string
}

/**
 * Reads the chosen pair of each open post from a 0/1 column vector (values
 * above one half count as chosen) and builds the proposal. Only the pair
 * columns are read: the penalties are those of the staffing (see
 * {@link proposalFromChoice}), not the solver's slack.
 * @internal
 */
export function proposalFromValues(
  model: StaffingModel,
  values: ArrayLike<number>,
  facts: SolveFacts,
): Proposal {
  const chosen = new Int32Array(model.ctx.scenario.openPosts.length).fill(-1)
  const post = model.eligibility.post
  for (let k = 0; k < model.pairCol.length; k++) if (values[model.pairCol[k]!]! > 0.5) chosen[post[k]!] = k
  return decode(model, chosen, facts)
}

/**
 * Builds a proposal from the chosen pair index of each open post (−1 for a
 * vacancy). The soft rules' shortfalls are recomputed from that staffing
 * (src/proposals/columns.ts): a stopped solve's incumbent may pay slack its
 * staffing does not need (an indicator left at 0, `has ≤ Σ x`), and its
 * proposal must state the penalties and objective of the staffing itself.
 * @internal
 */
export function proposalFromChoice(model: StaffingModel, chosen: Int32Array, facts: SolveFacts): Proposal {
  return decode(model, chosen, facts)
}

function decode(model: StaffingModel, chosen: Int32Array, facts: SolveFacts): Proposal {
  const { ctx, eligibility } = model
  const { scenario } = ctx
  const assignments: Assignment[] = []
  const penalties: PenaltyPaid[] = []
  const moves: Move[] = []
  const placed = new Set<number>()
  let fit = 0
  let vacancies = 0
  scenario.openPosts.forEach((postId, i) => {
    const loc = ctx.postLocation.get(postId)!
    const team = scenario.teams[loc.team]!
    const post = team.posts[loc.slot]!
    const inc = ctx.incumbentOf.get(postId)
    const incumbentId = inc === undefined ? null : scenario.cadres[inc]!.id
    const k = chosen[i]!
    if (k < 0) {
      const amount = scenario.policy.vacancy.penalty
      vacancies += amount
      penalties.push({
        code: 'establishment.vacancy',
        teamId: team.id,
        postId,
        cadreId: null,
        shortfall: 1,
        amount,
      })
      assignments.push({
        postId,
        teamId: team.id,
        cadreId: null,
        incumbentId,
        change: 'vacant',
        fit: 0,
        components: null,
        exceptional: false,
      })
      return
    }
    const pair = eligibility.pairAt(k)
    const cadre = scenario.cadres[pair.cadre]!
    placed.add(pair.cadre)
    const pairFit = model.pairFit[k]!
    fit += pairFit
    for (const pen of pair.penalties)
      penalties.push({
        code: pen.code,
        teamId: team.id,
        postId,
        cadreId: cadre.id,
        shortfall: 1,
        amount: pen.amount,
      })
    const rungs = RANKS.indexOf(post.rank) - RANKS.indexOf(cadre.rank)
    const change: Change = pair.stay ? 'stays' : rungs > 0 ? 'promotion' : rungs < 0 ? 'demotion' : 'lateral'
    assignments.push({
      postId,
      teamId: team.id,
      cadreId: cadre.id,
      incumbentId,
      change,
      fit: pairFit,
      components: model.pairComponents.at(k),
      exceptional: pair.exceptional,
    })
    if (!pair.stay)
      moves.push({ cadreId: cadre.id, fromPostId: cadre.currentPost?.postId ?? null, toPostId: postId })
  })
  scenario.openPosts.forEach((postId) => {
    const inc = ctx.incumbentOf.get(postId)
    if (inc !== undefined && !placed.has(inc))
      moves.push({ cadreId: scenario.cadres[inc]!.id, fromPostId: postId, toPostId: null })
  })
  // Each soft rule's shortfall at this staffing: its slack with the indicators at their natural values.
  const aux = model.slacks.length === 0 ? null : auxiliaryAt(model, chosen)
  model.slacks.forEach((s) => {
    const v = aux!.get(s.col) ?? 0
    if (v <= 1e-6) return
    const shortfall = round6(v)
    penalties.push({
      code: s.code,
      teamId: s.teamId,
      postId: null,
      cadreId: null,
      shortfall,
      amount: round6(shortfall * s.penalty),
    })
  })
  const penaltyTotal = penalties.reduce((s, p) => (p.code === 'establishment.vacancy' ? s : s + p.amount), 0)
  const objective = round6(fit - vacancies - penaltyTotal)
  // Proven optimal: the objective is its own bound. Stopped early: the backend's bound, valid for
  // the whole model, or unknown (null) — never the incumbent in its place. Rounded up to the
  // 1e-6 grid, so that rounding never takes a bound below the optimum.
  const bound =
    facts.status === 'optimal'
      ? objective
      : facts.bound === null
        ? null
        : Math.max(objective, roundUp6(facts.bound))
  return stampProposal(scenario, {
    assignments,
    objective,
    parts: { fit: round6(fit), vacancies: round6(vacancies), penalties: round6(penaltyTotal) },
    penalties,
    moves,
    status: facts.status,
    bound,
    gap: bound === null ? null : facts.status === 'optimal' ? 0 : relativeGap(objective, bound),
    backend: facts.backend,
  })
}
