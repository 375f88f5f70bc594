/**
 * Eligibility of every (candidate, open post) pair: the pair rules of every
 * family, kin avoidance against the fixed members of the team, and the
 * user's forbidden pairs. The model gets one variable per eligible pair.
 *
 * The result is columnar: one entry per eligible pair in typed arrays
 * (cadre, post, penalty, flags), by open post then roster order. The penalty
 * list of a pair (codes, amounts, messages) is built when asked for, and only
 * pairs that pay a penalty have one.
 *
 * @module
 */
import type { PairRuleCode } from '../domain/codes.js'
import type { ScenarioContext } from './context.js'
import { fixedAcross } from './context.js'
import { pairVerdicts } from './pair.js'
import type { PairPenalty } from './pair.js'
import { PairScan } from './pair-scan.js'

export { PAIR_RULES, pairVerdicts } from './pair.js'
export type { PairPenalty } from './pair.js'

/** An eligible pair, as one record (see {@link Eligibility.pairAt}). @category Rules */
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

/** Bits of {@link Eligibility.flags}. @category Rules */
export const PAIR_FLAG = {
  /** The cadre holds the post and stays in it. */
  stay: 1,
  /** The post is above the cadre's rank. */
  promotion: 2,
  /** Exceptional promotion used: the years-at-rank rule was waived. */
  exceptional: 4,
  /** The pair pays at least one soft-rule penalty (its list is not empty). */
  penalised: 8,
} as const

/**
 * The eligible pairs of a scenario, one entry per pair in columns: pair `k`
 * is cadre `cadre[k]` in open post `post[k]`. Pairs are ordered by open post,
 * then roster order; the pairs of open post `i` are `postStart[i] …
 * postStart[i + 1] − 1`.
 * @category Rules
 */
export interface Eligibility {
  /** Number of eligible pairs. */
  readonly size: number
  /** Cadre of each pair: index into `scenario.cadres`. */
  readonly cadre: Int32Array
  /** Open post of each pair: index into `scenario.openPosts`. */
  readonly post: Int32Array
  /** Sum of each pair's soft-rule penalties (0 for most pairs). */
  readonly penalty: Float64Array
  /** Bits of {@link PAIR_FLAG} of each pair. */
  readonly flags: Uint8Array
  /** First pair of each open post, and `size` at the end (length `openPosts.length + 1`). */
  readonly postStart: Int32Array
  /** For each open post, how many candidates each hard rule blocked. */
  readonly blockedCounts: readonly Readonly<Partial<Record<PairRuleCode, number>>>[]
  /** The soft rules pair `k` breaks, with amounts and messages, in rule order (built on first request). */
  penaltiesOf(k: number): readonly PairPenalty[]
  /** Pair `k` as one record. */
  pairAt(k: number): CandidatePair
  /** The pair of a cadre and an open post (indices), or −1 when the pair is not eligible. */
  indexOf(cadre: number, post: number): number
  /**
   * Every pair as a record, by open post then roster order: built on first
   * read (one object per pair), for callers that want records; the columns are cheaper.
   */
  readonly pairs: readonly CandidatePair[]
}

const NO_PENALTIES: readonly PairPenalty[] = []

/** The columnar {@link Eligibility}; penalty lists come from the scan that found the pairs. */
class ColumnarEligibility implements Eligibility {
  private readonly lists = new Map<number, readonly PairPenalty[]>()
  private records: readonly CandidatePair[] | undefined

  constructor(
    private readonly scan: PairScan,
    readonly size: number,
    readonly cadre: Int32Array,
    readonly post: Int32Array,
    readonly penalty: Float64Array,
    readonly flags: Uint8Array,
    readonly postStart: Int32Array,
    readonly blockedCounts: readonly Readonly<Partial<Record<PairRuleCode, number>>>[],
  ) {}

  penaltiesOf(k: number): readonly PairPenalty[] {
    if ((this.flags[k]! & PAIR_FLAG.penalised) === 0) return NO_PENALTIES
    let list = this.lists.get(k)
    if (list === undefined) {
      const c = this.cadre[k]!
      const p = this.post[k]!
      const { scan } = this
      list =
        (this.flags[k]! & PAIR_FLAG.stay) !== 0
          ? stayPenalties(scan.ctx, c, p)
          : scan.penalties(c, p, scan.outcome(c, p), scan.kin(c, p))
      this.lists.set(k, list)
    }
    return list
  }

