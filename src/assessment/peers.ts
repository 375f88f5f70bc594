/**
 * Peer statistics of combined scores: per peer group (rank, category) and
 * year, the sorted scores and each indicator's sorted values, built once;
 * percentiles by binary search.
 *
 * @module
 * @internal
 */
import type { CadreScores, CombinedScores, YearScore } from './combined.js'
import { weightedMean } from './mean.js'

/** Sorted values with their mean and population standard deviation. @internal */
export interface Distribution {
  readonly sorted: Float64Array
  readonly mean: number
  readonly sd: number
}

/** Statistics of one peer group in one year. @internal */
export interface GroupYear {
  readonly score: Distribution
  /** Indicator code → distribution of the members who have it. */
  readonly indicators: ReadonlyMap<string, Distribution>
}

/** The key of a peer group in a year. @internal */
export const groupKey = (c: CadreScores, year: number): string => `${c.rank}|${c.category}|${year}`

function distribution(values: number[]): Distribution {
  const sorted = Float64Array.from(values).sort()
  // exact when every value is equal (no spread, so no z-score), else rounded as the scores are (./mean.ts)
  const mean = weightedMean(sorted)!
  let ss = 0
  for (const v of sorted) ss += (v - mean) ** 2
  return { sorted, mean, sd: Math.sqrt(ss / sorted.length) }
}

/**
 * Statistics of every (group, year) of `cadres` whose key is in `wanted`
 * (every one when `wanted` is undefined). @internal
 */
export function groupStats(
  scores: CombinedScores,
  wanted?: ReadonlySet<string>,
): ReadonlyMap<string, GroupYear> {
  const raw = new Map<string, { score: number[]; ind: Map<string, number[]> }>()
  for (const c of scores.cadres)
    for (const y of c.years) {
      const key = groupKey(c, y.year)
      if (wanted !== undefined && !wanted.has(key)) continue
      let g = raw.get(key)
      if (g === undefined) raw.set(key, (g = { score: [], ind: new Map() }))
      g.score.push(y.score)
      for (const code of scores.indicators) {
        const v = y.indicators[code]
        if (v === undefined) continue
        let list = g.ind.get(code)
        if (list === undefined) g.ind.set(code, (list = []))
        list.push(v)
      }
    }
  const out = new Map<string, GroupYear>()
  for (const [key, g] of raw) {
    const indicators = new Map<string, Distribution>()
    for (const [code, values] of g.ind) indicators.set(code, distribution(values))
    out.set(key, { score: distribution(g.score), indicators })
  }
  return out
}

/** Number of values strictly below `x` (binary search). @internal */
export function countBelow(sorted: Float64Array, x: number): number {
  let lo = 0
  let hi = sorted.length
  while (lo < hi) {
    const mid = (lo + hi) >>> 1
    if (sorted[mid]! < x) lo = mid + 1
    else hi = mid
  }
  return lo
}

/** Quantile `q` in [0, 1] by linear interpolation between order statistics. @internal */
export function quantile(sorted: Float64Array, q: number): number {
  const n = sorted.length
  if (n === 1) return sorted[0]!
  const pos = q * (n - 1)
  const lo = Math.floor(pos)
  const hi = Math.min(n - 1, lo + 1)
  return sorted[lo]! + (pos - lo) * (sorted[hi]! - sorted[lo]!)
}

/** The year entry of `c` for `year`, if scored. @internal */
export const yearOf = (c: CadreScores, year: number): YearScore | undefined =>
  c.years.find((y) => y.year === year)
