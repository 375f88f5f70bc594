/**
 * TOPSIS ranking of cadres for a target post profile: the weights a post puts
 * on each indicator (set by hand, from an AHP matrix, or combined with
 * entropy weights), applied to each candidate's indicator profile of their
 * latest scored year.
 *
 * @module
 */
import { invalidArgument, isCombinedScores, scenarioArgument, type InvalidArgument } from '../io/door.js'
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js'
import type { Scenario } from '../domain/types.js'
import { combinedScores, type CombinedScores } from './combined.js'
import { entropyWeights, type EntropyError } from './entropy.js'
import { topsis, type TopsisError } from './topsis.js'

/** What a post asks for: indicator code → weight (≥ 0; normalised over the listed indicators). @category Assessment */
export interface IndicatorProfile {
  readonly weights: Readonly<Record<string, number>>
  /** Candidates to rank. @defaultValue every cadre with a scored year */
  readonly cadreIds?: readonly string[]
}

/** One ranked candidate. @category Assessment */
export interface ProfileRank {
  readonly cadreId: string
  readonly year: number
  /** TOPSIS relative closeness in [0, 1]. */
  readonly closeness: number
  /** 1 = best; ties by cadre id. */
  readonly rank: number
}

/** The ranking of candidates for a profile, and who could not be ranked. @category Assessment */
export interface ProfileRanking {
  readonly indicators: readonly string[]
  readonly ranked: readonly ProfileRank[]
  /** Candidates left out: unknown id, no scored year, or an indicator of the profile missing. */
  readonly excluded: readonly {
    readonly cadreId: string
    readonly reason: 'unknown' | 'no-score' | 'missing-indicators'
    readonly missing: readonly string[]
  }[]
}

/** Why a profile gives no ranking. @category Assessment */
export type ProfileError =
  /**
   * From {@link topsis}; among them `BadWeights` when a weight of the profile
   * is negative or not a finite number (its `reason` names the indicator).
   */
  | TopsisError
  | { readonly _tag: 'UnknownIndicator'; readonly indicator: string }
  | { readonly _tag: 'NoCandidate' }
  /**
   * `cadreIds` lists a cadre more than once (the first such id): a repeated
   * candidate would weigh twice in every column's norm and move every
   * closeness, so it is refused rather than silently dropped.
   */
  | { readonly _tag: 'DuplicateCadre'; readonly cadreId: string }

/**
 * Ranks candidates for a post profile by TOPSIS on their latest indicator
 * scores (all indicators are benefits). Candidates lacking an indicator the
 * profile weighs are listed as excluded, never scored zero.
 *
 * @param scenario - a decoded scenario
 * @param profile - the indicator weights of the post, and the candidates
 * @param scores - the scenario's combined scores, when already computed
 * @returns the ranking, or a {@link ProfileError}: `UnknownIndicator`,
 *   `BadWeights` (a weight negative or not finite), `DuplicateCadre`, `NoCandidate`
 * @category Assessment
 */
