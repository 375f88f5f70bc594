/**
 * Chart-ready curves: the comparison curve (a cadre's combined score against
 * the percentile band of peers, and the scores given by each rater group)
 * and the capability curve (indicator scores over the years with their trend
 * slope). Each comes with a Vega-Lite specification as a plain JSON object.
 *
 * @module
 */
import {
  invalidArgument,
  isCombinedScores,
  requireShape,
  scenarioArgument,
  type InvalidArgument,
} from '../io/door.js'
import { left, right, type Either } from 'fp-ts/lib/Either.js'
import type { EvaluatorGroup, Scenario } from '../domain/types.js'
import { combinedScores, EVALUATOR_GROUPS, type CombinedScores } from './combined.js'
import type { UnknownCadre } from './feedback.js'
import { groupKey, groupStats, quantile } from './peers.js'
import { WeightedMean } from './mean.js'

/** A Vega-Lite specification (https://vega.github.io/vega-lite/), plain JSON. @category Assessment */
export type VegaLiteSpec = { readonly [key: string]: unknown }

const VEGA_LITE = 'https://vega.github.io/schema/vega-lite/v5.json'

/** One year of the comparison curve. @category Assessment */
export interface ComparisonPoint {
  readonly year: number
  /** The cadre's combined score, or `null` if not scored that year. */
  readonly score: number | null
  /** Percentiles 10, 25, 50, 75, 90 of the peer group's combined scores (linear interpolation). */
  readonly p10: number
  readonly p25: number
  readonly p50: number
  readonly p75: number
  readonly p90: number
  /** Peers scored that year (the cadre included when scored). */
  readonly peers: number
}

/** Mean score a rater group gave the cadre in a year (over that year's records). @category Assessment */
export interface EvaluatorPoint {
  readonly year: number
  readonly group: EvaluatorGroup
  readonly score: number
}

/** The comparison curve of a cadre. @category Assessment */
export interface ComparisonCurve {
  readonly cadreId: string
  /** Years in which the peer group (same rank and category) has scores, ascending. */
  readonly points: readonly ComparisonPoint[]
  readonly evaluators: readonly EvaluatorPoint[]
  /** Band (p10–p90, p25–p75), peer median and the cadre's line. */
  readonly spec: VegaLiteSpec
  /** One line per rater group (民主测评 by group) over the years. */
  readonly evaluatorSpec: VegaLiteSpec
}

/** One indicator over the years. @category Assessment */
export interface CapabilitySeries {
  /** An indicator code, or `'combined'`. */
  readonly subject: string
  readonly points: readonly { readonly year: number; readonly value: number }[]
  /** Least-squares slope in points per year; `null` with fewer than two points. */
  readonly slope: number | null
}

/** The capability curve of a cadre. @category Assessment */
export interface CapabilityCurve {
  readonly cadreId: string
  /** The combined score first, then each indicator in policy order (those with a point). */
  readonly series: readonly CapabilitySeries[]
  readonly spec: VegaLiteSpec
}

/**
 * Least-squares slope of `values` against `years`; `null` with fewer than two
 * distinct years.
 * @throws TypeError when an argument is not of its kind; RangeError when the
 *   two arrays differ in length or hold a number that is not finite (`NaN`,
 *   `Infinity`). Programmer errors (docs/guide.md, "What throws"), as in
 *   `combineWeights`: a slope is never `NaN`.
 * @category Assessment
 * @example
 * trendSlope([2021, 2022, 2023], [80, 78, 76])
 * //=> -2
 */
export function trendSlope(years: readonly number[], values: readonly number[]): number | null {
  requireShape('trendSlope', 'years', 'numbers', years)
  requireShape('trendSlope', 'values', 'numbers', values)
  const n = years.length
  if (values.length !== n)
    throw new RangeError(`trendSlope: values: expected ${n} values (one per year), got ${values.length}`)
  for (const [name, xs] of [
    ['years', years],
    ['values', values],
  ] as const)
    for (let i = 0; i < n; i++)
      if (!Number.isFinite(xs[i]!))
        throw new RangeError(`trendSlope: ${name}[${i}]: expected a finite number, got ${xs[i]}`)
  if (n < 2) return null
  let mx = 0
  let my = 0
  for (let i = 0; i < n; i++) {
    mx += years[i]!
    my += values[i]!
  }
  mx /= n
  my /= n
  let sxy = 0
  let sxx = 0
  for (let i = 0; i < n; i++) {
    sxy += (years[i]! - mx) * (values[i]! - my)
    sxx += (years[i]! - mx) ** 2
  }
  return sxx > 0 ? sxy / sxx : null
}

/**
 * The comparison curve of a cadre: their combined score per year against
 * the percentile band of their peers, and the mean score of each rater group.
 *
 * @param scenario - a decoded scenario
 * @param cadreId - the cadre
 * @param scores - the scenario's combined scores, when already computed
 * @returns the curve with its Vega-Lite spec, or `UnknownCadre`
 * @category Assessment
 */
