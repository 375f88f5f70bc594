/**
 * Verdicts and the shape of a pair rule. A rule says whether a pair breaks it
 * and why (the facts it used); the policy decides whether that blocks the pair
 * (hard) or costs a penalty (soft). One mechanism for every rule family.
 *
 * @module
 */
import type { PairRuleCode } from '../domain/codes.js'
import type { Policy, RuleSwitch } from '../domain/policy.js'
import type { Cadre, Post, Scenario, Team } from '../domain/types.js'
import type { ScenarioContext } from './context.js'

/** Facts a finding was based on, for explanations. @category Rules */
export type Facts = Readonly<Record<string, string | number | boolean | null>>

/** The outcome of one rule on one pair. @category Rules */
export type Verdict =
  | { readonly _tag: 'ok' }
  | { readonly _tag: 'blocked'; readonly code: PairRuleCode; readonly message: string; readonly facts: Facts }
  | {
      readonly _tag: 'penalty'
      readonly code: PairRuleCode
      readonly amount: number
      readonly message: string
      readonly facts: Facts
    }

/** Everything a pair rule may look at, computed once per pair. @category Rules */
export interface PairFacts {
  readonly ctx: ScenarioContext
  readonly cadreIdx: number
  readonly cadre: Cadre
  readonly post: Post
  readonly team: Team
  /** The cadre is the incumbent of this post. */
  readonly stay: boolean
  /** Rungs from the cadre's rank up to the post's (negative for a lower post). */
  readonly rungs: number
  readonly age: number
}

/** When a rule is looked at. @category Rules */
export type Occasion = 'appointment' | 'promotion' | 'stay' | 'any'

/** A finding: the pair breaks the rule. @category Rules */
export interface Finding {
  readonly message: string
  readonly facts: Facts
}

/**
 * The fields of the record a rule reads, besides those every rule reads to
 * know its occasion (the cadre's `id`, `currentPost` and `rank`, the post's `id`
 * and `rank`) and the names it prints. A property test swaps every other field
 * and checks the verdict does not change (test/rules/reads.prop.test.ts).
 * @category Rules
 */
export interface Reads {
  readonly cadre: readonly (keyof Cadre)[]
  readonly post?: readonly (keyof Post)[]
  readonly team?: readonly (keyof Team)[]
}

/** One rule about people. @category Rules */
export interface PairRule {
  readonly code: PairRuleCode
  readonly occasion: Occasion
  /** The facts the rule uses; the policy is read through {@link PairRule.switchOf} and its own section. */
  readonly reads: Reads
  /** The policy switch of this rule. */
  readonly switchOf: (policy: Policy) => RuleSwitch
  /** `null` when the pair does not break the rule. */
  readonly check: (pair: PairFacts) => Finding | null
  /**
   * Whether the pair breaks the rule — `check(pair) !== null` without building
   * the message and facts. Eligibility asks this first and builds the finding
   * only for the verdicts it keeps. Absent: `check(pair) !== null`.
   */
  readonly breaks?: (pair: PairFacts) => boolean
  /**
   * What of the post and its team an appointment's verdict depends on, beyond
   * the post's rank (the occasion): posts of one rank with equal keys get the
   * same verdict for a cadre, so eligibility looks once per (cadre, key), not
   * once per post. Absent: the fields of {@link PairRule.reads} (`post`, `team`).
   * Messages may print more (a title); they are built per pair.
   */
  readonly postKey?: (post: Post, team: Team, scenario: Scenario) => string | number | boolean | null
}

/** A pair rule given by when it breaks and what it then says. @category Rules */
export interface PairRuleSpec extends Omit<PairRule, 'check' | 'breaks'> {
  readonly breaks: (pair: PairFacts) => boolean
  /** The finding of a pair that {@link PairRuleSpec.breaks} the rule. */
  readonly finding: (pair: PairFacts) => Finding
}

/**
 * A {@link PairRule} whose `check` is `breaks` then `finding`: the cheap
 * predicate and the explanation cannot disagree.
 * @category Rules
 */
export function pairRule(spec: PairRuleSpec): PairRule {
  const { finding, breaks, ...rest } = spec
  return { ...rest, breaks, check: (pair) => (breaks(pair) ? finding(pair) : null) }
}

/** Whether the pair breaks the rule, without building the finding. @category Rules */
export function breaksRule(rule: PairRule, pair: PairFacts): boolean {
  return rule.breaks === undefined ? rule.check(pair) !== null : rule.breaks(pair)
}

/** Whether a rule is looked at for this pair. @category Rules */
export function concerns(rule: PairRule, pair: PairFacts): boolean {
  switch (rule.occasion) {
    case 'any':
      return true
    case 'stay':
      return pair.stay
    case 'appointment':
      return !pair.stay
    case 'promotion':
      return !pair.stay && pair.rungs > 0
  }
}

/**
 * Evaluates one rule on one pair under the policy: `ok`, `blocked` (hard) or
 * `penalty` (soft).
 * @category Rules
 */
export function evaluate(rule: PairRule, pair: PairFacts): Verdict {
  const sw = rule.switchOf(pair.ctx.scenario.policy)
  if (!sw.enabled || !concerns(rule, pair)) return { _tag: 'ok' }
  const finding = rule.check(pair)
  if (finding === null) return { _tag: 'ok' }
  return sw.hard
    ? { _tag: 'blocked', code: rule.code, message: finding.message, facts: finding.facts }
    : { _tag: 'penalty', code: rule.code, amount: sw.penalty, message: finding.message, facts: finding.facts }
}
