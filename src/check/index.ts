/**
 * The independent validator (配备方案校验): re-checks every rule of
 * docs/rules.md on a proposal, from the scenario alone. It shares no code with
 * the eligibility rules or the MILP formulation, so that a mistake in either
 * shows up here as a violation instead of hiding behind a shared helper.
 *
 * @module
 */
import { requireSameScenario, requireScenarioShape } from '../io/door.js'
import type { RuleCode } from '../domain/codes.js'
import type { Proposal, Violation } from '../domain/proposal.js'
import type { Scenario } from '../domain/types.js'
import { checkEstablishment } from './establishment.js'
import { type Finding, sortFindings } from './findings.js'
import { type Staffing, staff } from './members.js'
import { checkPairs } from './pair.js'
import { checkStability } from './stability.js'
import { checkSupervision } from './supervision.js'
import { checkTeams } from './team.js'

/**
 * A soft rule not fully met, with its shortfall in the rule's unit (docs/rules.md)
 * and its cost = penalty × shortfall.
 * @category Check
 * @example
 * auditProposal(scenario, proposal).shortfalls[0]
 * //=> { code: 'structure.temperament', teamId: 'T1', postId: null, cadreId: null, shortfall: 1, cost: 10 }
 */
export interface SoftShortfall {
  readonly code: RuleCode
  readonly teamId: string | null
  readonly postId: string | null
  readonly cadreId: string | null
  /** Units short of the rule (e.g. 1 temperament type missing). */
  readonly shortfall: number
  /** `penalty × shortfall`, in objective units. */
  readonly cost: number
}

/**
 * The full audit of a proposal, recomputed from the scenario and the proposal's
 * assignments alone.
 * @category Check
 * @example
 * const audit = auditProposal(scenario, proposal)
 * audit.objective === audit.fit - audit.softCost
 * //=> true
 */
export interface ProposalAudit {
  /** Hard rules broken; the same list {@link validateProposal} returns. */
  readonly violations: readonly Violation[]
  /** Enabled soft rules not fully met, vacancies included when they are allowed. */
  readonly shortfalls: readonly SoftShortfall[]
  /** Σ fit of the filled open posts, as stated in the proposal's assignments. */
  readonly fit: number
  /** Σ cost of the shortfalls. */
  readonly softCost: number
  /** `fit − softCost`: the objective of docs/rules.md, to compare with `proposal.objective`. */
  readonly objective: number
}

function findingsOf(s: Staffing): Finding[] {
  const out: Finding[] = []
  checkEstablishment(s, out)
  checkPairs(s, out)
  checkTeams(s, out)
  checkSupervision(s, out)
  checkStability(s, out)
  return sortFindings(out)
}

const toViolation = (f: Finding): Violation => ({
  code: f.code,
  teamId: f.teamId,
  postId: f.postId,
  cadreId: f.cadreId,
  message: f.message,
})

const toShortfall = (f: Finding): SoftShortfall => ({
  code: f.code,
  teamId: f.teamId,
  postId: f.postId,
  cadreId: f.cadreId,
  shortfall: f.shortfall,
  cost: f.penalty * f.shortfall,
})

/**
 * Hard-rule violations of a proposal; `[]` means every hard rule holds. Never
 * throws, even on a malformed proposal (unknown ids, duplicates, missing posts):
 * those are violations too. Only the `assignments` (`postId`, `cadreId`) of the
 * proposal are read. A rule is reported only when it is enabled and hard; the
 * establishment rules, locks and forbidden pairs are always hard. Violations
 * come in team order, then post order (a team's own rules after its posts,
 * problems outside every team last), then rule code.
 *
 * @param scenario - the scenario the proposal answers
 * @param proposal - the proposal to check
 * @returns the violations, each naming its rule code, team, post and cadre
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Check
 * @example
 * // Team T12 has three posts and the proposal leaves it without a woman.
 * validateProposal(scenario, proposal).map((v) => v.message)
 * //=> ['team 乡镇12 (T12): needs ≥ 1 woman, has 0']
 */
export function validateProposal(scenario: Scenario, proposal: Proposal): Violation[] {
  // Shape only: an open post that names no post is one of its findings (establishment.unknown-id).
  requireScenarioShape('validateProposal', scenario)
  requireSameScenario('validateProposal', scenario, proposal)
  return findingsOf(staff(scenario, proposal))
    .filter((f) => f.hard)
    .map(toViolation)
}

/**
 * Full audit of a proposal: its hard violations, its soft shortfalls (every
 * enabled soft rule, soft pair rules included, and `policy.vacancy.penalty` per
 * empty open post with code `establishment.vacancy` when vacancies are
 * allowed), and the objective recomputed independently: Σ fit of the filled
 * open posts as stated in the proposal's assignments − Σ soft costs. Never
 * throws.
 *
 * @param scenario - the scenario the proposal answers
 * @param proposal - the proposal to audit
 * @returns violations, shortfalls, fit, soft cost and objective
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Check
 * @example
 * // One open post left vacant (vacancies allowed at 1000), the others fit 70 and 80.
 * const { shortfalls, softCost, objective } = auditProposal(scenario, proposal)
 * shortfalls.map((s) => [s.code, s.postId, s.cost])
 * //=> [['establishment.vacancy', 'P3', 1000]]
 * [softCost, objective]
 * //=> [1000, -850]
 */
export function auditProposal(scenario: Scenario, proposal: Proposal): ProposalAudit {
  requireScenarioShape('auditProposal', scenario)
  requireSameScenario('auditProposal', scenario, proposal)
  const s = staff(scenario, proposal)
  const findings = findingsOf(s)
  const shortfalls = findings.filter((f) => !f.hard).map(toShortfall)
  let fit = 0
  // Summed in team and post order, so that reordering the assignments cannot move the float result.
  for (const postId of s.seats.keys()) {
    if (s.filled.has(postId)) fit += s.answers.get(postId)?.[0]?.fit ?? 0
  }
  const softCost = shortfalls.reduce((sum, f) => sum + f.cost, 0)
  return {
    violations: findings.filter((f) => f.hard).map(toViolation),
    shortfalls,
    fit,
    softCost,
    objective: fit - softCost,
  }
}