  pairAt(k: number): CandidatePair {
    const f = this.flags[k]!
    return {
      post: this.post[k]!,
      cadre: this.cadre[k]!,
      stay: (f & PAIR_FLAG.stay) !== 0,
      promotion: (f & PAIR_FLAG.promotion) !== 0,
      exceptional: (f & PAIR_FLAG.exceptional) !== 0,
      penalties: this.penaltiesOf(k),
      penalty: this.penalty[k]!,
    }
  }

  indexOf(cadre: number, post: number): number {
    if (!(post >= 0 && post + 1 < this.postStart.length)) return -1
    // Within a post, pairs are in roster order: a binary search on the cadre index.
    let lo = this.postStart[post]!
    let hi = this.postStart[post + 1]!
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cadre[mid]! < cadre) lo = mid + 1
      else hi = mid
    }
    return lo < this.postStart[post + 1]! && this.cadre[lo] === cadre ? lo : -1
  }

  get pairs(): readonly CandidatePair[] {
    if (this.records === undefined) {
      const out: CandidatePair[] = new Array<CandidatePair>(this.size)
      for (let k = 0; k < this.size; k++) out[k] = this.pairAt(k)
      this.records = out
    }
    return this.records
  }
}

/**
 * Eligible pairs of a scenario: every candidate (a cadre with no post, or
 * holding an open one) against every open post.
 * @category Rules
 */
