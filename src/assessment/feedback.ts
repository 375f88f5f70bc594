/**
 * The feedback list (清单式反馈) of a cadre: the indicators well above or
 * below peers of the same rank and category (with the numbers), trend
 * warnings (an indicator or the combined score falling years running), and
 * the training topics that address each weakness (缺什么补什么), a hook for
 * training planning. See docs/assessment.md.
 *
 * @module
 */
import {
  invalidArgument,
  isCombinedScores,
  requireArgument,
  requireScenario,
  scenarioArgument,
  type InvalidArgument,
} from '../io/door.js'
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { AssessmentKind, Scenario } from '../domain/types.js'
import { combinedScores, type CadreScores, type CombinedScores } from './combined.js'
import { countBelow, groupKey, groupStats, type GroupYear } from './peers.js'
import { roundScore, SCORE_DIGITS } from './mean.js'

/**
 * `x` rounded at the decimal place {@link roundScore} rounds numbers the size
 * of `scale` to: a difference or spread of scores keeps only the digits the
 * scores have (70.1 − 70.2 is −0.1, not −0.09999999999999432).
 */
function roundAtScaleOf(x: number, scale: number): number {
  const a = Math.abs(scale)
  if (x === 0 || a === 0 || !Number.isFinite(x) || !Number.isFinite(a)) return x
  const k = SCORE_DIGITS - 1 - Math.floor(Math.log10(a))
  if (k > 22 || k < -22) return x
  const p = Number(`1e${Math.abs(k)}`)
  return k >= 0 ? Math.round(x * p) / p : Math.round(x / p) * p
}

/** An indicator compared with peers. @category Assessment */
export interface IndicatorComparison {
  readonly indicator: string
  /** The cadre's score. */
  readonly value: number
  /** Mean and population standard deviation of the peer group (the cadre included). */
  readonly peerMean: number
  readonly peerSd: number
  /** (value − peerMean) / peerSd. */
  readonly z: number
  /** Share of the other peers scored strictly lower, 0–100. */
  readonly percentile: number
  /** Cadres in the peer group with this indicator, the cadre included. */
  readonly peers: number
}

/** A score falling year after year. @category Assessment */
export interface TrendWarning {
  /** An indicator code, or `'combined'` for the combined score. */
  readonly subject: string
  /** Consecutive years, oldest first, ending at the latest year. */
  readonly years: readonly number[]
  /** The falling values of those years. */
  readonly values: readonly number[]
}

/** A training topic (培训专题) for a weak indicator, and why. @category Assessment */
export interface TrainingNeed {
  readonly indicator: string
  readonly topic: string
  readonly because: readonly ('below-peers' | 'falling')[]
}

/** The feedback list of one cadre. @category Assessment */
export interface FeedbackList {
  readonly cadreId: string
  /** Latest scored year, or `null` when no year is scored (everything else is then empty). */
  readonly year: number | null
  readonly score: number | null
  /** Rank among peers in that year (1 = best) and the group's size. */
  readonly peerRank: number | null
  readonly peers: number
  /** Kinds absent (missing) in that year: the combined score was renormalised over the others. */
  readonly absent: readonly AssessmentKind[]
  /** Kinds the policy weighs 0, left out of that year's score by the policy (not missing data). */
  readonly weightedOut: readonly AssessmentKind[]
  /** False when the peer group has fewer than `policy.assessment.feedback.minPeers` other members. */
  readonly compared: boolean
  /** Indicators well above peers (z > 0 and z ≥ `deviation`), highest z first (ties by policy order). */
  readonly strengths: readonly IndicatorComparison[]
  /** Indicators well below peers (z < 0 and z ≤ −`deviation`), lowest z first. */
  readonly weaknesses: readonly IndicatorComparison[]
  /**
   * Indicators of the cadre that could not be compared with peers, in policy
   * order, and why (listed when `compared`; otherwise none was compared):
   * `no-spread` when every peer has the same score (standard deviation 0, so
   * no one is above or below the others: neither a strength nor a weakness),
   * `few-peers` when fewer than `policy.assessment.feedback.minPeers` other
   * peers have the indicator.
   */
  readonly notCompared: readonly {
    readonly indicator: string
    readonly reason: 'no-spread' | 'few-peers'
  }[]
  readonly warnings: readonly TrendWarning[]
  /** One need per weak or falling indicator, in policy order. */
  readonly training: readonly TrainingNeed[]
}

/** A cadre id that is not in the roster. @category Assessment */
export interface UnknownCadre {
  readonly _tag: 'UnknownCadre'
  readonly cadreId: string
}

/**
 * Feedback lists of every cadre, in roster order; peer statistics are built
 * once. Deterministic for a given scenario.
 *
 * @param scenario - a decoded scenario
 * @param scores - its combined scores, when already computed
 * @throws TypeError when an argument is not of its kind (a programmer error; docs/guide.md, "What throws")
 * @category Assessment
 */
export function feedbackLists(scenario: Scenario, scores?: CombinedScores): FeedbackList[] {
  requireScenario('feedbackLists', scenario)
  if (scores !== undefined)
    requireArgument(
      'feedbackLists',
      'scores',
      'CombinedScores (from combinedScores)',
      scores,
      isCombinedScores(scores),
    )
  const s = scores ?? combinedScores(scenario)
  const stats = groupStats(s)
  return s.cadres.map((c) => feedbackOf(scenario, s, c, stats))
}

