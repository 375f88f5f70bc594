/**
 * Combined assessment scores (三结合): per cadre and year, the annual, ongoing
 * and special assessments weighted by the policy, renormalised over the kinds
 * actually present (an absent kind is listed, never scored zero; a kind the
 * policy weighs 0 is listed as weighted out, not absent), with the
 * indicator profile of the year and the rank among peers of the same rank and
 * category. See docs/assessment.md.
 *
 * @module
 */
import { requireArgument, requireScenario, requireShape } from '../io/door.js'
import type { AssessmentPolicy } from '../domain/policy.js'
import type {
  AssessmentKind,
  AssessmentRecord,
  Cadre,
  EvaluatorGroup,
  Rank,
  Scenario,
} from '../domain/types.js'
import { addToSlot, slotCount, slotMean, slotMeans, WeightedMean } from './mean.js'

/** The kinds in the order they are reported. @category Assessment */
export const ASSESSMENT_KINDS: readonly AssessmentKind[] = ['annual', 'ongoing', 'special']

/** The rater groups in the order they are reported. @category Assessment */
export const EVALUATOR_GROUPS: readonly EvaluatorGroup[] = ['superiors', 'peers', 'subordinates', 'public']

/**
 * Where the score of one kind came from: the records' own `score`, their
 * indicators, their rater groups, or (annual only) the yearly `assessments`
 * entry's score when no detailed annual record exists.
 * @category Assessment
 */
export type ScoreOrigin = 'score' | 'indicators' | 'evaluators' | 'yearly'

/** One kind's part in a combined score. @category Assessment */
export interface SourceScore {
  readonly kind: AssessmentKind
  /** Mean score of the kind's records in the year, 0–100. */
  readonly score: number
  /** Policy weight renormalised over the kinds present; the weights of a year sum to 1. */
  readonly weight: number
  /** Records of this kind that were scored. */
  readonly records: number
  /** Origin of the kind's first scored record. */
  readonly origin: ScoreOrigin
}

/** The combined score of one cadre in one year. @category Assessment */
export interface YearScore {
  readonly year: number
  /**
   * Combined score 0–100: Σ weight × score over the kinds present; exactly
   * the kinds' common score when they agree, else rounded to 14 significant
   * digits (so equal scores are equal numbers and tie).
   */
  readonly score: number
  /** The kinds present, in kind order. */
  readonly sources: readonly SourceScore[]
  /**
   * The kinds the policy weighs with a positive weight that have no scored
   * record this year: missing data (their weight went to the others).
   */
  readonly absent: readonly AssessmentKind[]
  /**
   * The kinds the policy weighs 0, left out of the score whether or not they
   * were scored this year: weighted out by the policy, never missing data.
   */
  readonly weightedOut: readonly AssessmentKind[]
  /** True when a kind was absent (`absent` is not empty) and the weights were renormalised. */
  readonly renormalised: boolean
  /**
   * Indicator profile of the year: each indicator's score, weighted by the
   * kinds that scored it (renormalised over those kinds). Only indicators
   * with a score appear.
   */
  readonly indicators: Readonly<Record<string, number>>
  /** Rank among the peers scored this year (1 = best; ties broken by cadre id). */
  readonly peerRank: number
  /** Cadres in the peer group scored this year, the cadre included. */
  readonly peers: number
  /** Share of the other peers scored strictly lower, 0–100; `null` when the cadre has no peer. */
  readonly percentile: number | null
}

/** Every scored year of one cadre. @category Assessment */
export interface CadreScores {
  readonly cadreId: string
  readonly rank: Rank
  /** Peer category: the category (first segment) of the main specialty, or `'none'`. */
  readonly category: string
  /** Scored years, ascending; a year with no scored source does not appear. */
  readonly years: readonly YearScore[]
}

/** Combined scores of a whole roster. @category Assessment */
export interface CombinedScores {
  /** Every scored year of the roster, ascending. */
  readonly years: readonly number[]
  /** Indicator codes of the policy, in its order. */
  readonly indicators: readonly string[]
  /** One entry per cadre, in roster order (cadres with no scored year have `years: []`). */
  readonly cadres: readonly CadreScores[]
}

