/**
 * A proposal (配备方案): who takes each open post, what it scores and costs,
 * and how sure the solver is.
 *
 * @module
 */
import type { PairRuleCode, RuleCode, TeamRuleCode } from './codes.js'

/** Named parts of a fit score, each in `[0, 1]` before weighting. @category Proposal */
export interface FitComponents {
  readonly specialty: number
  readonly assessment: number
  readonly experience: number
  readonly age: number
  /**
   * Combined assessment score (三结合) of the latest assessed year / 100; present
   * only when `policy.fit.weights.combined` is positive (0.5 when the cadre has
   * no scored year).
   */
  readonly combined?: number
  /**
   * Recommendation support for the post (推荐得票, see docs/rules.md): present
   * only when `policy.fit.weights.support` is positive (0 when the cadre has
   * no recommendation for the post or for any post).
   */
  readonly support?: number
}

/**
 * What an assignment means for the cadre, by the post's rank against the
 * cadre's: `stays` (keeps the post), `promotion` (a higher rank, 提拔),
 * `lateral` (the same rank, 交流/平职 — whether the cadre held a post of these
 * teams or not: a cadre at a rank has held one somewhere), `demotion` (a lower
 * rank, 降职); `vacant`: the post is left empty.
 * @category Proposal
 */
export type Change = 'stays' | 'promotion' | 'lateral' | 'demotion' | 'vacant'

/** One open post and who takes it. @category Proposal */
export interface Assignment {
  readonly postId: string
  readonly teamId: string
  /** `null` when the post is left vacant. */
  readonly cadreId: string | null
  /** Who held the post before this round, if anyone. */
  readonly incumbentId: string | null
  readonly change: Change
  /** Fit of the pair (0 for a vacancy). */
  readonly fit: number
  readonly components: FitComponents | null
  /** Exceptional promotion (破格) used for this assignment. */
  readonly exceptional: boolean
}

/** A soft rule broken, and what it cost. @category Proposal */
export interface PenaltyPaid {
  readonly code: PairRuleCode | TeamRuleCode | 'establishment.vacancy'
  readonly teamId: string | null
  readonly postId: string | null
  readonly cadreId: string | null
  /** Units short of the rule (e.g. 1 woman missing). */
  readonly shortfall: number
  readonly amount: number
}

/** A cadre leaving or taking a post. @category Proposal */
export interface Move {
  readonly cadreId: string
  readonly fromPostId: string | null
  readonly toPostId: string | null
}

/**
 * Solver outcome of a proposal: `optimal` (proven), `time-limit` (the best
 * found when the time ran out), `interrupted` (aborted), `memory-limit` (the
 * proof would not fit in the backend's memory) — the last three with a
 * proven `bound` and `gap`.
 * @category Proposal
 */
export type ProposalStatus = 'optimal' | 'time-limit' | 'interrupted' | 'memory-limit'

/** @category Proposal */
export interface ObjectiveParts {
  /** Sum of fits of the filled posts. */
  readonly fit: number
  /** Total vacancy penalty. */
  readonly vacancies: number
  /** Total penalty of soft rules. */
  readonly penalties: number
}

/** A full staffing proposal. @category Proposal */
export interface Proposal {
  /** One per open post, in the scenario's `openPosts` order. */
  readonly assignments: readonly Assignment[]
  /** `fit − vacancies − penalties`; maximised. */
  readonly objective: number
  readonly parts: ObjectiveParts
  readonly penalties: readonly PenaltyPaid[]
  readonly moves: readonly Move[]
  readonly status: ProposalStatus
  /**
   * A proven upper bound on the best objective of the whole model: the
   * objective itself when `status` is `'optimal'`; after a stop (time limit,
   * abort, memory limit) the best bound the solver proved, or `null` when it
   * proved none yet (the incumbent is never reported as a bound). See
   * docs/guide.md, "Objective, bound and gap".
   */
  readonly bound: number | null
  /**
   * Relative gap `(bound − objective) / max(1, |objective|)`; 0 when proven
   * optimal, `null` when the bound is unknown.
   */
  readonly gap: number | null
  /**
   * The fingerprint of the scenario it staffs (`scenarioFingerprint`), so
   * that a call about another scenario refuses it (`ScenarioMismatch`).
   * Non-enumerable: JSON, spreads and deep equality do not see it, and a
   * proposal read back from JSON has none (it is then checked by its ids).
   */
  readonly scenarioFingerprint?: string
  /** The backend that produced it. Timings are reported through `onProgress` and benchmarks, never here, so that equal inputs give byte-identical proposals. */
  readonly backend: string
}

/** A hard rule a proposal breaks, found by the independent validator. @category Proposal */
export interface Violation {
  readonly code: RuleCode
  readonly teamId: string | null
  readonly postId: string | null
  readonly cadreId: string | null
  readonly message: string
}
