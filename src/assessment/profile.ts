/**
 * TOPSIS ranking of cadres for a target post profile: the weights a post puts
 * on each indicator (set by hand, from an AHP matrix, or combined with
 * entropy weights), applied to each candidate's indicator profile of their
 * latest scored year.
 *
 * @module
 */
import { isLeft, left, right, type Either } from 'fp-ts/lib/Either.js'
import type { Scenario } from '../domain/types.js'
import { combinedScores, type CombinedScores } from './combined.js'
import { topsis, type TopsisError } from './topsis.js'

/** What a post asks for: indicator code → weight (≥ 0; normalised over the listed indicators). @category Assessment */
export interface PostProfile {
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
  | TopsisError
  | { readonly _tag: 'UnknownIndicator'; readonly indicator: string }
  | { readonly _tag: 'NoCandidate' }

/**
 * Ranks candidates for a post profile by TOPSIS on their latest indicator
 * scores (all indicators are benefits). Candidates lacking an indicator the
 * profile weighs are listed as excluded, never scored zero.
 *
 * @param scenario - a decoded scenario
 * @param profile - the indicator weights of the post, and the candidates
 * @param scores - the scenario's combined scores, when already computed
 * @category Assessment
 */
export function rankForProfile(
  scenario: Scenario,
  profile: PostProfile,
  scores?: CombinedScores,
): Either<ProfileError, ProfileRanking> {
  const s = scores ?? combinedScores(scenario)
  const known = new Set(s.indicators)
  const indicators = s.indicators.filter((code) => (profile.weights[code] ?? 0) > 0)
  for (const code of Object.keys(profile.weights).sort())
    if (!known.has(code)) return left({ _tag: 'UnknownIndicator', indicator: code })
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