export function eligibility(ctx: ScenarioContext): Eligibility {
  const scan = new PairScan(ctx)
  const blockedCounts: Partial<Record<PairRuleCode, number>>[] = []
  const candidates = ctx.candidates
  const open = ctx.scenario.openPosts
  const cadreCount = ctx.scenario.cadres.length
  // Blocking codes by index, in the order first met.
  const codes: PairRuleCode[] = []
  const codeIndex = new Map<PairRuleCode, number>()
  const indexOf = (code: PairRuleCode): number => {
    let i = codeIndex.get(code)
    if (i === undefined) codeIndex.set(code, (i = codes.push(code) - 1))
    return i
  }
  const forbiddenCode = indexOf('forbidden-pair')
  const isCandidate = new Uint8Array(cadreCount)
  for (const c of candidates) isCandidate[c] = 1
  // Each class of posts once: its eligible cadres in roster order with their penalty sums (the
  // class's penalties in rule order, as the pair's list adds them) and flags, and its blocked
  // cadres by first blocking code.
  const classes = scan.classes().map((cls) => classOf(scan, cls, candidates, cadreCount, indexOf))
  // Room for every pair the classes let through, and each post's stay: no post can have more.
  let capacity = 0
  for (let i = 0; i < open.length; i++) capacity += classes[scan.postClass[i]!]!.list.length + 1
  const cadre = new Int32Array(capacity)
  const post = new Int32Array(capacity)
  const penalty = new Float64Array(capacity)
  const flags = new Uint8Array(capacity)
  const postStart = new Int32Array(open.length + 1)
  let n = 0
  // Kin avoidance concerns only a cadre with kin among the cadres who stay (team, leading posts, led teams).
  const kinOfFixed = kinOfFixedMembers(ctx, scan)
  const forbiddenOf = scan.forbidden.map((ids) =>
    ids === undefined
      ? []
      : [...ids].map((id) => ctx.cadreIndex.get(id) ?? -1).filter((c) => c >= 0 && isCandidate[c] === 1),
  )
  for (let postPos = 0; postPos < open.length; postPos++) {
    postStart[postPos] = n
    const cl = classes[scan.postClass[postPos]!]!
    const incumbent = scan.incumbent[postPos]!
    const forbidden = forbiddenOf[postPos]!
    const kinHere = kinOfFixed[postPos]
    // The candidates this post treats apart from its class, in roster order: the incumbent
    // (a stay), forbidden cadres, and eligible cadres with kin among the fixed members.
    const apart = new Set<number>(forbidden)
    if (incumbent >= 0 && isCandidate[incumbent] === 1) apart.add(incumbent)
    if (kinHere !== undefined)
      for (const c of kinHere) if (isCandidate[c] === 1 && cl.first[c]! < 0) apart.add(c)
    const special = [...apart].sort((x, y) => x - y)
    // Blocks this post counts at a candidate of its own, and the class blocks it takes back.
    const added: { code: number; at: number }[] = []
    const taken: { code: number; at: number }[] = []
    let from = 0
    const copy = (to: number) => {
      if (to > from) {
        cadre.set(cl.list.subarray(from, to), n)
        post.fill(postPos, n, n + to - from)
        penalty.set(cl.penalty.subarray(from, to), n)
        flags.set(cl.flags.subarray(from, to), n)
        n += to - from
      }
    }
    const put = (c: number, pen: number, fl: number) => {
      cadre[n] = c
      post[n] = postPos
      penalty[n] = pen
      flags[n++] = fl
    }
    for (const c of special) {
      const blockedBy = cl.first[c]!
      const at = cl.before[c]!
      copy(at)
      from = blockedBy < 0 ? at + 1 : at
      if (blockedBy >= 0 && (c === incumbent || forbidden.includes(c))) taken.push({ code: blockedBy, at: c })
      if (forbidden.includes(c)) {
        added.push({ code: forbiddenCode, at: c })
        continue
      }
      if (c === incumbent) {
        const stay = stayPair(ctx, c, open[postPos]!)
        if (typeof stay === 'string') added.push({ code: indexOf(stay), at: c })
        else put(c, stay.penalty, PAIR_FLAG.stay | (stay.penalised ? PAIR_FLAG.penalised : 0))
        continue
      }
      // An eligible cadre with kin among the team's fixed members.
      const kin = scan.kin(c, postPos)
      if (kin !== null && kin._tag === 'blocked') added.push({ code: indexOf(kin.code), at: c })
      else if (kin !== null && kin._tag === 'penalty')
        put(c, cl.penalty[at]! + kin.amount, cl.flags[at]! | PAIR_FLAG.penalised)
      else put(c, cl.penalty[at]!, cl.flags[at]!)
    }
    copy(cl.list.length)
    blockedCounts.push(countsOf(cl, added, taken, codes))
  }
  postStart[open.length] = n
  // The capacity exceeds the pairs found when posts lose candidates to forbidden pairs, kin or a
  // blocked stay: views when little is left unused, copies otherwise.
  const fit = <T extends Int32Array | Float64Array | Uint8Array>(a: T): T =>
    (capacity - n) * 16 <= capacity ? (a.subarray(0, n) as T) : (a.slice(0, n) as T)
  return new ColumnarEligibility(
    scan,
    n,
    fit(cadre),
    fit(post),
    fit(penalty),
    fit(flags),
    postStart,
    blockedCounts,
  )
}

/** One class of posts, looked at once for every candidate. */
interface ClassView {
  /** Eligible cadres, in roster order. */
  readonly list: Int32Array
  readonly penalty: Float64Array
  readonly flags: Uint8Array
  /** By cadre index: the first blocking code (index), −1 when eligible. */
  readonly first: Int32Array
  /** By cadre index: how many eligible cadres come before it in roster order. */
  readonly before: Int32Array
  /** By code index: the blocked cadres, in roster order. */
  readonly blocked: readonly (readonly number[] | undefined)[]
}

function classOf(
  scan: PairScan,
  cls: number,
  candidates: readonly number[],
  cadreCount: number,
  indexOf: (code: PairRuleCode) => number,
): ClassView {
  const first = new Int32Array(cadreCount)
  const before = new Int32Array(cadreCount)
  const list: number[] = []
  const penalty: number[] = []
  const flags: number[] = []
  const blocked: number[][] = []
  for (const c of candidates) {
    const o = scan.outcomeOfClass(c, cls)
    before[c] = list.length
    if (o.blocked.length > 0) {
      const code = indexOf(o.blocked[0]!)
      first[c] = code
      ;(blocked[code] ??= []).push(c)
      continue
    }
    first[c] = -1
    let sum = 0
    for (const p of o.penalised) sum += p.penalty
    list.push(c)
    penalty.push(sum)
    flags.push(
      (o.promotion ? PAIR_FLAG.promotion : 0) |
        (o.exceptional ? PAIR_FLAG.exceptional : 0) |
        (o.penalised.length > 0 ? PAIR_FLAG.penalised : 0),
    )
  }
  return {
    list: Int32Array.from(list),
    penalty: Float64Array.from(penalty),
    flags: Uint8Array.from(flags),
    first,
    before,
    blocked,
  }
}

