/**
 * The greedy baseline: what a clerk with a spreadsheet does. Sort every
 * eligible (cadre, post) pair by fit, fill posts best fit first, then walk
 * the validator's list of broken team rules and swap in the candidate that
 * mends the most of them at the least loss of fit. It never proves
 * anything; the benchmark sets it beside banzi's optimum to show what
 * exactness buys (total fit, vacancies, rules broken).
 *
 * The proposal is judged by the independent validator, never by this file:
 * its violations and its objective (`auditProposal`) are reported as they are.
 */
import type { Proposal, Violation } from '../src/domain/proposal.js'
import type { Scenario } from '../src/domain/types.js'
import { auditProposal, validateProposal } from '../src/check/index.js'
import { formulate } from '../src/model/index.js'
import type { StaffingModel } from '../src/model/index.js'
import { proposalFromChoice } from '../src/proposals/decode.js'

/** What the greedy baseline produced, as the validator sees it. */
export interface GreedyResult {
  readonly proposal: Proposal
  /** Hard rules broken, from `validateProposal`; the clerk's mistakes are reported, not hidden. */
  readonly violations: readonly Violation[]
  /** `auditProposal(...).objective`: Σ fit − soft costs (vacancies included), recomputed independently. */
  readonly objective: number
  readonly fit: number
  readonly vacancies: number
  /** Swaps the quota repair made. */
  readonly swaps: number
  readonly timeMs: number
}

/** Options of {@link greedy}. */
export interface GreedyOptions {
  /** Alternative candidates tried per post of a team that breaks a rule. @defaultValue 12 */
  readonly candidatesPerPost?: number
  /** Stop repairing after this many validator calls (a clerk's patience, and the bench's). @defaultValue 400 */
  readonly maxChecks?: number
}

const proposalOf = (model: StaffingModel, chosen: Int32Array): Proposal =>
  // The clerk solves nothing: the status says so, and no bound is claimed.
  proposalFromChoice(model, chosen, {
    status: 'interrupted',
    bound: null,
    backend: 'greedy',
  })

/**
 * Greedy staffing of a scenario (or of its formulated model).
 * @example
 * const scenario = generateScenario({ seed: 1, cadres: 60 })
 * const g = greedy(scenario)
 * g.proposal.backend //=> 'greedy'
 * g.violations.length === validateProposal(scenario, g.proposal).length //=> true
 */
export function greedy(source: Scenario | StaffingModel, options: GreedyOptions = {}): GreedyResult {
  const started = performance.now()
  const model = 'milp' in source ? source : formulate(source)
  const scenario = model.ctx.scenario
  const perPost = options.candidatesPerPost ?? 12
  let checks = options.maxChecks ?? 400
  const { pairs } = model.eligibility
  const cost = (k: number) => model.milp.colCost[model.pairCol[k]!]!
  const chosen = new Int32Array(scenario.openPosts.length).fill(-1)
  const busy = new Set<number>()
  const take = (k: number) => {
    chosen[pairs[k]!.post] = k
    busy.add(pairs[k]!.cadre)
  }
  // Locks first: the clerk is told who goes where.
  pairs.forEach((_, k) => {
    if (model.milp.colLower[model.pairCol[k]!] === 1) take(k)
  })
  // Best fit first; ties by pair order (post, then roster), so the result is deterministic.
  const order = pairs.map((_, k) => k).sort((a, b) => cost(b) - cost(a) || a - b)
  const vacancy = scenario.policy.vacancy
  for (const k of order) {
    const p = pairs[k]!
    if (chosen[p.post] !== -1 || busy.has(p.cadre)) continue
    // A pair worth less than an allowed vacancy's penalty is left out: even a clerk sees that.
    if (vacancy.allowed && cost(k) < -vacancy.penalty) continue
    take(k)
  }

  // Quota repair: candidates per open post, best fit first.
  const byPost: number[][] = scenario.openPosts.map(() => [])
  for (const k of order) byPost[pairs[k]!.post]!.push(k)
  const teamOf = scenario.openPosts.map((id) => scenario.teams[model.ctx.postLocation.get(id)!.team]!.id)
  let violations = validateProposal(scenario, proposalOf(model, chosen))
  checks--
  let swaps = 0
  let improved = true
  while (improved && violations.length > 0 && checks > 0) {
    improved = false
    const teams = [...new Set(violations.map((v) => v.teamId).filter((t): t is string => t !== null))]
    for (const teamId of teams) {
      let best: { post: number; k: number; count: number; loss: number } | null = null
      for (let i = 0; i < chosen.length && checks > 0; i++) {
        if (teamOf[i] !== teamId) continue
        const was = chosen[i]!
        if (was >= 0 && model.milp.colLower[model.pairCol[was]!] === 1) continue // a lock stays
        const alternatives = byPost[i]!.filter((k) => !busy.has(pairs[k]!.cadre)).slice(0, perPost)
        for (const k of alternatives) {
          if (checks <= 0) break
          chosen[i] = k
          const count = validateProposal(scenario, proposalOf(model, chosen)).length
          checks--
          const loss = (was >= 0 ? cost(was) : -vacancy.penalty) - cost(k)
          if (
            count < violations.length &&
            (best === null || count < best.count || (count === best.count && loss < best.loss))
          )
            best = { post: i, k, count, loss }
        }
        chosen[i] = was
      }
      if (best !== null) {
        const was = chosen[best.post]!
        if (was >= 0) busy.delete(pairs[was]!.cadre)
        take(best.k)
        swaps++
        improved = true
        violations = validateProposal(scenario, proposalOf(model, chosen))
        checks--
      }
    }
  }

  const proposal = proposalOf(model, chosen)
  const audit = auditProposal(scenario, proposal)
  return {
    proposal,
    violations: audit.violations,
    objective: audit.objective,
    fit: audit.fit,
    vacancies: chosen.reduce((n, k) => n + (k < 0 ? 1 : 0), 0),
    swaps,
    timeMs: performance.now() - started,
  }
}