export function comparisonCurve(
  scenario: Scenario,
  cadreId: string,
  scores?: CombinedScores,
): Either<UnknownCadre | InvalidArgument, ComparisonCurve> {
  const notScenario = scenarioArgument(scenario)
  if (notScenario !== null) return left(notScenario)
  if (scores !== undefined && !isCombinedScores(scores))
    return left(invalidArgument('scores', 'CombinedScores (from combinedScores)', scores))
  const s = scores ?? combinedScores(scenario)
  const c = s.cadres.find((x) => x.cadreId === cadreId)
  // The rater groups' records by the cadre's id, never by position: `scores` may list the cadres
  // in another order than the scenario, or cadres the scenario does not have.
  const cadre = scenario.cadres.find((x) => x.id === cadreId)
  if (c === undefined || cadre === undefined) return left({ _tag: 'UnknownCadre', cadreId })
  const keys = new Map(s.years.map((y) => [groupKey(c, y), y]))
  const stats = groupStats(s, new Set(keys.keys()))
  const points: ComparisonPoint[] = []
  for (const [key, year] of keys) {
    const g = stats.get(key)
    if (g === undefined) continue
    const d = g.score.sorted
    points.push({
      year,
      score: c.years.find((y) => y.year === year)?.score ?? null,
      p10: quantile(d, 0.1),
      p25: quantile(d, 0.25),
      p50: quantile(d, 0.5),
      p75: quantile(d, 0.75),
      p90: quantile(d, 0.9),
      peers: d.length,
    })
  }
  const evaluators: EvaluatorPoint[] = []
  const records = cadre.assessmentRecords ?? []
  for (const year of [...new Set(records.map((r) => r.year))].sort((a, b) => a - b))
    for (const group of EVALUATOR_GROUPS) {
      const mean = new WeightedMean()
      for (const r of records) {
        const v = r.year === year ? r.evaluators?.[group] : undefined
        if (v !== undefined) mean.add(v)
      }
      const score = mean.value()
      if (score !== null) evaluators.push({ year, group, score })
    }
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE,
    title: `${cadreId}: combined score against peers`,
    data: { values: points.map((p) => ({ ...p })) },
    encoding: { x: { field: 'year', type: 'ordinal', title: 'year' } },
    layer: [
      {
        mark: { type: 'area', opacity: 0.15 },
        encoding: {
          y: { field: 'p10', type: 'quantitative', title: 'score', scale: { zero: false } },
          y2: { field: 'p90' },
        },
      },
      {
        mark: { type: 'area', opacity: 0.3 },
        encoding: { y: { field: 'p25', type: 'quantitative' }, y2: { field: 'p75' } },
      },
      { mark: { type: 'line', strokeDash: [4, 2] }, encoding: { y: { field: 'p50', type: 'quantitative' } } },
      { mark: { type: 'line', point: true }, encoding: { y: { field: 'score', type: 'quantitative' } } },
    ],
  }
  const evaluatorSpec: VegaLiteSpec = {
    $schema: VEGA_LITE,
    title: `${cadreId}: scores by rater group`,
    data: { values: evaluators.map((e) => ({ ...e })) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: 'year' },
      y: { field: 'score', type: 'quantitative', title: 'score', scale: { zero: false } },
      color: { field: 'group', type: 'nominal', title: 'rater group', sort: [...EVALUATOR_GROUPS] },
    },
  }
  return right({ cadreId, points, evaluators, spec, evaluatorSpec })
}

/**
 * The capability curve of a cadre: the combined score and each indicator
 * over the years, with least-squares trend slopes.
 *
 * @param scenario - a decoded scenario
 * @param cadreId - the cadre
 * @param scores - the scenario's combined scores, when already computed
 * @returns the curve with its Vega-Lite spec, or `UnknownCadre`
 * @category Assessment
 */
export function capabilityCurve(
  scenario: Scenario,
  cadreId: string,
  scores?: CombinedScores,
): Either<UnknownCadre | InvalidArgument, CapabilityCurve> {
  const notScenario = scenarioArgument(scenario)
  if (notScenario !== null) return left(notScenario)
  if (scores !== undefined && !isCombinedScores(scores))
    return left(invalidArgument('scores', 'CombinedScores (from combinedScores)', scores))
  const s = scores ?? combinedScores(scenario)
  const c = s.cadres.find((x) => x.cadreId === cadreId)
  if (c === undefined) return left({ _tag: 'UnknownCadre', cadreId })
  const series: CapabilitySeries[] = []
  const add = (subject: string, points: { year: number; value: number }[]): void => {
    if (points.length === 0) return
    series.push({
      subject,
      points,
      slope: trendSlope(
        points.map((p) => p.year),
        points.map((p) => p.value),
      ),
    })
  }
  add(
    'combined',
    c.years.map((y) => ({ year: y.year, value: y.score })),
  )
  for (const code of s.indicators)
    add(
      code,
      c.years.flatMap((y) => {
        const v = y.indicators[code]
        return v === undefined ? [] : [{ year: y.year, value: v }]
      }),
    )
  const spec: VegaLiteSpec = {
    $schema: VEGA_LITE,
    title: `${cadreId}: capability curve`,
    data: { values: series.flatMap((x) => x.points.map((p) => ({ subject: x.subject, ...p }))) },
    mark: { type: 'line', point: true },
    encoding: {
      x: { field: 'year', type: 'ordinal', title: 'year' },
      y: { field: 'value', type: 'quantitative', title: 'score', scale: { zero: false } },
      color: { field: 'subject', type: 'nominal', title: 'indicator' },
    },
  }
  return right({ cadreId, series, spec })
}
