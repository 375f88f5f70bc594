/**
 * Eligibility of every (candidate, open post) pair: the pair rules of every
 * family, kin avoidance against the fixed members of the team, and the
 * user's forbidden pairs. The model gets one variable per eligible pair.
 *
 * @module
 */
import type { PairRuleCode } from '../domain/codes.js'
import type { ScenarioContext } from './context.js'
import { fixedMembers } from './context.js'
import { minYears, rungsBetween, skipRung, stepDown } from './ladder.js'
import { education, lowGrade, maxAge, yearsToRetirement } from './qualification.js'
import { integrityGate, openCase } from './integrity.js'
import { hometown, mustRotate, shouldRotate } from './placement.js'
import { recordConsistency } from './record.js'
import { levelYears, maxTerms } from './tenure.js'
import type { Facts, PairFacts, PairRule, Verdict } from './verdict.js'
import { breaksRule, concerns, evaluate } from './verdict.js'

/** Every pair rule, in the order verdicts are reported. @category Rules */
export const PAIR_RULES: readonly PairRule[] = [
  skipRung,
  minYears,
  stepDown,
  education,
  maxAge,
  yearsToRetirement,
  integrityGate,
  openCase,
  lowGrade,
  hometown,
  mustRotate,
  shouldRotate,
  maxTerms,
  levelYears,
  recordConsistency,
]

/** A soft rule a pair breaks, with its cost. @category Rules */
export interface PairPenalty {
  readonly code: PairRuleCode
  readonly amount: number
  readonly message: string
}

/** An eligible pair. @category Rules */
export interface CandidatePair {
  /** Index into `scenario.openPosts`. */
  readonly post: number
  /** Index into `scenario.cadres`. */
  readonly cadre: number
  readonly stay: boolean
  readonly promotion: boolean
  /** Exceptional promotion used: the years-at-rank rule was waived for this pair. */
  readonly exceptional: boolean
  readonly penalties: readonly PairPenalty[]
  /** Sum of `penalties`. */
  readonly penalty: number
}

/** @category Rules */
export interface Eligibility {
  /** Eligible pairs, by open post then roster order. */
  readonly pairs: readonly CandidatePair[]
  /** For each open post, how many candidates each hard rule blocked. */
  readonly blockedCounts: readonly Readonly<Partial<Record<PairRuleCode, number>>>[]
}

/**
 * All verdicts of the pair rules on one (cadre, post) pair, including kin
 * avoidance against the team's fixed members and forbidden pairs. Use it to
 * explain why a pair is blocked or penalised.
 * @category Rules
 */
export function pairVerdicts(ctx: ScenarioContext, cadreIdx: number, postId: string): Verdict[] {
  const pair = pairFacts(ctx, cadreIdx, postId)
  const out: Verdict[] = []
  if (ctx.scenario.forbidden.some((f) => f.cadreId === pair.cadre.id && f.postId === postId))
    out.push({
      _tag: 'blocked',
      code: 'forbidden-pair',
      message: `${pair.cadre.name} → ${pair.post.title} is a forbidden pair`,
      facts: {},
    })
  for (const rule of PAIR_RULES) {
    const v = evaluate(rule, pair)
    if (v._tag !== 'ok') out.push(v)
  }
  const kinVerdict = kinAgainstFixed(pair)
  if (kinVerdict !== null) out.push(kinVerdict)
  return out
}

function pairFacts(ctx: ScenarioContext, cadreIdx: number, postId: string, stay?: boolean): PairFacts {
  const loc = ctx.postLocation.get(postId)
  if (loc === undefined) throw new Error(`rules: unknown post ${postId}`)
  const team = ctx.scenario.teams[loc.team]!
  const post = team.posts[loc.slot]!
  const cadre = ctx.scenario.cadres[cadreIdx]!
  return {
    ctx,
    cadreIdx,
    cadre,
    post,
    team,
    stay: stay ?? ctx.incumbentOf.get(postId) === cadreIdx,
    rungs: rungsBetween(cadre.rank, post.rank),
    age: ctx.ages[cadreIdx]!,
  }
}

function kinAgainstFixed(pair: PairFacts): Verdict | null {
  const sw = pair.ctx.scenario.policy.people.kinAvoidance
  if (!sw.enabled) return null
  const kin = pair.ctx.kin[pair.cadreIdx]!
  if (kin.size === 0) return null
  const relatives = fixedMembers(pair.ctx, pair.team).filter((m) => kin.has(m))
  if (relatives.length === 0) return null
  const names = relatives.map((m) => pair.ctx.scenario.cadres[m]!.name).join(', ')
  const message = `${pair.cadre.name} is kin of ${names}, who sit(s) in ${pair.team.name}`
  const facts: Facts = { kin: relatives.map((m) => pair.ctx.scenario.cadres[m]!.id).join(',') }
  // Each kin pair in the team is one breach of the rule, so a soft rule costs per relative.
  return sw.hard
    ? { _tag: 'blocked', code: 'avoidance.kin', message, facts }
    : { _tag: 'penalty', code: 'avoidance.kin', amount: sw.penalty * relatives.length, message, facts }
}

/** What the pair rules say about an appointment of one cadre to posts of one class. */
interface ClassOutcome {
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
            ? rule.postKey(post, team, policy)
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