/**
 * The feedback list of one cadre.
 *
 * @param scenario - a decoded scenario
 * @param cadreId - the cadre
 * @param scores - the scenario's combined scores, when already computed
 * @returns the list, or `UnknownCadre`
 * @category Assessment
 * @example
 * const list = feedbackList(sampleScenario(), 'C00040')
 * list._tag === 'Right' && list.right.training.map((t) => t.topic)
 * //=> ['professional-skills', 'performance-management']
 */
export function feedbackList(
  scenario: Scenario,
  cadreId: string,
  scores?: CombinedScores,
): Either<UnknownCadre | InvalidArgument, FeedbackList> {
  const notScenario = scenarioArgument(scenario)
  if (notScenario !== null) return left(notScenario)
  if (scores !== undefined && !isCombinedScores(scores))
    return left(invalidArgument('scores', 'CombinedScores (from combinedScores)', scores))
  const s = scores ?? combinedScores(scenario)
  const c = s.cadres.find((x) => x.cadreId === cadreId)
  if (c === undefined) return left({ _tag: 'UnknownCadre', cadreId })
  const last = c.years[c.years.length - 1]
  const stats = groupStats(s, last === undefined ? new Set() : new Set([groupKey(c, last.year)]))
  return right(feedbackOf(scenario, s, c, stats))
}

function feedbackOf(
  scenario: Scenario,
  s: CombinedScores,
  c: CadreScores,
  stats: ReadonlyMap<string, GroupYear>,
): FeedbackList {
  const policy = scenario.policy.assessment
  const last = c.years[c.years.length - 1]
  if (last === undefined)
    return {
      cadreId: c.cadreId,
      year: null,
      score: null,
      peerRank: null,
      peers: 0,
      absent: [],
      weightedOut: [],
      compared: false,
      strengths: [],
      weaknesses: [],
      notCompared: [],
      warnings: [],
      training: [],
    }
  const group = stats.get(groupKey(c, last.year))
  const compared = last.peers - 1 >= policy.feedback.minPeers
  const strengths: IndicatorComparison[] = []
  const weaknesses: IndicatorComparison[] = []
  const notCompared: FeedbackList['notCompared'][number][] = []
  if (compared && group !== undefined) {
    for (const code of s.indicators) {
      const value = last.indicators[code]
      const d = group.indicators.get(code)
      if (value === undefined || d === undefined) continue
      if (d.sorted.length - 1 < policy.feedback.minPeers) {
        notCompared.push({ indicator: code, reason: 'few-peers' })
        continue
      }
      // z from the deviation and the spread rounded at the scores' own digits, then rounded as scores
      // are: peers symmetric about the mean on paper are ±z exactly, and a z of `deviation` on paper
      // is `deviation` (not 1.000000000000071 or 0.99999999999997).
      const scale = Math.max(
        Math.abs(value),
        Math.abs(d.sorted[0]!),
        Math.abs(d.sorted[d.sorted.length - 1]!),
      )
      const sd = roundAtScaleOf(d.sd, scale)
      // no spread, no z: nobody is above or below peers who all have the same score
      if (!(sd > 0)) {
        notCompared.push({ indicator: code, reason: 'no-spread' })
        continue
      }
      const z = roundScore(roundAtScaleOf(value - d.mean, scale) / sd)
      const row: IndicatorComparison = {
        indicator: code,
        value,
        peerMean: d.mean,
        peerSd: d.sd,
        z,
        percentile: (100 * countBelow(d.sorted, value)) / (d.sorted.length - 1),
        peers: d.sorted.length,
      }
      // z = 0 (the peer mean) is neither above nor below, even when `deviation` is 0
      if (z > 0 && z >= policy.feedback.deviation) strengths.push(row)
      else if (z < 0 && z <= -policy.feedback.deviation) weaknesses.push(row)
    }
  }
  const order = (code: string): number => s.indicators.indexOf(code)
  if (strengths.length > 1) strengths.sort((a, b) => b.z - a.z || order(a.indicator) - order(b.indicator))
  if (weaknesses.length > 1) weaknesses.sort((a, b) => a.z - b.z || order(a.indicator) - order(b.indicator))

  const warnings: TrendWarning[] = []
  const run = policy.feedback.fallingYears
  const falling = (subject: string, value: (year: number) => number | undefined): void => {
    const years: number[] = []
    const values: number[] = []
    for (let k = run; k >= 0; k--) {
      const v = value(last.year - k)
      if (v === undefined) return
      years.push(last.year - k)
      values.push(v)
    }
    for (let i = 1; i < values.length; i++) if (!(values[i]! < values[i - 1]!)) return
    warnings.push({ subject, years, values })
  }
  // years ascend: search back from the latest
  const at = (year: number) => {
    for (let k = c.years.length - 1; k >= 0; k--) {
      const y = c.years[k]!
      if (y.year === year) return y
      if (y.year < year) return undefined
    }
    return undefined
  }
  falling('combined', (y) => at(y)?.score)
  for (const code of s.indicators) falling(code, (y) => at(y)?.indicators[code])

  const training: TrainingNeed[] = []
  for (const spec of policy.indicators) {
    const because: ('below-peers' | 'falling')[] = []
    if (weaknesses.some((w) => w.indicator === spec.code)) because.push('below-peers')
    if (warnings.some((w) => w.subject === spec.code)) because.push('falling')
    if (because.length > 0) training.push({ indicator: spec.code, topic: spec.training, because })
  }
  return {
    cadreId: c.cadreId,
    year: last.year,
    score: last.score,
    peerRank: last.peerRank,
    peers: last.peers,
    absent: last.absent,
    weightedOut: last.weightedOut,
    compared,
    strengths,
    weaknesses,
    notCompared,
    warnings,
    training,
  }
}