/**
 * Peer group of a cadre: same rank and same category. @category Assessment
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 */
export function peerCategory(cadre: Cadre): string {
  requireShape('peerCategory', 'cadre', 'cadre', cadre)
  const main = cadre.specialties[0]
  return main === undefined ? 'none' : (main.code.split('/')[0] ?? 'none')
}

/** The accumulator of {@link recordScore}, reused (a record's mean is read before the next starts). */
const scratch = new WeightedMean()

/**
 * Score of one record and where it came from: its own `score`; else its
 * indicators weighted by the policy (renormalised over the indicators it
 * has); else its rater groups weighted likewise; else `null`. A weighted
 * score is exactly the common value when every part is equal, and otherwise
 * rounded to 14 significant digits (floating-point noise removed), so that
 * equal scores reached different ways are equal numbers.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Assessment
 * @example
 * recordScore({ year: 2024, kind: 'ongoing', evaluators: { superiors: 90, peers: 80 } }, DEFAULT_POLICY.assessment)
 * //=> { score: 85.714285714286, origin: 'evaluators' }   // (0.4·90 + 0.3·80) / 0.7, to 14 digits
 */
export function recordScore(
  record: AssessmentRecord,
  policy: AssessmentPolicy,
): { readonly score: number; readonly origin: ScoreOrigin } | null {
  requireArgument(
    'recordScore',
    'record',
    'an AssessmentRecord (year, kind, optional score and indicators)',
    record,
    typeof record === 'object' &&
      record !== null &&
      typeof (record as AssessmentRecord).year === 'number' &&
      typeof (record as AssessmentRecord).kind === 'string' &&
      ((record as AssessmentRecord).indicators === undefined ||
        (typeof (record as AssessmentRecord).indicators === 'object' &&
          (record as AssessmentRecord).indicators !== null)),
  )
  requireShape('recordScore', 'policy', 'assessmentPolicy', policy)
  if (record.score !== undefined) return { score: record.score, origin: 'score' }
  if (record.indicators !== undefined) {
    const mean = scratch.reset()
    for (const spec of policy.indicators) {
      const v = record.indicators[spec.code]
      if (v !== undefined) mean.add(v, spec.weight)
    }
    const score = mean.value()
    if (score !== null) return { score, origin: 'indicators' }
  }
  if (record.evaluators !== undefined) {
    const mean = scratch.reset()
    for (const g of EVALUATOR_GROUPS) {
      const v = record.evaluators[g]
      if (v !== undefined) mean.add(v, policy.evaluators[g])
    }
    const score = mean.value()
    if (score !== null) return { score, origin: 'evaluators' }
  }
  return null
}

const KIND_INDEX: Readonly<Record<AssessmentKind, number>> = { annual: 0, ongoing: 1, special: 2 }

/**
 * The combined scores of one cadre on their own, without the peer fields
 * (`peerRank`, `peers`, `percentile`): scored years ascending.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Assessment
 */