export function rankForProfile(
  scenario: Scenario,
  profile: IndicatorProfile,
  scores?: CombinedScores,
): Either<ProfileError | InvalidArgument, ProfileRanking> {
  const notScenario = scenarioArgument(scenario)
  if (notScenario !== null) return left(notScenario)
  const isProfile =
    typeof profile === 'object' &&
    profile !== null &&
    typeof profile.weights === 'object' &&
    profile.weights !== null &&
    !Array.isArray(profile.weights) &&
    Object.values(profile.weights).every((w) => typeof w === 'number') &&
    (profile.cadreIds === undefined ||
      (Array.isArray(profile.cadreIds) && profile.cadreIds.every((id) => typeof id === 'string')))
  if (!isProfile)
    return left(
      invalidArgument(
        'profile',
        'an IndicatorProfile ({ weights: { indicator: number }, cadreIds? })',
        profile,
      ),
    )
  if (scores !== undefined && !isCombinedScores(scores))
    return left(invalidArgument('scores', 'CombinedScores (from combinedScores)', scores))
  const s = scores ?? combinedScores(scenario)
  const known = new Set(s.indicators)
  const indicators = s.indicators.filter((code) => (profile.weights[code] ?? 0) > 0)
  const named = Object.keys(profile.weights).sort()
  for (const code of named) if (!known.has(code)) return left({ _tag: 'UnknownIndicator', indicator: code })
  // as topsis itself: a weight is ≥ 0 and finite (0 leaves the indicator out)
  for (const code of named) {
    const w = profile.weights[code]!
    if (!(w >= 0) || !Number.isFinite(w))
      return left({
        _tag: 'BadWeights',
        reason: `profile.weights.${code}: expected a finite weight ≥ 0, got ${w}`,
      })
  }
  if (profile.cadreIds !== undefined) {
    const seen = new Set<string>()
    for (const id of profile.cadreIds) {
      if (seen.has(id)) return left({ _tag: 'DuplicateCadre', cadreId: id })
      seen.add(id)
    }
  }
  const byId = new Map(s.cadres.map((c) => [c.cadreId, c]))
  const ids = profile.cadreIds ?? s.cadres.filter((c) => c.years.length > 0).map((c) => c.cadreId)
  const rows: number[][] = []
  const rowIds: string[] = []
  const years: number[] = []
  const excluded: ProfileRanking['excluded'][number][] = []
  for (const id of ids) {
    const c = byId.get(id)
    const last = c?.years[c.years.length - 1]
    if (c === undefined) excluded.push({ cadreId: id, reason: 'unknown', missing: [] })
    else if (last === undefined) excluded.push({ cadreId: id, reason: 'no-score', missing: [] })
    else {
      const missing = indicators.filter((code) => last.indicators[code] === undefined)
      if (missing.length > 0) excluded.push({ cadreId: id, reason: 'missing-indicators', missing })
      else {
        rows.push(indicators.map((code) => last.indicators[code]!))
        rowIds.push(id)
        years.push(last.year)
      }
    }
  }
  if (rows.length === 0) return left({ _tag: 'NoCandidate' })
  const r = topsis(
    rows,
    indicators.map((code) => profile.weights[code]!),
    { ids: rowIds },
  )
  if (isLeft(r)) return r
  const ranked = r.right.order.map((row) => ({
    cadreId: rowIds[row]!,
    year: years[row]!,
    closeness: r.right.closeness[row]!,
    rank: r.right.rank[row]!,
  }))
  return right({ indicators, ranked, excluded })
}

/** Entropy weights of the indicators, and the data they came from. @category Assessment */
export interface IndicatorWeights {
  readonly indicators: readonly string[]
  readonly weights: readonly number[]
  /** Cadres whose profile had every indicator (the rows of the data). */
  readonly cadres: number
}

/**
 * Objective indicator weights from the county's own data: the entropy
 * weights ({@link entropyWeights}) of the indicator profiles of `year` (each
 * cadre's latest scored year when not given), over the cadres whose profile
 * scores every indicator. Combine them with AHP weights by `combineWeights`.
 *
 * @param scores - combined scores of a scenario
 * @param year - the year whose profiles are read
 * @returns the weights in policy order, or an {@link EntropyError} (e.g. fewer than two complete profiles)
 * @category Assessment
 */
export function indicatorEntropyWeights(
  scores: CombinedScores,
  year?: number,
): Either<EntropyError | InvalidArgument, IndicatorWeights> {
  if (!isCombinedScores(scores))
    return left(invalidArgument('scores', 'CombinedScores (from combinedScores)', scores))
  if (year !== undefined && !Number.isInteger(year))
    return left(invalidArgument('year', 'an integer year', year))
  const rows: number[][] = []
  for (const c of scores.cadres) {
    const y = year === undefined ? c.years[c.years.length - 1] : c.years.find((x) => x.year === year)
    if (y === undefined) continue
    const row: number[] = []
    for (const code of scores.indicators) {
      const v = y.indicators[code]
      if (v === undefined) break
      row.push(v)
    }
    if (row.length === scores.indicators.length) rows.push(row)
  }
  const r = entropyWeights(rows)
  return isLeft(r)
    ? r
    : right({ indicators: scores.indicators, weights: r.right.weights, cadres: rows.length })
}
