/**
 * The scan of every (candidate, open post) pair, once per (cadre, class of
 * posts): what eligibility and the eligibility report both walk.
 *
 * @module
 */
import type { PairRuleCode } from '../domain/codes.js'
import type { ScenarioContext } from './context.js'
import { fixedAcross } from './context.js'
import { breaksYears, kinAgainstFixed, PAIR_RULES, pairFacts } from './pair.js'
import type { PairPenalty } from './pair.js'
import type { PairRule, Verdict } from './verdict.js'
import { breaksRule, concerns } from './verdict.js'

/** What the pair rules say about an appointment of one cadre to posts of one class. */
export interface ClassOutcome {
  /** Codes of the hard rules broken, in rule order. */
  readonly blocked: readonly PairRuleCode[]
  /** Soft rules broken, in rule order: their findings are built per pair, for the pairs kept. */
  readonly penalised: readonly { readonly rule: PairRule; readonly penalty: number }[]
  readonly promotion: boolean
  /** Exceptional promotion used (the years-at-rank rule waived). */
  readonly exceptional: boolean
}

const NO_PENALTIES: readonly PairPenalty[] = []

/**
 * The pair rules' verdicts over every (candidate, open post) pair of a context,
 * looked at once per (cadre, class of post). An appointment's verdict depends
 * on the cadre, the post's rank and each rule's {@link PairRule.postKey} (by
 * default the post and team fields it reads): open posts with the same rank and
 * keys form a class, and each rule's cheap predicate (`breaks`) runs once per
 * (cadre, class). Messages are built only for the verdicts kept. A stay (the
 * cadre holds the post) is looked at alone, through {@link pairVerdicts}.
 * @internal
 */
export class PairScan {
  /** Class of each open post, by index into `openPosts`. */
  readonly postClass: Int32Array
  /** Incumbent of each open post, `-1` when none. */
  readonly incumbent: Int32Array
  /** Team index of each open post. */
  readonly postTeam: Int32Array
  /** Ids of the cadres forbidden from each open post, when any. */
  readonly forbidden: readonly (ReadonlySet<string> | undefined)[]
  private readonly rules: readonly {
    readonly rule: PairRule
    readonly hard: boolean
    readonly penalty: number
  }[]
  private readonly classPost: readonly number[]
  private readonly outcomes: (ClassOutcome | undefined)[]
  /** By open post: the cadres who stay and whom kin avoidance sets against its holder. */
  private readonly fixed: (readonly number[] | undefined)[]

  constructor(readonly ctx: ScenarioContext) {
    const { scenario } = ctx
    const policy = scenario.policy
    this.rules = PAIR_RULES.flatMap((rule) => {
      const sw = rule.switchOf(policy)
      return sw.enabled ? [{ rule, hard: sw.hard, penalty: sw.penalty }] : []
    })
    const open = scenario.openPosts
    this.postClass = new Int32Array(open.length)
    this.incumbent = new Int32Array(open.length)
    this.postTeam = new Int32Array(open.length)
    const classes = new Map<string, number>()
    const classPost: number[] = []
    const appointmentRules = this.rules.filter(({ rule }) => rule.occasion !== 'stay')
    open.forEach((postId, i) => {
      const loc = ctx.postLocation.get(postId)
      if (loc === undefined) throw new Error(`rules: unknown post ${postId}`)
      const team = scenario.teams[loc.team]!
      const post = team.posts[loc.slot]!
      this.postTeam[i] = loc.team
      this.incumbent[i] = ctx.incumbentOf.get(postId) ?? -1
      const key = JSON.stringify([
        post.rank,
        ...appointmentRules.map(({ rule }) =>
          rule.postKey !== undefined
            ? rule.postKey(post, team, scenario)
            : [
                ...(rule.reads.post ?? []).map((f) => post[f]),
                ...(rule.reads.team ?? []).map((f) => team[f]),
              ],
        ),
      ])
      let k = classes.get(key)
      if (k === undefined) {
        classes.set(key, (k = classPost.length))
        classPost.push(i)
      }
      this.postClass[i] = k
    })
    this.classPost = classPost
    this.outcomes = []
    this.fixed = []
    const forbidden = new Map<string, Set<string>>()
    for (const f of scenario.forbidden) {
      const ids = forbidden.get(f.postId)
      if (ids === undefined) forbidden.set(f.postId, new Set([f.cadreId]))
      else ids.add(f.cadreId)
    }
    this.forbidden = open.map((postId) => forbidden.get(postId))
  }

  /** Whether the pair is in `scenario.forbidden`. */
  isForbidden(c: number, postPos: number): boolean {
    const ids = this.forbidden[postPos]
    return ids !== undefined && ids.has(this.ctx.scenario.cadres[c]!.id)
  }

  /** The verdicts of appointing cadre `c` (not the incumbent) to open post `postPos`, without messages. */
  outcome(c: number, postPos: number): ClassOutcome {
    return this.outcomeOfClass(c, this.postClass[postPos]!)
  }

  /** The classes of open posts, `0 … n − 1`. */
  classes(): number[] {
    return this.classPost.map((_, i) => i)
  }

  /** The verdicts of appointing cadre `c` to a post of class `cls` that `c` does not hold. */
  outcomeOfClass(c: number, cls: number): ClassOutcome {
    const at = c * this.classPost.length + cls
    return (this.outcomes[at] ??= this.look(c, cls))
  }

  private look(c: number, cls: number): ClassOutcome {
    const pair = pairFacts(this.ctx, c, this.ctx.scenario.openPosts[this.classPost[cls]!]!, false)
    const blocked: PairRuleCode[] = []
    const penalised: { rule: PairRule; penalty: number }[] = []
    for (const { rule, hard, penalty } of this.rules) {
      if (!concerns(rule, pair) || !breaksRule(rule, pair)) continue
      if (hard) blocked.push(rule.code)
      else penalised.push({ rule, penalty })
    }
    const promotion = pair.rungs > 0
    const exceptional = promotion && pair.cadre.exceptionalPromotion && breaksYears(pair)
    return { blocked, penalised, promotion, exceptional }
  }

  /** Kin avoidance against the cadres who stay (team, leading posts, led teams), when the cadre has kin there. */
  kin(c: number, postPos: number): Verdict | null {
    const kin = this.ctx.kin[c]!
    if (kin.size === 0 || !this.ctx.scenario.policy.people.kinAvoidance.enabled) return null
    const fixed = (this.fixed[postPos] ??= fixedAcross(this.ctx, this.ctx.scenario.openPosts[postPos]!).map(
      (r) => r.cadre,
    ))
    if (!fixed.some((m) => kin.has(m))) return null
    return kinAgainstFixed(pairFacts(this.ctx, c, this.ctx.scenario.openPosts[postPos]!))
  }

  /** The penalties of an appointment that no rule blocks, with their messages. */
  penalties(c: number, postPos: number, o: ClassOutcome, kin: Verdict | null): readonly PairPenalty[] {
    if (o.penalised.length === 0 && kin === null) return NO_PENALTIES
    const pair = pairFacts(this.ctx, c, this.ctx.scenario.openPosts[postPos]!, false)
    const out: PairPenalty[] = []
    for (const { rule, penalty } of o.penalised) {
      const finding = rule.check(pair)
      if (finding !== null) out.push({ code: rule.code, amount: penalty, message: finding.message })
    }
    if (kin !== null && kin._tag === 'penalty')
      out.push({ code: kin.code, amount: kin.amount, message: kin.message })
    // Kept on the pair: an exact-size copy, not the grown array (a push reserves 17 slots).
    return out.slice()
  }
}