export function cadreYearScores(
  cadre: Cadre,
  policy: AssessmentPolicy,
): Omit<YearScore, 'peerRank' | 'peers' | 'percentile'>[] {
  requireShape('cadreYearScores', 'cadre', 'cadre', cadre)
  requireShape('cadreYearScores', 'policy', 'assessmentPolicy', policy)
  const codes = policy.indicators.map((x) => x.code)
  const nInd = codes.length
  const records = cadre.assessmentRecords ?? []
  // the years of the cadre, then one block of accumulators per year (kinds × sums, counts, indicators)
  const yearSet = new Set<number>()
  for (const r of records) yearSet.add(r.year)
  for (const a of cadre.assessments) if (a.score !== undefined) yearSet.add(a.year)
  if (yearSet.size === 0) return []
  const years = [...yearSet].sort((a, b) => a - b)
  const slot = new Map(years.map((y, i) => [y, i]))
  const nY = years.length
  // running means (./mean.ts) of each kind's records, and of each indicator by kind
  const kindMeans = slotMeans(nY * 3)
  const indMeans = slotMeans(nY * 3 * nInd)
  const origin: (ScoreOrigin | undefined)[] = new Array<ScoreOrigin | undefined>(nY * 3)
  for (const r of records) {
    const y = slot.get(r.year)!
    const k = y * 3 + KIND_INDEX[r.kind]
    const s = recordScore(r, policy)
    if (s !== null) {
      addToSlot(kindMeans, k, s.score)
      origin[k] ??= s.origin
    }
    if (r.indicators !== undefined)
      for (let i = 0; i < nInd; i++) {
        const v = r.indicators[codes[i]!]
        if (v !== undefined) addToSlot(indMeans, k * nInd + i, v)
      }
  }
  // a yearly result with a score stands for the annual assessment when no detailed annual record was scored
  for (const a of cadre.assessments) {
    if (a.score === undefined) continue
    const k = slot.get(a.year)! * 3
    if (origin[k] !== undefined && origin[k] !== 'yearly') continue
    addToSlot(kindMeans, k, a.score)
    origin[k] = 'yearly'
  }
  const w = Float64Array.of(policy.kinds.annual, policy.kinds.ongoing, policy.kinds.special)
  const mean = new WeightedMean()
  const out: Omit<YearScore, 'peerRank' | 'peers' | 'percentile'>[] = []
  for (let y = 0; y < nY; y++) {
    let present = 0
    for (let k = 0; k < 3; k++) if (slotCount(kindMeans, y * 3 + k) > 0 && w[k]! > 0) present += w[k]!
    if (!(present > 0)) continue
    const sources: SourceScore[] = []
    const absent: AssessmentKind[] = []
    const weightedOut: AssessmentKind[] = []
    const combined = mean.reset()
    for (let k = 0; k < 3; k++) {
      const kind = ASSESSMENT_KINDS[k]!
      const at = y * 3 + k
      const c = slotCount(kindMeans, at)
      // a kind weighed 0 is the policy's choice, not missing data: weighted out, scored or not
      if (!(w[k]! > 0)) weightedOut.push(kind)
      else if (c > 0) {
        const kindScore = slotMean(kindMeans, at)
        combined.add(kindScore, w[k]!)
        sources.push({ kind, score: kindScore, weight: w[k]! / present, records: c, origin: origin[at]! })
      } else absent.push(kind)
    }
    const renormalised = absent.length > 0
    const score = combined.value()!
    const indicators: Record<string, number> = {}
    for (let i = 0; i < nInd; i++) {
      const profile = mean.reset()
      for (let k = 0; k < 3; k++) {
        const at = (y * 3 + k) * nInd + i
        if (slotCount(indMeans, at) > 0) profile.add(slotMean(indMeans, at), w[k]!)
      }
      const v = profile.value()
      if (v !== null) indicators[codes[i]!] = v
    }
    out.push({ year: years[y]!, score, sources, absent, weightedOut, renormalised, indicators })
  }
  return out
}

/**
 * Combined scores (三结合) of every cadre and year, with the rank among peers
 * of the same rank and category in the same year. Deterministic: roster
 * order, years ascending, ties in rank broken by cadre id.
 *
 * @param scenario - a decoded scenario; its `policy.assessment` gives the weights
 * @returns one entry per cadre
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Assessment
 * @example
 * const scores = combinedScores(sampleScenario())
 * Object.keys(scores.cadres[0].years.at(-1))
 * //=> ['year', 'score', 'sources', 'absent', 'weightedOut', 'renormalised', 'indicators', 'peerRank', 'peers', 'percentile']
 */