  /** Kin avoidance against the team's fixed members, when the cadre has kin there. */
  kin(c: number, postPos: number): Verdict | null {
    const kin = this.ctx.kin[c]!
    if (kin.size === 0 || !this.ctx.scenario.policy.people.kinAvoidance.enabled) return null
    const t = this.postTeam[postPos]!
    const fixed = (this.fixed[t] ??= fixedMembers(this.ctx, this.ctx.scenario.teams[t]!))
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

/**
 * Eligible pairs of a scenario: every candidate (a cadre with no post, or
 * holding an open one) against every open post.
 * @category Rules
 */
export function eligibility(ctx: ScenarioContext): Eligibility {
  const scan = new PairScan(ctx)
  const pairs: CandidatePair[] = []
  const blockedCounts: Partial<Record<PairRuleCode, number>>[] = []
  const candidates = ctx.candidates
  const hasKin = Uint8Array.from(ctx.kin, (k) => (k.size > 0 ? 1 : 0))
  // Blocks of one post, tallied by code index; `seen` keeps the codes in the order first met.
  const codes: PairRuleCode[] = []
  const codeIndex = new Map<PairRuleCode, number>()
  const indexOf = (code: PairRuleCode): number => {
    let i = codeIndex.get(code)
    if (i === undefined) codeIndex.set(code, (i = codes.push(code) - 1))
    return i
  }
  const forbiddenCode = indexOf('forbidden-pair')
  const rows = scan.classes().map((cls) => {
    const row: (ClassOutcome | undefined)[] = []
    for (const c of candidates) row[c] = scan.outcomeOfClass(c, cls)
    return row
  })
  const firstBlocked = new Map<ClassOutcome, number>()
  for (const row of rows)
    for (const c of candidates) {
      const o = row[c]!
      firstBlocked.set(o, o.blocked.length > 0 ? indexOf(o.blocked[0]!) : -1)
    }
  const firstOf = rows.map((row) => {
    const first = new Int32Array(row.length)
    for (const c of candidates) first[c] = firstBlocked.get(row[c]!)!
    return first
  })
  let tally = new Int32Array(codes.length + 1)
  const seen: number[] = []
  const count = (i: number) => {
    if (i >= tally.length) {
      const grown = new Int32Array(codes.length + 1)
      grown.set(tally)
      tally = grown
    }
    if (tally[i] === 0) seen.push(i)
    tally[i] = tally[i]! + 1
  }
  ctx.scenario.openPosts.forEach((postId, postPos) => {
    const cls = scan.postClass[postPos]!
    const row = rows[cls]!
    const first = firstOf[cls]!
    const incumbent = scan.incumbent[postPos]!
    const anyForbidden = scan.forbidden[postPos] !== undefined
    for (let k = 0; k < candidates.length; k++) {
      const c = candidates[k]!
      if (anyForbidden && scan.isForbidden(c, postPos)) {
        count(forbiddenCode)
        continue
      }
      if (c === incumbent) {
        const pair = stayPair(ctx, c, postId, postPos)
        if (typeof pair === 'string') count(indexOf(pair))
        else pairs.push(pair)
        continue
      }
      const blockedBy = first[c]!
      if (blockedBy >= 0) {
        count(blockedBy)
        continue
      }
      const o = row[c]!
      let kin: Verdict | null = null
      if (hasKin[c] === 1) {
        kin = scan.kin(c, postPos)
        if (kin !== null && kin._tag === 'blocked') {
          count(indexOf(kin.code))
          continue
        }
      }
      // Shared empty list when the pair pays nothing (most pairs): see PairScan.penalties.
      const penalties = scan.penalties(c, postPos, o, kin)
      let penalty = 0
      for (const p of penalties) penalty += p.amount
      pairs.push({
        post: postPos,
        cadre: c,
        stay: false,
        promotion: o.promotion,
        exceptional: o.exceptional,
        penalties,
        penalty,
      })
    }
    const counts: Partial<Record<PairRuleCode, number>> = {}
    for (const i of seen) {
      counts[codes[i]!] = tally[i]!
      tally[i] = 0
    }
    seen.length = 0
    blockedCounts.push(counts)
  })
  return { pairs, blockedCounts }
}

/** An incumbent staying in an open post: the first blocking code, or the eligible pair. */
function stayPair(
  ctx: ScenarioContext,
  c: number,
  postId: string,
  postPos: number,
): PairRuleCode | CandidatePair {
  const verdicts = pairVerdicts(ctx, c, postId)
  const blocked = verdicts.find((v) => v._tag === 'blocked')
  if (blocked !== undefined) return blocked.code
  const penalties: PairPenalty[] = []
  for (const v of verdicts)
    if (v._tag === 'penalty') penalties.push({ code: v.code, amount: v.amount, message: v.message })
  return {
    post: postPos,
    cadre: c,
    stay: true,
    promotion: false,
    exceptional: false,
    penalties,
    penalty: penalties.reduce((s, p) => s + p.amount, 0),
  }
}

function breaksYears(pair: PairFacts): boolean {
  return minYears.check({ ...pair, cadre: { ...pair.cadre, exceptionalPromotion: false } }) !== null
}
