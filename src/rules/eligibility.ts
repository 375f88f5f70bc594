/**
 * Eligibility of every (candidate, open post) pair: the pair rules of every
 * family, kin avoidance against the fixed members of the team, and the
 * user's forbidden pairs. The model gets one variable per eligible pair.
 *
 * @module
 */
import type { PairRuleCode } from '../domain/codes.js'
import type { ScenarioContext } from './context.js'
import { pairVerdicts } from './pair.js'
import type { PairPenalty } from './pair.js'
import { PairScan } from './pair-scan.js'
import type { ClassOutcome } from './pair-scan.js'
import type { Verdict } from './verdict.js'

export { PAIR_RULES, pairVerdicts } from './pair.js'
export type { PairPenalty } from './pair.js'

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