export function combinedScores(scenario: Scenario): CombinedScores {
  requireScenario('combinedScores', scenario)
  const policy = scenario.policy.assessment
  const raw = scenario.cadres.map((c) => cadreYearScores(c, policy))
  const years = new Set<number>()
  for (const ys of raw) for (const y of ys) years.add(y.year)

  // one flat list of (cadre, year) entries, each with its peer group (rank, category, year) as a number
  const category = scenario.cadres.map(peerCategory)
  const n = scenario.cadres.length
  const offset = new Int32Array(n + 1)
  for (let c = 0; c < n; c++) offset[c + 1] = offset[c]! + raw[c]!.length
  const total = offset[n]!
  const group = new Int32Array(total)
  const score = new Float64Array(total)
  const groupIds = new Map<string, number>()
  for (let c = 0; c < n; c++) {
    const prefix = `${scenario.cadres[c]!.rank}|${category[c]}|`
    const ys = raw[c]!
    for (let k = 0; k < ys.length; k++) {
      const key = prefix + ys[k]!.year
      let g = groupIds.get(key)
      if (g === undefined) groupIds.set(key, (g = groupIds.size))
      group[offset[c]! + k] = g
      score[offset[c]! + k] = ys[k]!.score
    }
  }
  // ties by id: the position of each cadre in id order
  const byId = Array.from({ length: n }, (_, c) => c).sort((a, b) => {
    const x = scenario.cadres[a]!.id
    const y = scenario.cadres[b]!.id
    return x < y ? -1 : x > y ? 1 : a - b
  })
  const idRank = new Int32Array(n)
  byId.forEach((c, r) => (idRank[c] = r))
  const cadreOf = new Int32Array(total)
  for (let c = 0; c < n; c++) cadreOf.fill(c, offset[c]!, offset[c + 1]!)
  // one sort: by group, then score descending, then id
  const order = Array.from({ length: total }, (_, e) => e).sort(
    (a, b) => group[a]! - group[b]! || score[b]! - score[a]! || idRank[cadreOf[a]!]! - idRank[cadreOf[b]!]!,
  )
  const peerRank = new Int32Array(total)
  const peers = new Int32Array(total)
  const below = new Int32Array(total)
  for (let lo = 0; lo < total;) {
    let hi = lo
    while (hi < total && group[order[hi]!] === group[order[lo]!]) hi++
    // entries after the last equal score are strictly lower
    let lower = 0
    for (let i = hi - 1; i >= lo; i--) {
      const e = order[i]!
      if (i < hi - 1 && score[order[i + 1]!]! < score[e]!) lower = hi - 1 - i
      peerRank[e] = i - lo + 1
      peers[e] = hi - lo
      below[e] = lower
    }
    lo = hi
  }
  return {
    years: [...years].sort((a, b) => a - b),
    indicators: policy.indicators.map((x) => x.code),
    cadres: scenario.cadres.map((c, i) => ({
      cadreId: c.id,
      rank: c.rank,
      category: category[i]!,
      years: raw[i]!.map((y, slot): YearScore => {
        const e = offset[i]! + slot
        const size = peers[e]!
        return {
          year: y.year,
          score: y.score,
          sources: y.sources,
          absent: y.absent,
          weightedOut: y.weightedOut,
          renormalised: y.renormalised,
          indicators: y.indicators,
          peerRank: peerRank[e]!,
          peers: size,
          percentile: size > 1 ? (100 * below[e]!) / (size - 1) : null,
        }
      }),
    })),
  }
}

/**
 * The combined score of a cadre's latest scored year, or `null` when no year
 * has a scored source. Used by the optional `combined` fit component.
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Assessment
 */
export function latestCombinedScore(cadre: Cadre, policy: AssessmentPolicy): YearScoreSummary | null {
  requireShape('latestCombinedScore', 'cadre', 'cadre', cadre)
  requireShape('latestCombinedScore', 'policy', 'assessmentPolicy', policy)
  const ys = cadreYearScores(cadre, policy)
  const last = ys[ys.length - 1]
  return last === undefined ? null : { year: last.year, score: last.score }
}

/** A year and its combined score. @category Assessment */
export interface YearScoreSummary {
  readonly year: number
  readonly score: number
}