/**
 * The blocked counts of one post: its class's, less the blocks `taken` back
 * (cadres the post treats apart), plus the blocks `added` there. Codes in the
 * order first met in roster order, as a walk over the candidates would count them.
 */
function countsOf(
  cl: ClassView,
  added: readonly { readonly code: number; readonly at: number }[],
  taken: readonly { readonly code: number; readonly at: number }[],
  codes: readonly PairRuleCode[],
): Partial<Record<PairRuleCode, number>> {
  const found: { code: number; count: number; at: number }[] = []
  const codeCount = Math.max(cl.blocked.length, ...added.map((a) => a.code + 1))
  for (let code = 0; code < codeCount; code++) {
    const list = cl.blocked[code] ?? []
    let count = list.length
    let at = Infinity
    for (const t of taken) if (t.code === code) count--
    for (const c of list)
      if (!taken.some((t) => t.code === code && t.at === c)) {
        at = c
        break
      }
    for (const a of added)
      if (a.code === code) {
        count++
        at = Math.min(at, a.at)
      }
    if (count > 0) found.push({ code, count, at })
  }
  found.sort((x, y) => x.at - y.at)
  const counts: Partial<Record<PairRuleCode, number>> = {}
  for (const f of found) counts[codes[f.code]!] = f.count
  return counts
}

/**
 * For each open post, the cadres who have kin among the cadres who stay and
 * whom kin avoidance sets against its holder (`undefined` when none has): the
 * only candidates kin avoidance concerns there.
 */
function kinOfFixedMembers(ctx: ScenarioContext, scan: PairScan): (ReadonlySet<number> | undefined)[] {
  const open = ctx.scenario.openPosts
  const out: (ReadonlySet<number> | undefined)[] = open.map(() => undefined)
  if (!ctx.scenario.policy.people.kinAvoidance.enabled) return out
  // The team's part once per team; a post that leads teams adds their members.
  const byTeam: (Set<number> | undefined)[] = []
  for (let i = 0; i < open.length; i++) {
    const t = scan.postTeam[i]!
    let set = byTeam[t]
    if (set === undefined) {
      set = new Set<number>()
      for (const r of fixedAcross(ctx, open[i]!))
        if (r.how !== 'led') for (const o of ctx.kin[r.cadre]!) set.add(o)
      byTeam[t] = set
    }
    const led = ctx.leads.get(open[i]!)
    if (led === undefined) {
      out[i] = set.size === 0 ? undefined : set
      continue
    }
    const own = new Set(set)
    for (const r of fixedAcross(ctx, open[i]!))
      if (r.how === 'led') for (const o of ctx.kin[r.cadre]!) own.add(o)
    out[i] = own.size === 0 ? undefined : own
  }
  return out
}

/** The penalties of an incumbent staying in an open post, in the order {@link pairVerdicts} gives them. */
function stayPenalties(ctx: ScenarioContext, c: number, postPos: number): readonly PairPenalty[] {
  const penalties: PairPenalty[] = []
  for (const v of pairVerdicts(ctx, c, ctx.scenario.openPosts[postPos]!))
    if (v._tag === 'penalty') penalties.push({ code: v.code, amount: v.amount, message: v.message })
  return penalties
}

/** An incumbent staying in an open post: the first blocking code, or its penalty sum. */
function stayPair(
  ctx: ScenarioContext,
  c: number,
  postId: string,
): PairRuleCode | { readonly penalty: number; readonly penalised: boolean } {
  const verdicts = pairVerdicts(ctx, c, postId)
  const blocked = verdicts.find((v) => v._tag === 'blocked')
  if (blocked !== undefined) return blocked.code
  let penalty = 0
  let penalised = false
  for (const v of verdicts)
    if (v._tag === 'penalty') {
      penalty += v.amount
      penalised = true
    }
  return { penalty, penalised }
}
